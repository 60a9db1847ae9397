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
    ///
    /// With `indelRate > 0` (long-read error profiles), before each output base an indel happens with
    /// that probability, an insertion or a deletion with equal odds: an insertion writes a uniformly
    /// chosen base and keeps the source base for the next position; a deletion skips the source base.
    /// The window stays `length` bases (after more deletions than insertions its end is random bases).
    /// With `indelRate == 0` no draw is made for indels, so the output and the generator's state are
    /// those of substitutions alone.
    static func encode(masks: UnsafePointer<UInt8>, length: Int, minus: Bool, mutationRate: Float,
                       indelRate: Float = 0, rng: inout Xoshiro256StarStar, into out: UnsafeMutablePointer<Float>) {
        var source = 0
        var i = 0
        while i < length {
            if indelRate > 0 && rng.unitFloat() < indelRate {
                if rng.next() >> 63 == 0 {
                    BaseEncoding.store(bases[rng.uniform(below: 4)], into: out + 4 * i)
                    i += 1
                } else {
                    source += 1
                }
                continue
            }
            var m: UInt8
            if source < length {
                m = minus ? BaseEncoding.complement(masks[length - 1 - source]) : masks[source]
            } else {
                m = bases[rng.uniform(below: 4)]
            }
            source += 1
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
            i += 1
        }
    }
}
