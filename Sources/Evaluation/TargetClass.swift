/// Which class a precision-recall measure treats as "positive".
///
/// `.positive` ranks items by decreasing score and counts `positiveWeight` as hits; `.negative`
/// ranks by increasing score and counts `negativeWeight` as hits (e.g. non-coding bases found by low
/// coding scores).
public enum TargetClass: Sendable, Hashable {
    /// The class weighted by `WeightedScore.positiveWeight` (high scores).
    case positive
    /// The class weighted by `WeightedScore.negativeWeight` (low scores).
    case negative
}
