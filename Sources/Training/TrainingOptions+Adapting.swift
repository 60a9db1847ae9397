import ModelFormat

/// Fine-tuning: training that starts from a model (`train --initial-model`), and `--adapt`'s recipe, the
/// model's own network trained a little further on the input genome, labelled by the gene calls of a
/// first pass (docs/adapt.md has the measurements behind each choice, made on the first
/// cross-validation fold's held-out genomes).
extension TrainingOptions {
    /// Starts from `model`: its weights (`initialModel`), its network and window (`architecture`) and
    /// its scan defaults (step, smoothing, ORF gate, minimum length, maximum window). False, and nothing
    /// changed, when the model's layers are not a network the trainer builds (`NetworkArchitecture(model:)`).
    public mutating func start(from model: Model) -> Bool {
        guard let architecture = NetworkArchitecture(model: model) else { return false }
        initialModel = model
        self.architecture = architecture
        step = model.metadata.step
        smooth = model.metadata.smooth
        orfGate = model.metadata.orfGate
        minLength = model.metadata.minLength
        maxWindow = model.metadata.maxWindow
        return true
    }

    /// Most bases of the input the fine-tuning reads (the first records up to this), which bounds its
    /// memory (about 4 bytes a base while it runs).
    public static let adaptingBaseLimit = 20_000_000

    /// Windows drawn for `bases` of input: one per 128 bases, between 3,000 and 30,000.
    public static func adaptingWindows(bases: Int) -> Int { min(30_000, max(3_000, bases / 128)) }

    /// The options that fine-tune `model` on `bases` bases: one epoch of `adaptingWindows(bases:)`
    /// windows at learning rate 0.0003 (cosine), the model's network and scan defaults, the training
    /// defaults otherwise (soft labels over the central 300 bases, 3% mutations, dropout 0.2, the
    /// last 10% of every record held out). Mini-batches are always split in two parts (two threads),
    /// so the result is the same for any scan thread count. Nil when the model's layers are not a
    /// network `codingscan train` builds (`NetworkArchitecture(model:)`).
    /// `command` is recorded in the model's provenance.
    public static func adapting(_ model: Model, bases: Int, name: String? = nil,
                                command: String = "codingscan --adapt") -> TrainingOptions? {
        var options = TrainingOptions()
        guard options.start(from: model) else { return nil }
        options.name = name ?? model.metadata.name + "-adapted"
        options.epochs = 1
        options.windowsPerEpoch = adaptingWindows(bases: bases)
        options.learningRate = 0.0003
        options.validationWindows = 1_000
        options.threads = 2
        options.recordTiming = false
        options.command = command
        return options
    }
}
