import Windows

/// Turns a window of IUPAC masks into the network's one-hot input, on either strand, with optional
/// random point mutations (augmentation).
enum WindowEncoder {
    /// The single-base masks A, C, G, T.
    private static let bases: [UInt8] = [1, 2, 4, 8]

    /// Writes `[length][4]` one-hot rows (`BaseEncoding` fractional IUPAC encoding) of
    /// `masks[0 ..< length]`, reverse-complemented when `minus`. With `mutationRate > 0`, each base
    /// (after strand orientation) is independently replaced, with that probability, by a uniformly
    /// chosen different base (any of the four for an ambiguity code); one uniform draw per base, plus
    /// one per mutation.
    static func encode(masks: UnsafePointer<UInt8>, length: Int, minus: Bool, mutationRate: Float,
                       rng: inout Xoshiro256StarStar, into out: UnsafeMutablePointer<Float>) {
        for i in 0..<length {
            var m = minus ? BaseEncoding.complement(masks[length - 1 - i]) : masks[i]
            if mutationRate > 0 && rng.unitFloat() < mutationRate {
                if BaseEncoding.isUnambiguous(m) {
                    // One of the three other bases: skip over the current one.
                    let current = m.trailingZeroBitCount
                    var pick = rng.uniform(below: 3)
                    if pick >= current { pick += 1 }
                    m = bases[pick]
                } else {
                    m = bases[rng.uniform(below: 4)]
                }
            }
            BaseEncoding.store(m, into: out + 4 * i)
        }
    }
}
