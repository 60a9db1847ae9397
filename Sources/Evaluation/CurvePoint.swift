/// One point of a ROC or precision-recall curve.
///
/// ROC: `x` is the false positive rate, `y` the true positive rate. PR: `x` is recall, `y`
/// precision. All in [0, 1]. `threshold` is the score cut that gives the point: items with
/// `score >= threshold` are called positive (for the negative class as target: `score <= threshold`
/// called negative); `+infinity` (ROC) or the first cut's score (PR) at the curve's start.
public struct CurvePoint: Sendable, Equatable {
    /// False positive rate (ROC) or recall (PR).
    public var x: Double
    /// True positive rate (ROC) or precision (PR).
    public var y: Double
    /// The score threshold of this point.
    public var threshold: Float

    public init(x: Double, y: Double, threshold: Float) {
        self.x = x
        self.y = y
        self.threshold = threshold
    }
}
