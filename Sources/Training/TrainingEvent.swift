/// Progress reported to the caller while training (the library never prints).
public enum TrainingEvent: Sendable, Equatable {
    /// A genome and its annotation were loaded.
    case genomeLoaded(GenomeSummary)
    /// The windows available after the split: eligible (start, strand) windows per class.
    case windowsCounted(role: String, coding: Int, nonCoding: Int)
    /// An epoch finished.
    case epoch(EpochProgress)
    /// Training stopped early: no better validation loss for `patience` epochs after `bestEpoch`.
    case stoppedEarly(epoch: Int, bestEpoch: Int)
}
