import GeneCalling
import ModelFormat

/// What `TrackScanner.adapted` learnt from the input (`--adapt`) and the scanner of the last pass.
public struct ScanAdaptation {
    /// The scanner of the last pass: the fine-tuned network (when there is one) with the gene model
    /// that carries `statistics`; the first scanner itself when the input is too small to adapt.
    public let scanner: TrackScanner
    /// What the first pass's calls say about the genome.
    public let statistics: GeneStatistics
    /// The network fine-tuned on the genome (`TrainingOptions.adapting`); nil when it was not.
    public let network: Model?
    /// Why the network was not fine-tuned although the statistics were learnt (nil when it was, when
    /// it was not asked to be, or when nothing was adapted: `statistics.shortfall`).
    public let networkShortfall: String?
    /// Windows the fine-tuning trained on (0 without it).
    public let windows: Int
    /// The reads are scored with their own hexamers (`ReadHexamerSample`), whatever the statistics.
    public let readsAdapted: Bool
}
