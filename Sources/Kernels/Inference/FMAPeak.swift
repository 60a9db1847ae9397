/// A tight multiply-add loop that measures a core's peak: 12 independent accumulator chains of vectors
/// (enough to hide the latency of two FMA pipes), nothing else in the loop. Instantiate it in a
/// flagged module like `TileGEMM`.
public enum FMAPeak {
    /// Accumulator chains in the loop.
    public static let chains = 12

    /// Floating-point operations `run` performs for `iterations` (2 per lane per multiply-add).
    public static func flops(iterations: Int, vectorWidth: Int) -> Double {
        Double(iterations) * Double(chains) * 2 * Double(vectorWidth)
    }

    /// Runs `iterations` × 12 vector multiply-adds; the result only defeats dead-code elimination.
    @inlinable @inline(__always)
    public static func run<P: KernelPolicy>(_: P.Type, iterations: Int, seed: Float) -> Float {
        typealias V = P.Vector
        let b = V(repeating: 0.999_999), c = V(repeating: seed * 1e-7)
        var a0 = V(repeating: seed), a1 = a0 + 1, a2 = a0 + 2, a3 = a0 + 3, a4 = a0 + 4, a5 = a0 + 5
        var a6 = a0 + 6, a7 = a0 + 7, a8 = a0 + 8, a9 = a0 + 9, a10 = a0 + 10, a11 = a0 + 11
        for _ in 0..<iterations {
            a0 = P.multiplyAdd(a0, b, c); a1 = P.multiplyAdd(a1, b, c); a2 = P.multiplyAdd(a2, b, c)
            a3 = P.multiplyAdd(a3, b, c); a4 = P.multiplyAdd(a4, b, c); a5 = P.multiplyAdd(a5, b, c)
            a6 = P.multiplyAdd(a6, b, c); a7 = P.multiplyAdd(a7, b, c); a8 = P.multiplyAdd(a8, b, c)
            a9 = P.multiplyAdd(a9, b, c); a10 = P.multiplyAdd(a10, b, c); a11 = P.multiplyAdd(a11, b, c)
        }
        return ((a0 + a1 + a2 + a3) + (a4 + a5 + a6 + a7) + (a8 + a9 + a10 + a11)).sum()
    }
}
