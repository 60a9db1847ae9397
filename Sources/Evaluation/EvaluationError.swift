/// Invalid input to `BinaryEvaluation`.
///
/// Indices are 0-based positions in the input array.
public enum EvaluationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An item whose score is NaN.
    case nanScore(index: Int)
    /// An item with a negative, infinite or NaN weight.
    case invalidWeight(index: Int, value: Double)
    /// Parallel input arrays of different lengths.
    case lengthMismatch(scores: Int, positiveWeights: Int, negativeWeights: Int)

    /// One line, no trailing newline.
    public var description: String {
        switch self {
        case let .nanScore(index):
            return "evaluation input: item \(index): score is NaN"
        case let .invalidWeight(index, value):
            return "evaluation input: item \(index): weight \(value) is not a finite number >= 0"
        case let .lengthMismatch(scores, positives, negatives):
            return "evaluation input: \(scores) scores, \(positives) positive weights and \(negatives) negative weights"
                + " (the counts must be equal)"
        }
    }
}
