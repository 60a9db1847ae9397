import Windows

/// Turns the windows of one sequence into their bins (see `WindowPlan`): holds one window back until
/// it is known whether it is the sequence's last, whose bin is extended to the sequence end.
/// Bins are 0-based half-open; the first window's bin starts with it (at 0, or at the start of a
/// region scanned in genomic coordinates).
public struct BinSequencer {
    public let plan: WindowPlan
    private var pending: ScoredWindow?

    public init(plan: WindowPlan) {
        self.plan = plan
    }

    /// Forgets any held window (start of a new sequence).
    public mutating func reset() {
        pending = nil
    }

    /// Takes the next window; hands the previous one, now known not to be last, to `emit`.
    public mutating func add(_ window: ScoredWindow,
                             _ emit: (ScoredWindow, Range<Int>) throws(TrackError) -> Void) throws(TrackError) {
        if let previous = pending { try emit(previous, bin(previous, sequenceLength: nil)) }
        pending = window
    }

    /// Ends the sequence of `length` bases, handing the held window to `emit` with its bin extended
    /// to the end.
    public mutating func end(length: Int,
                             _ emit: (ScoredWindow, Range<Int>) throws(TrackError) -> Void) throws(TrackError) {
        if let last = pending { try emit(last, bin(last, sequenceLength: length)) }
        pending = nil
    }

    private func bin(_ window: ScoredWindow, sequenceLength: Int?) -> Range<Int> {
        // The first window's bin starts where the window does: 0, or a region's start.
        let start = window.index == 0 ? window.start : window.start + plan.binOffset
        let end = sequenceLength ?? (window.start + plan.binOffset + plan.step)
        return start..<end
    }
}
