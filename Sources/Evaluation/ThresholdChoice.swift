/// A score threshold picked to maximize a metric, with the metric's value and the confusion matrix
/// there. Items with `score >= threshold` are called positive.
public struct ThresholdChoice: Sendable, Equatable {
    /// The chosen threshold (one of the input scores).
    public var threshold: Float
    /// The metric's value at the threshold (e.g. the Matthews correlation coefficient).
    public var value: Double
    /// Weighted confusion matrix at the threshold, positive class as target.
    public var confusion: ConfusionMatrix

    public init(threshold: Float, value: Double, confusion: ConfusionMatrix) {
        self.threshold = threshold
        self.value = value
        self.confusion = confusion
    }
}
