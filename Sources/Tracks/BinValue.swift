/// The value a bin reports for a strand choice.
enum BinValue {
    /// nil when the window was not scored.
    static func of(_ window: ScoredWindow, strand: StrandChoice) -> Float? {
        switch strand {
        case .both:
            guard let p = window.plus, let m = window.minus else { return nil }
            return max(p, m)
        case .plus: return window.plus
        case .minus: return window.minus
        }
    }
}
