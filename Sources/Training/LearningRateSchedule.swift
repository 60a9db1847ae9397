import Foundation

/// How the Adam step size changes over a training run.
public enum LearningRateSchedule: String, Sendable, Equatable, CaseIterable {
    /// The same step size for every optimiser step.
    case constant
    /// Cosine annealing: step t of T (0-based) uses lr · (1 + cos(π · t / T)) / 2, from lr down towards
    /// 0 at the last planned step, so the last epochs average out the noise of the large early steps.
    /// T is every step of every planned epoch; stopping early ends on a larger step size.
    case cosine

    /// The step size of optimiser step `step` (0-based) of `totalSteps`, for base rate `rate`.
    public func rate(_ rate: Double, step: Int, totalSteps: Int) -> Double {
        switch self {
        case .constant:
            return rate
        case .cosine:
            guard totalSteps > 0 else { return rate }
            let t = Double(min(max(step, 0), totalSteps)) / Double(totalSteps)
            return rate * (1 + cos(Double.pi * t)) / 2
        }
    }
}
