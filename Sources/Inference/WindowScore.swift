/// The scores of one window: P(coding) on each strand asked for, nil for a strand not asked for or
/// when the window was not scored (fewer than half of its bases are A, C, G or T).
public struct WindowScore: Sendable, Equatable {
    public var scored: Bool
    public var plus: Float?
    public var minus: Float?

    public init(scored: Bool, plus: Float?, minus: Float?) {
        self.scored = scored
        self.plus = plus
        self.minus = minus
    }
}
