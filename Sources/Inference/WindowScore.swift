/// The scores of one window: P(coding) on each strand asked for, nil for a strand not asked for or
/// when the window was not scored (fewer than half of its bases are A, C, G or T).
///
/// `framePlus`/`frameMinus`: for a read scored with its hexamers (`ReadHexamerScorer`), the strand's
/// best reading frame, 0, 1 or 2: its codons start at that base of the read (plus) or of the read's
/// reverse complement (minus); nil otherwise.
public struct WindowScore: Sendable, Equatable {
    public var scored: Bool
    public var plus: Float?
    public var minus: Float?
    /// One byte each: the scan keeps a batch's scores in arrays.
    public var framePlus: UInt8?
    public var frameMinus: UInt8?

    public init(scored: Bool, plus: Float?, minus: Float?, framePlus: UInt8? = nil, frameMinus: UInt8? = nil) {
        self.scored = scored
        self.plus = plus
        self.minus = minus
        self.framePlus = framePlus
        self.frameMinus = frameMinus
    }
}
