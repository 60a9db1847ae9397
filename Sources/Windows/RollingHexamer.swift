/// The last six bases of a sequence as they stream past: their hexamer index read forward and that of
/// their reverse complement (first base most significant, A = 0 … T = 3, `BaseEncoding`'s masks), and
/// whether all six are unambiguous. The one rolling hexamer index of the decoder's hexamer sums and the
/// read scorer.
@frozen
public struct RollingHexamer {
    /// The index of the last six bases read forward / of their reverse complement.
    @inlinable public var forward: Int { forwardIndex }
    @inlinable public var reverse: Int { reverseIndex }
    @usableFromInline var forwardIndex = 0
    @usableFromInline var reverseIndex = 0
    @usableFromInline var valid = 0

    @inlinable
    public init() {}

    /// Takes the next base (an IUPAC mask); true when the last six were all A, C, G or T.
    @inlinable @inline(__always)
    public mutating func push(_ mask: UInt8) -> Bool {
        let code = mask.trailingZeroBitCount & 3
        forwardIndex = (forwardIndex << 2 | code) & 4095
        reverseIndex = reverseIndex >> 2 | (3 - code) << 10
        valid = BaseEncoding.isUnambiguous(mask) ? valid + 1 : 0
        return valid >= 6
    }
}
