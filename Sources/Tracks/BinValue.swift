/// The value a bin reports for a strand choice: the one rule of the bedGraph and bigWig writers and
/// of `eval`'s bins (which use `.both`).
public enum BinValue {
    /// nil when the window was not scored.
    public static func of(_ window: ScoredWindow, strand: StrandChoice) -> Float? {
        switch strand {
        case .both:
            guard let p = window.plus, let m = window.minus else { return nil }
            return max(p, m)
        case .plus: return window.plus
        case .minus: return window.minus
        }
    }
}
