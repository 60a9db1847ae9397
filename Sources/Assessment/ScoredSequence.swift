/// The bins of one sequence record, in order of start.
///
/// A record shorter than the model's minimum length has no bins. Otherwise its bins tile
/// `[0, length)`: the first starts at 0, the last ends at `length`, none overlap.
public struct ScoredSequence: Sendable, Equatable {
    /// Record name (first word of the FASTA header).
    public var name: String
    /// Length in bases.
    public var length: Int
    /// Bins, 0-based half-open, sorted by start.
    public var bins: [ScoredBin]

    public init(name: String, length: Int, bins: [ScoredBin]) {
        self.name = name
        self.length = length
        self.bins = bins
    }
}
