/// Register-tiled matrix products for fast inference, written once and generic over a
/// `KernelPolicy` (vector type and multiply-add), so that modules built with different target
/// flags instantiate them with their own code generation (`KernelsAVX512`: `SIMD16<Float>`, fused;
/// `KernelsAVX2`: `SIMD8<Float>`, fused; `KernelsPortable`: `SIMD4<Float>`, separate).
///
/// Everything here is `@inlinable @inline(__always)`: it must be inlined into the flagged module's
/// wrapper, so that no generic code runs with another module's instruction set.
///
/// The register tile is 6 rows × `nv` vectors (`nv` ∈ {1, 2, 4}): 6 · nv accumulators. `B` is packed
/// into panels of `nv · V.scalarCount` columns, `[depth][panel width]` each, panels one after another;
/// the panel widths follow `panelVectors` from left to right, and `pack` and `multiply` agree on them.
public enum TileGEMM {
    /// Output rows per register tile.
    public static let tileRows = 6

    /// Vectors in the next panel when `remaining` vectors of columns are left: the largest of 4, 2, 1
    /// that is at most `min(remaining, maxVectors)`.
    @inlinable @inline(__always)
    public static func panelVectors(remaining: Int, maxVectors: Int) -> Int {
        let m = min(remaining, maxVectors)
        return m >= 4 ? 4 : (m >= 2 ? 2 : 1)
    }

    /// Packs the `[depth][columns]` matrix `B[r][n] = element(r, n)` into panels for kernels of
    /// `vectorWidth` floats per vector and at most `maxVectors` vectors per tile row.
    /// - Returns: `depth · columns` floats.
    /// - Precondition: `columns` is a positive multiple of `vectorWidth`.
    public static func pack(depth: Int, columns: Int, vectorWidth: Int, maxVectors: Int,
                            element: (Int, Int) -> Float) -> [Float] {
        precondition(columns > 0 && columns % vectorWidth == 0, "columns must be a multiple of the vector width")
        var packed = [Float](repeating: 0, count: depth * columns)
        var n0 = 0
        var offset = 0
        while n0 < columns {
            let width = panelVectors(remaining: (columns - n0) / vectorWidth, maxVectors: maxVectors) * vectorWidth
            for r in 0..<depth {
                for q in 0..<width { packed[offset + r * width + q] = element(r, n0 + q) }
            }
            offset += depth * width
            n0 += width
        }
        return packed
    }

    /// Computes `problem` (see `GEMMProblem`) with tiles of 6 rows × up to `maxVectors` vectors.
    /// A last tile with fewer than 6 rows repeats its last row and stores only the real ones.
    @inlinable @inline(__always)
    public static func multiply<P: KernelPolicy>(_ policy: P.Type, maxVectors: Int, _ p: GEMMProblem) {
        let width = P.Vector.scalarCount
        precondition(p.columns % width == 0, "columns must be a multiple of the vector width")
        guard p.rows > 0 else { return }
        var n0 = 0
        var panel = p.packed
        while n0 < p.columns {
            let nv = panelVectors(remaining: (p.columns - n0) / width, maxVectors: maxVectors)
            var t = 0
            while t < p.rows {
                let count = min(tileRows, p.rows - t)
                let last = p.rows - 1
                let a0 = row(p, t), a1 = row(p, min(t + 1, last)), a2 = row(p, min(t + 2, last))
                let a3 = row(p, min(t + 3, last)), a4 = row(p, min(t + 4, last)), a5 = row(p, min(t + 5, last))
                let out = p.c + t * p.ldc + n0
                switch nv {
                case 4:
                    tile6x4(policy, a0, a1, a2, a3, a4, a5, depth: p.depth, panel: panel, bias: p.bias + n0,
                            c: out, ldc: p.ldc, count: count, relu: p.relu)
                case 2:
                    tile6x2(policy, a0, a1, a2, a3, a4, a5, depth: p.depth, panel: panel, bias: p.bias + n0,
                            c: out, ldc: p.ldc, count: count, relu: p.relu)
                default:
                    tile6x1(policy, a0, a1, a2, a3, a4, a5, depth: p.depth, panel: panel, bias: p.bias + n0,
                            c: out, ldc: p.ldc, count: count, relu: p.relu)
                }
                t += tileRows
            }
            panel += p.depth * nv * width
            n0 += nv * width
        }
    }

    /// Start of row `t` of `A`.
    @inlinable @inline(__always)
    static func row(_ p: GEMMProblem, _ t: Int) -> UnsafePointer<Float> {
        if let index = p.rowIndex { return p.a + Int(index[t]) * p.rowStride }
        return p.a + t * p.rowStride
    }
}
