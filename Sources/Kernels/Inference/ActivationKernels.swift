/// Max pooling and ReLU over position-major `[positions][stride]` activations (`stride` a multiple of
/// the vector width), with the reference's lane operations (`FloatVector`). Generic like `TileGEMM`.
public enum ActivationKernels {
    /// `out[u][c] = max_{j < size} x[u · size + j][c]`, folded in order `j = 0, 1, …` as the reference.
    @inlinable @inline(__always)
    public static func maxPool<P: KernelPolicy>(_: P.Type, input x: UnsafePointer<Float>, outputs: Int, size: Int,
                                                stride: Int, output: UnsafeMutablePointer<Float>) {
        typealias V = P.Vector
        let w = V.scalarCount
        for u in 0..<outputs {
            let first = x + u &* size &* stride
            let out = output + u &* stride
            var c = 0
            while c < stride {
                var best = TileGEMM.load(P.self, first + c)
                var j = 1
                while j < size {
                    best = best.maxFolding(TileGEMM.load(P.self, first + j &* stride + c))
                    j += 1
                }
                TileGEMM.put(P.self, best, out + c, false)
                c += w
            }
        }
    }

    /// `x = x >= 0 ? x : 0` in place over `count` floats (a multiple of the vector width).
    @inlinable @inline(__always)
    public static func relu<P: KernelPolicy>(_: P.Type, _ x: UnsafeMutablePointer<Float>, count: Int) {
        typealias V = P.Vector
        var k = 0
        while k < count {
            TileGEMM.put(P.self, TileGEMM.load(P.self, x + k), x + k, true)
            k += V.scalarCount
        }
    }
}
