/// Threshold-free and threshold-based metrics of a scored, weighted two-class problem.
///
/// Items are grouped by distinct score; all items of one score are called positive or negative
/// together, so ties are handled exactly (a tied positive/negative pair counts one half in ROC-AUC).
/// An item of weights `(p, n)` is equivalent to `p` positive and `n` negative items with its score.
/// Memory: 20 bytes per distinct score; building sorts in linear time (radix sort).
public struct BinaryEvaluation: Sendable {
    /// Distinct scores with non-zero weight, decreasing.
    public let thresholds: [Float]
    /// Positive weight of each distinct score.
    let groupPositive: [Double]
    /// Negative weight of each distinct score.
    let groupNegative: [Double]
    /// Sum of all positive weights.
    public let totalPositive: Double
    /// Sum of all negative weights.
    public let totalNegative: Double

    /// Evaluates `items`. Throws on a NaN score or a negative, infinite or NaN weight. Items whose
    /// weights are both 0 are ignored.
    public init(_ items: [WeightedScore]) throws(EvaluationError) {
        for (index, item) in items.enumerated() {
            if item.score.isNaN { throw .nanScore(index: index) }
            for weight in [item.positiveWeight, item.negativeWeight] where !(weight.isFinite && weight >= 0) {
                throw .invalidWeight(index: index, value: weight)
            }
        }
        let sorted = ScoreSorter.sortedDescending(items.filter { $0.positiveWeight > 0 || $0.negativeWeight > 0 })
        var thresholds: [Float] = []
        var positives: [Double] = []
        var negatives: [Double] = []
        for item in sorted {
            if let last = thresholds.last, last == item.score {
                positives[positives.count - 1] += item.positiveWeight
                negatives[negatives.count - 1] += item.negativeWeight
            } else {
                thresholds.append(item.score)
                positives.append(item.positiveWeight)
                negatives.append(item.negativeWeight)
            }
        }
        self.thresholds = thresholds
        groupPositive = positives
        groupNegative = negatives
        totalPositive = positives.reduce(0, +)
        totalNegative = negatives.reduce(0, +)
    }

    /// Evaluates parallel arrays: item `i` has score `scores[i]` and weights `positiveWeights[i]`,
    /// `negativeWeights[i]`.
    public init(scores: [Float], positiveWeights: [Double], negativeWeights: [Double]) throws(EvaluationError) {
        guard scores.count == positiveWeights.count && scores.count == negativeWeights.count else {
            throw .lengthMismatch(scores: scores.count, positiveWeights: positiveWeights.count,
                                  negativeWeights: negativeWeights.count)
        }
        try self.init((0..<scores.count).map {
            WeightedScore(score: scores[$0], positiveWeight: positiveWeights[$0], negativeWeight: negativeWeights[$0])
        })
    }

    /// Area under the ROC curve: the probability that a random positive unit of weight scores above a
    /// random negative one, ties counting one half. Nil when either class has no weight.
    public var rocAUC: Double? {
        guard totalPositive > 0 && totalNegative > 0 else { return nil }
        var area = 0.0
        var positivesAbove = 0.0
        for group in 0..<thresholds.count {
            area += groupNegative[group] * (positivesAbove + groupPositive[group] / 2)
            positivesAbove += groupPositive[group]
        }
        return min(1, max(0, area / (totalPositive * totalNegative)))
    }

    /// Average precision of `target`: sum over cuts of (recall gained) × (precision at the cut),
    /// walking distinct scores from the most to the least `target`-like (the step-wise PR-AUC, as
    /// scikit-learn's `average_precision_score`). Nil when `target` has no weight.
    public func averagePrecision(for target: TargetClass = .positive) -> Double? {
        let targetTotal = target == .positive ? totalPositive : totalNegative
        guard targetTotal > 0 else { return nil }
        var sum = 0.0
        var hits = 0.0
        var falseHits = 0.0
        forEachGroup(in: target) { _, hit, falseHit in
            hits += hit
            falseHits += falseHit
            if hit > 0 { sum += hit * hits / (hits + falseHits) }
        }
        return min(1, sum / targetTotal)
    }

    /// The threshold with the highest Matthews correlation coefficient (the highest threshold among
    /// equal ones; calling everything positive gives MCC 0). Nil without items. MCC does not depend
    /// on which class is the target.
    public var bestMCC: ThresholdChoice? {
        var best: ThresholdChoice?
        var truePositive = 0.0
        var falsePositive = 0.0
        for group in 0..<thresholds.count {
            truePositive += groupPositive[group]
            falsePositive += groupNegative[group]
            let confusion = matrix(truePositive: truePositive, falsePositive: falsePositive)
            let value = confusion.mcc
            if best == nil || value > best!.value {
                best = ThresholdChoice(threshold: thresholds[group], value: value, confusion: confusion)
            }
        }
        return best
    }

    /// The weighted confusion matrix when items with `score >= threshold` are called positive
    /// (positive class as target; `.swapped` gives the negative class's view).
    public func confusion(atThreshold threshold: Float) -> ConfusionMatrix {
        var truePositive = 0.0
        var falsePositive = 0.0
        for group in 0..<thresholds.count {
            guard thresholds[group] >= threshold else { break }
            truePositive += groupPositive[group]
            falsePositive += groupNegative[group]
        }
        return matrix(truePositive: truePositive, falsePositive: falsePositive)
    }

    /// ROC curve from (0, 0) to (1, 1), one point per distinct score (x = false positive rate, y =
    /// true positive rate), thinned to at most `maxPoints`. Empty when either class has no weight.
    public func rocCurve(maxPoints: Int = 500) -> [CurvePoint] {
        guard totalPositive > 0 && totalNegative > 0 else { return [] }
        var points = [CurvePoint(x: 0, y: 0, threshold: .infinity)]
        points.reserveCapacity(thresholds.count + 1)
        var truePositive = 0.0
        var falsePositive = 0.0
        for group in 0..<thresholds.count {
            truePositive += groupPositive[group]
            falsePositive += groupNegative[group]
            points.append(CurvePoint(x: min(1, falsePositive / totalNegative), y: min(1, truePositive / totalPositive),
                                     threshold: thresholds[group]))
        }
        return CurveDownsampler.downsample(points, maxPoints: maxPoints)
    }

    /// Precision-recall curve of `target` (x = recall, y = precision), one point per distinct score
    /// from the most `target`-like, starting at recall 0 with the first cut's precision; thinned to at
    /// most `maxPoints`. Empty when `target` has no weight.
    public func precisionRecallCurve(for target: TargetClass = .positive, maxPoints: Int = 500) -> [CurvePoint] {
        let targetTotal = target == .positive ? totalPositive : totalNegative
        guard targetTotal > 0 else { return [] }
        var points: [CurvePoint] = []
        points.reserveCapacity(thresholds.count + 1)
        var hits = 0.0
        var falseHits = 0.0
        forEachGroup(in: target) { threshold, hit, falseHit in
            hits += hit
            falseHits += falseHit
            let precision = hits / (hits + falseHits)
            if points.isEmpty { points.append(CurvePoint(x: 0, y: precision, threshold: threshold)) }
            points.append(CurvePoint(x: min(1, hits / targetTotal), y: precision, threshold: threshold))
        }
        return CurveDownsampler.downsample(points, maxPoints: maxPoints)
    }

    /// Calls `body(threshold, targetWeight, otherWeight)` for each distinct score, from the most
    /// `target`-like: decreasing scores for `.positive`, increasing for `.negative`.
    private func forEachGroup(in target: TargetClass, _ body: (Float, Double, Double) -> Void) {
        switch target {
        case .positive:
            for group in 0..<thresholds.count { body(thresholds[group], groupPositive[group], groupNegative[group]) }
        case .negative:
            for group in thresholds.indices.reversed() { body(thresholds[group], groupNegative[group], groupPositive[group]) }
        }
    }

    /// The matrix for a cut with the given weights called positive; remainders below 1e-12 of the
    /// class total (rounding of non-integer weights) are taken as 0.
    private func matrix(truePositive: Double, falsePositive: Double) -> ConfusionMatrix {
        func remainder(_ total: Double, _ taken: Double) -> Double {
            let left = total - taken
            return left <= total * 1e-12 ? 0 : left
        }
        return ConfusionMatrix(truePositive: truePositive, falsePositive: falsePositive,
                               trueNegative: remainder(totalNegative, falsePositive),
                               falseNegative: remainder(totalPositive, truePositive))
    }
}
