#if canImport(Glibc)
import Glibc
#endif

extension BinaryEvaluation {
    /// Scores are clamped to [this, 1 − this] for `logLoss`: the 4-decimal resolution of the tracks.
    public static let logLossFloor = 0.0001

    /// Mean log loss of the scores read as P(positive), per unit of weight: −(Σ w⁺ · ln s + Σ w⁻ · ln(1 − s))
    /// / total weight, s clamped to [`logLossFloor`, 1 − `logLossFloor`]. Nil without weight, or when a
    /// score lies outside [0, 1] (the scores are then not probabilities).
    public var logLoss: Double? {
        guard isProbability else { return nil }
        var sum = 0.0
        for group in 0..<thresholds.count {
            let s = min(max(Double(thresholds[group]), Self.logLossFloor), 1 - Self.logLossFloor)
            sum -= groupPositive[group] * log(s) + groupNegative[group] * log(1 - s)
        }
        return sum / (totalPositive + totalNegative)
    }

    /// Brier score: the mean squared difference between the score and the class (1 positive, 0
    /// negative), per unit of weight. Nil as for `logLoss`.
    public var brierScore: Double? {
        guard isProbability else { return nil }
        var sum = 0.0
        for group in 0..<thresholds.count {
            let s = Double(thresholds[group])
            sum += groupPositive[group] * (1 - s) * (1 - s) + groupNegative[group] * s * s
        }
        return sum / (totalPositive + totalNegative)
    }

    /// Whether there is weight and every score lies in [0, 1] (`thresholds` decrease).
    private var isProbability: Bool {
        guard let highest = thresholds.first, let lowest = thresholds.last, totalPositive + totalNegative > 0 else { return false }
        return highest <= 1 && lowest >= 0
    }
}
