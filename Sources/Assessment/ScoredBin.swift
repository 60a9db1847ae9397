/// One output bin of a scored sequence, as `codingscan scan` writes it to bedGraph.
///
/// `start`/`end` are 0-based half-open base coordinates on the forward strand. The bins of a scored
/// sequence tile it (see `WindowPlan`). `score` is max(p_plus, p_minus) of the window owning the bin,
/// in [0, 1]; nil when that window was not scored (fewer than half of its bases are A, C, G or T).
public struct ScoredBin: Sendable, Equatable {
    /// First base, 0-based.
    public var start: Int
    /// One past the last base, 0-based (exclusive).
    public var end: Int
    /// P(coding) of the bin, the larger of the two strands; nil when unscored.
    public var score: Float?

    public init(start: Int, end: Int, score: Float?) {
        self.start = start
        self.end = end
        self.score = score
    }

    /// Length in bases.
    public var length: Int { end - start }
}
