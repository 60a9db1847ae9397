/// One scored item with class weights, e.g. one output bin of a scored sequence.
///
/// `positiveWeight` and `negativeWeight` are how much of the item belongs to each class, e.g. the
/// number of bases in the bin covered by a CDS (positive, coding) and not covered (negative,
/// non-coding). An item with weights `(p, n)` counts exactly like `p` positive and `n` negative
/// items of the same score. Higher scores mean "more positive".
public struct WeightedScore: Sendable, Equatable {
    /// The classifier's score; any finite or infinite value, not NaN.
    public var score: Float
    /// Weight of the positive class (finite, >= 0).
    public var positiveWeight: Double
    /// Weight of the negative class (finite, >= 0).
    public var negativeWeight: Double

    public init(score: Float, positiveWeight: Double, negativeWeight: Double) {
        self.score = score
        self.positiveWeight = positiveWeight
        self.negativeWeight = negativeWeight
    }
}
