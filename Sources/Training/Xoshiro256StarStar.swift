#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// xoshiro256** 1.0 (Blackman & Vigna): the trainer's only source of randomness, so that a seed
/// fixes every random choice (weights, sampling, mutations, dropout) on every platform.
/// `SystemRandomNumberGenerator` is never used.
///
/// The derived draws (`uniform(below:)`, `unitFloat()`, `normal()`) are implemented here rather than
/// with the standard library's `random(in:using:)`, whose algorithm is not guaranteed stable.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// Seeds the 256-bit state from four SplitMix64 outputs of `seed` (never all zero).
    public init(seed: UInt64) {
        var mix = SplitMix64(seed: seed)
        s0 = mix.next()
        s1 = mix.next()
        s2 = mix.next()
        s3 = mix.next()
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotate(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotate(s3, 45)
        return result
    }

    /// A uniform integer in `0 ..< bound` (Lemire's multiply-high mapping; the bias, below
    /// bound / 2^64, is negligible). Returns 0 for `bound <= 1`.
    public mutating func uniform(below bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A uniform Float in `[0, 1)` with 24 random bits.
    public mutating func unitFloat() -> Float {
        Float(next() >> 40) * (1.0 / 16_777_216.0)
    }

    /// A uniform Double in `[0, 1)` with 53 random bits.
    public mutating func unitDouble() -> Double {
        Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// A standard normal draw (Box–Muller, one of the pair), as Double.
    public mutating func normal() -> Double {
        let u1 = 1 - unitDouble()   // (0, 1]
        let u2 = unitDouble()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}
