import Tracks
import Windows

/// A `TrackWriter` that keeps the bins of every sequence in memory instead of writing text.
///
/// Bins are placed by `BinSequencer`, exactly as the bedGraph writer places them; a bin's score is
/// max(p_plus, p_minus) of its window (nil when the window was not scored, where bedGraph leaves a
/// gap). Memory: 24 bytes per bin (one bin per `step` bases).
public final class BinCollector: TrackWriter {
    /// The sequences finished so far, in input order.
    public private(set) var sequences: [ScoredSequence] = []
    private var sequencer: BinSequencer
    private var name = ""
    private var bins: [ScoredBin] = []

    public init(plan: WindowPlan) {
        sequencer = BinSequencer(plan: plan)
    }

    public func begin(sequence name: String) throws(TrackError) {
        self.name = name
        bins = []
        sequencer.reset()
    }

    public func add(_ window: ScoredWindow) throws(TrackError) {
        try sequencer.add(window, keep)
    }

    public func end(sequenceLength length: Int) throws(TrackError) {
        try sequencer.end(length: length, keep)
        sequences.append(ScoredSequence(name: name, length: length, bins: bins))
        bins = []
    }

    public func finish() throws(TrackError) {}

    /// Hands the collected sequences over and forgets them.
    public func take() -> [ScoredSequence] {
        defer { sequences = [] }
        return sequences
    }

    /// Keeps the bin of `window`.
    private func keep(_ window: ScoredWindow, _ bin: Range<Int>) throws(TrackError) {
        bins.append(ScoredBin(start: bin.lowerBound, end: bin.upperBound, score: BinValue.of(window, strand: .both)))
    }
}
