import ModelFormat
import ReadingFrames

/// Everything that shapes a training run besides the genomes.
///
/// The defaults are the recipe of the built-in model (docs/default-model.md): a 360 bp window labelled
/// by its central 300 bases with soft labels, 3% point mutations, 24 epochs of 100,000 windows with
/// cosine annealing, genomes weighted by the square root of their size; stored scan defaults step 27,
/// smoothing 162 and ORF gate 200.
public struct TrainingOptions: Sendable {
    /// The network and its training window.
    public var architecture = NetworkArchitecture.standard
    /// Model name stored in the file.
    public var name = "codingscan-trained"
    /// Default scan step stored in the model, bases.
    public var step = 27
    /// Default smoothing span stored in the model, bases (0 = none; see `ModelMetadata.smooth`).
    public var smooth = 162
    /// Default ORF-gate midpoint stored in the model, bases (0 = none; see `ModelMetadata.orfGate`).
    public var orfGate = 200
    /// `min_length` stored in the model; nil = the network's minimum input length.
    public var minLength: Int?
    /// `max_window` stored in the model, bases.
    public var maxWindow = 100_000
    /// Start from this model's weights instead of random ones (fine-tuning): its layers must be an
    /// architecture the trainer builds, equal to `architecture` (`NetworkArchitecture(model:)`).
    public var initialModel: Model?
    /// Most epochs to run.
    public var epochs = 24
    /// Windows per optimiser step.
    public var batchSize = 64
    /// Adam step size.
    public var learningRate = 0.001
    /// How the step size changes over the run (`learningRate` is its start).
    public var learningRateSchedule = LearningRateSchedule.cosine
    /// Decoupled (AdamW) weight decay on conv and dense weights; 0 = none.
    public var weightDecay = 0.0
    /// Dropout rate on the pooled features, in [0, 1).
    public var dropout = 0.2
    /// Probability per base and sample of a random point mutation (augmentation), in [0, 1].
    public var mutationRate = 0.03
    /// Probability per base and sample of a random insertion or deletion (augmentation for long-read
    /// error profiles; `WindowEncoder`), in [0, 0.5]; 0 = none.
    public var indelRate = 0.0
    /// Fraction of a window's bases that must be CDS (on the read strand) for the coding label, (0, 1].
    public var codingFraction = 0.5
    /// Bases at the centre of the window whose CDS coverage decides its label (`codingFraction` of
    /// them); nil = `defaultLabelSpan`, or the whole window when that is shorter.
    public var labelSpan: Int?
    /// The label span when none is given, bases.
    public static let defaultLabelSpan = 300
    /// Train towards the CDS-covered fraction of the label span instead of 0/1 (classes for sampling
    /// and validation ROC-AUC still follow `codingFraction`).
    public var softLabels = true
    /// Training windows drawn per epoch.
    public var windowsPerEpoch = 100_000
    /// Size of the fixed validation set.
    public var validationWindows = 10_000
    /// Without validation genomes: fraction at the end of every record held out for validation.
    public var holdoutFraction = 0.1
    /// Stop after this many epochs without a lower validation loss.
    public var patience = 30
    /// How draws are shared among genomes.
    public var weighting = GenomeWeighting.sqrt
    /// Seed of every random choice.
    public var seed: UInt64 = 1
    /// Worker threads; each mini-batch is split into this many contiguous parts (batch norm still over the whole mini-batch).
    public var threads = 1
    /// The command line, recorded in provenance.
    public var command = ""
    /// Record training seconds in provenance (off makes the file a pure function of the inputs,
    /// seed and thread count).
    public var recordTiming = true

    public init() {}

    /// Checks every value: `.outOfRange` (or an architecture error) names the setting, not an option.
    public func validate() throws(TrainingError) {
        try architecture.validate()
        let window = architecture.window
        func check(_ ok: Bool, _ setting: TrainingSetting, _ detail: @autoclosure () -> String) throws(TrainingError) {
            if !ok { throw .outOfRange(setting, detail()) }
        }
        if let initialModel {
            guard let own = NetworkArchitecture(model: initialModel) else {
                throw .outOfRange(.initialModel, "'\(initialModel.metadata.name)' has layers the trainer does not build")
            }
            try check(own == architecture, .initialModel, "the network settings must be the model's")
        }
        try check(!name.isEmpty && !name.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, .name,
                  "must be non-empty without control characters")
        try check((0...ModelMetadata.lengthLimit).contains(smooth), .smooth,
                  "must be between 0 and \(ModelMetadata.lengthLimit), got \(smooth)")
        try check((0...ORFGate.lengthCap).contains(orfGate), .orfGate,
                  "must be between 0 and \(ORFGate.lengthCap), got \(orfGate)")
        try check((1...window).contains(step), .step, "must be between 1 and the window (\(window)), got \(step)")
        if let minLength {
            try check((architecture.minimumInputLength...window).contains(minLength), .minLength,
                      "must be between the network's minimum input length \(architecture.minimumInputLength) "
                        + "and the window \(window), got \(minLength)")
        }
        try check(maxWindow >= window && maxWindow <= ModelMetadata.lengthLimit, .maxWindow,
                  "must be between the window and 2^30")
        try check(epochs >= 1, .epochs, "must be at least 1, got \(epochs)")
        try check((1...(1 << 16)).contains(batchSize), .batchSize, "must be between 1 and 65536, got \(batchSize)")
        try check(learningRate > 0 && learningRate.isFinite, .learningRate, "must be positive, got \(learningRate)")
        try check(weightDecay >= 0 && weightDecay.isFinite, .weightDecay, "must be >= 0, got \(weightDecay)")
        try check(dropout >= 0 && dropout < 1, .dropout, "must be in [0, 1), got \(dropout)")
        try check(mutationRate >= 0 && mutationRate <= 1, .mutationRate, "must be in [0, 1], got \(mutationRate)")
        try check(indelRate >= 0 && indelRate <= 0.5, .indelRate, "must be in [0, 0.5], got \(indelRate)")
        try check(codingFraction > 0 && codingFraction <= 1, .codingFraction, "must be in (0, 1], got \(codingFraction)")
        if let labelSpan {
            try check((1...window).contains(labelSpan), .labelSpan,
                      "must be between 1 and the window (\(window)), got \(labelSpan)")
        }
        try check(windowsPerEpoch >= 1, .windowsPerEpoch, "must be at least 1, got \(windowsPerEpoch)")
        try check(validationWindows >= 2, .validationWindows, "must be at least 2, got \(validationWindows)")
        try check(holdoutFraction > 0 && holdoutFraction < 1, .holdoutFraction, "must be in (0, 1)")
        try check(patience >= 1, .patience, "must be at least 1, got \(patience)")
        try check((1...1024).contains(threads), .threads, "must be between 1 and 1024 (got \(threads))")
    }

    /// `labelSpan`, or the default span cut to the window.
    public var resolvedLabelSpan: Int { labelSpan ?? min(Self.defaultLabelSpan, architecture.window) }

    /// `minLength`, or the network's minimum input length.
    public var effectiveMinLength: Int { minLength ?? architecture.minimumInputLength }
}
