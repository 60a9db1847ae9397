/// One named pair of curves (ROC and precision-recall) for `CurvePlotSVG`, e.g. one genome.
public struct PlotSeries: Sendable, Equatable {
    /// Legend label.
    public var name: String
    /// ROC points, x = false positive rate, y = true positive rate, in [0, 1].
    public var roc: [CurvePoint]
    /// ROC-AUC shown in the legend; nil shows "n/a".
    public var rocAUC: Double?
    /// Precision-recall points, x = recall, y = precision, in [0, 1].
    public var precisionRecall: [CurvePoint]
    /// Average precision shown in the legend; nil shows "n/a".
    public var averagePrecision: Double?

    public init(name: String, roc: [CurvePoint], rocAUC: Double?,
                precisionRecall: [CurvePoint], averagePrecision: Double?) {
        self.name = name
        self.roc = roc
        self.rocAUC = rocAUC
        self.precisionRecall = precisionRecall
        self.averagePrecision = averagePrecision
    }

    /// The curves and areas of `evaluation`, precision-recall for `target`, at most `maxPoints` per
    /// curve.
    public init(name: String, evaluation: BinaryEvaluation, target: TargetClass = .positive, maxPoints: Int = 500) {
        self.init(name: name, roc: evaluation.rocCurve(maxPoints: maxPoints), rocAUC: evaluation.rocAUC,
                  precisionRecall: evaluation.precisionRecallCurve(for: target, maxPoints: maxPoints),
                  averagePrecision: evaluation.averagePrecision(for: target))
    }
}
