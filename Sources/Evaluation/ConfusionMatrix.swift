/// A weighted 2x2 confusion matrix: sums of item weights, not item counts.
///
/// Metrics with a zero denominator are 0 by convention (precision with no predicted positives,
/// recall with no actual positives, F1 when precision + recall = 0, MCC when any row or column sum
/// is 0, accuracy of an empty matrix).
public struct ConfusionMatrix: Sendable, Equatable {
    /// Positive weight called positive.
    public var truePositive: Double
    /// Negative weight called positive.
    public var falsePositive: Double
    /// Negative weight called negative.
    public var trueNegative: Double
    /// Positive weight called negative.
    public var falseNegative: Double

    public init(truePositive: Double, falsePositive: Double, trueNegative: Double, falseNegative: Double) {
        self.truePositive = truePositive
        self.falsePositive = falsePositive
        self.trueNegative = trueNegative
        self.falseNegative = falseNegative
    }

    /// The same calls seen with the negative class as target (TP <-> TN, FP <-> FN).
    public var swapped: ConfusionMatrix {
        ConfusionMatrix(truePositive: trueNegative, falsePositive: falseNegative,
                        trueNegative: truePositive, falseNegative: falsePositive)
    }

    /// Total weight.
    public var total: Double { truePositive + falsePositive + trueNegative + falseNegative }

    /// TP / (TP + FP).
    public var precision: Double { Self.ratio(truePositive, truePositive + falsePositive) }

    /// TP / (TP + FN), also sensitivity or true positive rate.
    public var recall: Double { Self.ratio(truePositive, truePositive + falseNegative) }

    /// TN / (TN + FP), also the true negative rate.
    public var specificity: Double { Self.ratio(trueNegative, trueNegative + falsePositive) }

    /// Harmonic mean of precision and recall: 2TP / (2TP + FP + FN).
    public var f1: Double { Self.ratio(2 * truePositive, 2 * truePositive + falsePositive + falseNegative) }

    /// (TP + TN) / total. Misleading on unbalanced data (prokaryote genomes are ~87% coding).
    public var accuracy: Double { Self.ratio(truePositive + trueNegative, total) }

    /// Matthews correlation coefficient,
    /// (TP·TN − FP·FN) / sqrt((TP+FP)(TP+FN)(TN+FP)(TN+FN)), in [-1, 1]; the same for both targets.
    public var mcc: Double {
        let sums = [truePositive + falsePositive, truePositive + falseNegative,
                    trueNegative + falsePositive, trueNegative + falseNegative]
        guard sums.allSatisfy({ $0 > 0 }) else { return 0 }
        // Two square roots of pair products: exact for perfect squares, no overflow for any
        // realistic weight.
        let denominator = (sums[0] * sums[1]).squareRoot() * (sums[2] * sums[3]).squareRoot()
        let value = (truePositive * trueNegative - falsePositive * falseNegative) / denominator
        return min(1, max(-1, value))
    }

    /// `numerator / denominator`, 0 when the denominator is 0.
    private static func ratio(_ numerator: Double, _ denominator: Double) -> Double {
        denominator > 0 ? numerator / denominator : 0
    }
}
