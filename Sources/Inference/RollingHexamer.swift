import Windows

/// The last six bases of a read as they stream past: their hexamer index read forward and that of
/// their reverse complement (first base most significant, A = 0 … T = 3), and whether all six are
/// unambiguous.
struct RollingHexamer {
    private(set) var forward = 0
    private(set) var reverse = 0
    private var valid = 0

    /// Takes the next base; true when the last six were all A, C, G or T.
    @inline(__always)
    mutating func push(_ mask: UInt8) -> Bool {
        let code = mask.trailingZeroBitCount & 3
        forward = (forward << 2 | code) & 4095
        reverse = reverse >> 2 | (3 - code) << 10
        valid = BaseEncoding.isUnambiguous(mask) ? valid + 1 : 0
        return valid >= 6
    }
}
