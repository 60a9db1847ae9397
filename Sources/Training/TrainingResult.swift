import ModelFormat

/// The outcome of a training run: the model file bytes and how training went.
public struct TrainingResult: Sendable {
    /// The serialised model (safetensors; loads with `Model.load(bytes:source:)`).
    public let modelBytes: [UInt8]
    /// Its metadata (provenance included).
    public let metadata: ModelMetadata
    /// The kept (best-epoch) weights, batch norm unfolded.
    public let weights: NetworkWeights
    /// Epochs run, the 1-based best epoch, and its validation loss and ROC-AUC.
    public let epochsRun: Int
    public let bestEpoch: Int
    public let validationLoss: Double
    public let validationAUC: Double?
    /// Seconds spent in the epoch loop.
    public let trainingSeconds: Double
    /// Every epoch's report, in order.
    public let history: [EpochProgress]
    /// The genomes used, training first.
    public let genomes: [GenomeSummary]

    /// CDS on sequences absent from their genome, over all genomes (reported, not an error).
    public var missingCDSCount: Int { genomes.reduce(0) { $0 + $1.missingCDSCount } }
}
