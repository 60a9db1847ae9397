/// How far a scan has got, as reported to `TrackScanner.progress`: counts of what has been scored and
/// written so far (not timed; the observer keeps the clock).
public struct ScanProgress: Sendable, Equatable {
    /// Records whose track is complete.
    public var sequences = 0
    /// Bases of the input whose windows are written: complete records plus the current one up to the
    /// end of its last written window.
    public var bases = 0
    /// True on the last report, after the last record.
    public var finished = false

    public init(sequences: Int = 0, bases: Int = 0, finished: Bool = false) {
        self.sequences = sequences
        self.bases = bases
        self.finished = finished
    }
}
