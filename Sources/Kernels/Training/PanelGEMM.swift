/// Register-tiled single-precision matrix products over 8-column packed panels, the core of the
/// training kernels (`TrainingConv1d`, `TrainingDense`).
///
/// Written once with `SIMD8<Float>` arithmetic, generic over a `KernelPolicy` whose vector is
/// `SIMD8<Float>`: the non-generic entry points here use this module's baseline policy
/// (`acc = acc + a * b`, never `addingProduct`, which baseline x86-64 SSE2 code generation turns into
/// calls to `fmaf`; two XMM registers per vector), and `AVX2Kernels` instantiates the same code with
/// fused multiply-add on YMM registers (`TrainingGEMM` picks one at run time). The tile is 4 rows ×
/// 8 columns: 8 SSE accumulators plus the loaded panel row and a broadcast fit the 16 XMM registers
/// (a 4 × 16 tile spills and measured half as fast).
///
/// The left operand is an "overlapping-rows" matrix: row `t` is the contiguous slice
/// `a[t * rowStride ..< t * rowStride + depth]`. With position-major activations `[length][Cin]`,
/// `rowStride = Cin` and `depth = kernel · Cin` make row `t` the im2col row of a VALID convolution at
/// position `t`, without copying; `rowStride = depth` is an ordinary row-major matrix.
///
/// The right operand of `multiply` is packed once into panels (`pack`), 8 columns wide and
/// zero-padded, so any column count works: panel `p` holds `B[r][8p ..< 8p + 8]` for every `r`,
/// contiguously. Pointers are preconditions: the caller sizes every buffer.
public enum PanelGEMM {
    /// Columns per packed panel and per register tile.
    public static let panelWidth = 8
    /// Rows per register tile.
    public static let tileRows = 4

    /// `columns` rounded up to a multiple of `panelWidth`.
    @inlinable
    public static func paddedColumns(_ columns: Int) -> Int {
        (columns + panelWidth - 1) / panelWidth * panelWidth
    }

    /// Floats in the packed form of a `[depth][columns]` matrix: `depth · paddedColumns(columns)`.
    @inlinable
    public static func packedCount(depth: Int, columns: Int) -> Int {
        depth * paddedColumns(columns)
    }

    /// Packs the `[depth][columns]` matrix `B[r][n] = element(r, n)` into panels:
    /// `packed[(p · depth + r) · 8 + q] = B[r][8p + q]`, 0 where `8p + q >= columns`.
    /// - Precondition: `packed` holds `packedCount(depth:columns:)` floats.
    public static func pack(
        depth: Int, columns: Int, into packed: UnsafeMutablePointer<Float>, element: (Int, Int) -> Float
    ) {
        let panels = paddedColumns(columns) / panelWidth
        for p in 0..<panels {
            for r in 0..<depth {
                let row = packed + (p * depth + r) * panelWidth
                for q in 0..<panelWidth {
                    let n = p * panelWidth + q
                    row[q] = n < columns ? element(r, n) : 0
                }
            }
        }
    }

    /// `C[t][n] = bias[n] + Σ_{r < depth} A[t][r] · B[r][n]` for `t < rows`, `n < columns`, where
    /// `A[t][r] = a[t · rowStride + r]` (rows may overlap) and `B` is packed by `pack`.
    /// `C[t][n]` is `c[t · ldc + n]` and is overwritten; `bias` nil means 0.
    /// - Precondition: `rows >= 0`, `depth >= 1`, `columns >= 1`, `ldc >= columns`; `a` readable up to
    ///   `(rows - 1) · rowStride + depth` floats.
    public static func multiply(
        a: UnsafePointer<Float>, rows: Int, rowStride: Int, depth: Int,
        packedB: UnsafePointer<Float>, columns: Int, bias: UnsafePointer<Float>?,
        c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        multiply(BaselinePolicy.self, a: a, rows: rows, rowStride: rowStride, depth: depth, packedB: packedB,
                 columns: columns, bias: bias, c: c, ldc: ldc)
    }

    /// `multiply(a:rows:rowStride:depth:packedB:columns:bias:c:ldc:)` with `P`'s multiply-add.
    @inlinable
    public static func multiply<P: KernelPolicy>(
        _ policy: P.Type, a: UnsafePointer<Float>, rows: Int, rowStride: Int, depth: Int,
        packedB: UnsafePointer<Float>, columns: Int, bias: UnsafePointer<Float>?,
        c: UnsafeMutablePointer<Float>, ldc: Int
    ) where P.Vector == SIMD8<Float> {
        let panels = paddedColumns(columns) / panelWidth
        for p in 0..<panels {
            let panel = packedB + p * depth * panelWidth
            let n0 = p * panelWidth
            let width = min(panelWidth, columns - n0)
            var start = SIMD8<Float>()
            if let bias {
                for q in 0..<width { start[q] = bias[n0 + q] }
            }
            var t = 0
            while t + tileRows <= rows {
                var c0 = start, c1 = start, c2 = start, c3 = start
                let a0 = a + t * rowStride, a1 = a0 + rowStride, a2 = a1 + rowStride, a3 = a2 + rowStride
                for r in 0..<depth {
                    let w = load(panel + r * panelWidth)
                    c0 = P.multiplyAdd(c0, w, SIMD8(repeating: a0[r]))
                    c1 = P.multiplyAdd(c1, w, SIMD8(repeating: a1[r]))
                    c2 = P.multiplyAdd(c2, w, SIMD8(repeating: a2[r]))
                    c3 = P.multiplyAdd(c3, w, SIMD8(repeating: a3[r]))
                }
                let out = c + t * ldc + n0
                store(c0, out, width)
                store(c1, out + ldc, width)
                store(c2, out + 2 * ldc, width)
                store(c3, out + 3 * ldc, width)
                t += tileRows
            }
            while t < rows {
                var c0 = start
                let a0 = a + t * rowStride
                for r in 0..<depth {
                    c0 = P.multiplyAdd(c0, load(panel + r * panelWidth), SIMD8(repeating: a0[r]))
                }
                store(c0, c + t * ldc + n0, width)
                t += 1
            }
        }
    }

    /// `C[r][n] += Σ_{t < rows} A[t][r] · D[t][n]` for `r < depth`, `n < columns` (C += Aᵀ·D), where
    /// `A[t][r] = a[t · rowStride + r]` (rows may overlap), `D[t][n] = d[t · ldd + n]` and
    /// `C[r][n] = c[r · ldc + n]`. With im2col rows this is a convolution's weight gradient
    /// `dW[j·Cin + i][o] = Σ_t x[t + j][i] · dOut[t][o]`.
    /// - Precondition: `depth >= 1`, `columns >= 1`, `ldd >= columns`, `ldc >= columns`.
    public static func accumulateTransposedProduct(
        a: UnsafePointer<Float>, rows: Int, rowStride: Int, depth: Int,
        d: UnsafePointer<Float>, ldd: Int, columns: Int,
        c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        accumulateTransposedProduct(BaselinePolicy.self, a: a, rows: rows, rowStride: rowStride, depth: depth,
                                    d: d, ldd: ldd, columns: columns, c: c, ldc: ldc)
    }

    /// `accumulateTransposedProduct(a:rows:rowStride:depth:d:ldd:columns:c:ldc:)` with `P`'s multiply-add
    /// (the scalar column tail is the same in every instance).
    @inlinable
    public static func accumulateTransposedProduct<P: KernelPolicy>(
        _ policy: P.Type, a: UnsafePointer<Float>, rows: Int, rowStride: Int, depth: Int,
        d: UnsafePointer<Float>, ldd: Int, columns: Int,
        c: UnsafeMutablePointer<Float>, ldc: Int
    ) where P.Vector == SIMD8<Float> {
        guard rows > 0 else { return }
        let fullPanels = columns / panelWidth
        for p in 0..<fullPanels {
            let n0 = p * panelWidth
            var r = 0
            while r + tileRows <= depth {
                let out = c + r * ldc + n0
                var c0 = load(out), c1 = load(out + ldc), c2 = load(out + 2 * ldc), c3 = load(out + 3 * ldc)
                var ar = a + r
                var dr = d + n0
                for _ in 0..<rows {
                    let g = load(dr)
                    c0 = P.multiplyAdd(c0, g, SIMD8(repeating: ar[0]))
                    c1 = P.multiplyAdd(c1, g, SIMD8(repeating: ar[1]))
                    c2 = P.multiplyAdd(c2, g, SIMD8(repeating: ar[2]))
                    c3 = P.multiplyAdd(c3, g, SIMD8(repeating: ar[3]))
                    ar += rowStride
                    dr += ldd
                }
                store(c0, out, panelWidth)
                store(c1, out + ldc, panelWidth)
                store(c2, out + 2 * ldc, panelWidth)
                store(c3, out + 3 * ldc, panelWidth)
                r += tileRows
            }
            while r < depth {
                let out = c + r * ldc + n0
                var c0 = load(out)
                var ar = a + r
                var dr = d + n0
                for _ in 0..<rows {
                    c0 = P.multiplyAdd(c0, load(dr), SIMD8(repeating: ar[0]))
                    ar += rowStride
                    dr += ldd
                }
                store(c0, out, panelWidth)
                r += 1
            }
        }
        // Column tail (fewer than 8 columns): scalar.
        let n0 = fullPanels * panelWidth
        if n0 < columns {
            for r in 0..<depth {
                for n in n0..<columns {
                    var sum = c[r * ldc + n]
                    for t in 0..<rows {
                        sum = sum + a[t * rowStride + r] * d[t * ldd + n]
                    }
                    c[r * ldc + n] = sum
                }
            }
        }
    }

    /// Eight floats from `p` (no alignment needed).
    @inlinable @inline(__always)
    static func load(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
    }

    @inlinable @inline(__always)
    static func load(_ p: UnsafeMutablePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
    }

    /// Stores the first `width` lanes of `v` at `p` (all 8 with one vector store when `width == 8`).
    @inlinable @inline(__always)
    static func store(_ v: SIMD8<Float>, _ p: UnsafeMutablePointer<Float>, _ width: Int) {
        if width == panelWidth {
            UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD8<Float>.self)
        } else {
            for q in 0..<width { p[q] = v[q] }
        }
    }
}

/// The baseline instance of `PanelGEMM`: a multiply then an add (SSE2 code generation, no `fmaf` calls).
/// Internal to this module (see `KernelPolicy` on why policies are never shared).
enum BaselinePolicy: KernelPolicy {
    typealias Vector = SIMD8<Float>

    @inline(__always)
    static func multiplyAdd(_ acc: Vector, _ a: Vector, _ b: Vector) -> Vector { acc + a * b }
}
