import _Builtin_intrinsics.intel
import Kernels

/// The 8-bit GEMM built for AVX-VNNI, the 256-bit VEX form of the VNNI dot products that Intel's
/// client CPUs have without AVX-512 (this module is built with `-mavxvnni -mavx2 -mfma`):
/// `vpdpbusd` on YMM registers, 32 multiply-adds of bytes per instruction (4 times an AVX2 FMA's 8).
/// Tiles of 4 rows × 16 columns (two YMM registers per row: 8 accumulators) over `Int8GEMM`'s
/// packing; a last tile with fewer than 4 rows repeats its last row and stores only the real ones.
/// Call only after `CPUFeatures` reports AVX-VNNI.
public enum AVXVNNIKernels {
    public static func int8GEMM(_ p: Int8GEMMProblem) {
        Int8GEMM.forEachPanel(p) { panel, width, n0 in
            // Each group of 16 columns of the panel: 64 bytes per depth quad, two YMM registers.
            var group = 0
            while group < width {
                var t = 0
                while t < p.rows {
                    tile(p, rows: Int8GEMM.tileRows(p, from: t), panel: panel + group * 4, width: width, t: t,
                         count: min(4, p.rows - t), column: n0 + group)
                    t += 4
                }
                group += Int8GEMM.vectorColumns
            }
        }
    }

    private typealias Rows = (UnsafePointer<UInt8>, UnsafePointer<UInt8>, UnsafePointer<UInt8>, UnsafePointer<UInt8>)

    @inline(__always)
    private static func broadcast(_ row: UnsafePointer<UInt8>, _ d: Int) -> __m256i {
        _mm256_set1_epi32(UnsafeRawPointer(row + d).loadUnaligned(as: Int32.self))
    }

    @inline(__always)
    private static func load(_ p: UnsafePointer<Int8>) -> __m256i {
        _mm256_loadu_si256(UnsafeRawPointer(p).assumingMemoryBound(to: __m256i.self))
    }

    /// Stores the 16 sums of one row (`low`: columns `column ..< column + 8`).
    @inline(__always)
    private static func store(_ low: __m256i, _ high: __m256i, _ p: Int8GEMMProblem, row: Int, column: Int) {
        let sums = SIMD16<Int32>(lowHalf: unsafeBitCast(low, to: SIMD8<Int32>.self),
                                 highHalf: unsafeBitCast(high, to: SIMD8<Int32>.self))
        Int8GEMM.store(sums, p, row: row, column: column)
    }

    /// Rows `t ..< t + count` (`rows`, the last repeated) × 16 columns from `panel` (the group's first
    /// lane; a depth quad is `width · 4` bytes further).
    @inline(__always)
    private static func tile(_ p: Int8GEMMProblem, rows: Rows, panel: UnsafePointer<Int8>, width: Int, t: Int,
                             count: Int, column: Int) {
        let zero = _mm256_setzero_si256()
        var c00 = zero, c01 = zero, c10 = zero, c11 = zero
        var c20 = zero, c21 = zero, c30 = zero, c31 = zero
        var d = 0
        var b = panel
        let quad = width * 4
        while d < p.depth {
            let b0 = load(b), b1 = load(b + 32)
            let a0 = broadcast(rows.0, d)
            c00 = _mm256_dpbusd_avx_epi32(c00, a0, b0); c01 = _mm256_dpbusd_avx_epi32(c01, a0, b1)
            let a1 = broadcast(rows.1, d)
            c10 = _mm256_dpbusd_avx_epi32(c10, a1, b0); c11 = _mm256_dpbusd_avx_epi32(c11, a1, b1)
            let a2 = broadcast(rows.2, d)
            c20 = _mm256_dpbusd_avx_epi32(c20, a2, b0); c21 = _mm256_dpbusd_avx_epi32(c21, a2, b1)
            let a3 = broadcast(rows.3, d)
            c30 = _mm256_dpbusd_avx_epi32(c30, a3, b0); c31 = _mm256_dpbusd_avx_epi32(c31, a3, b1)
            d += 4
            b += quad
        }
        store(c00, c01, p, row: t, column: column)
        if count > 1 { store(c10, c11, p, row: t + 1, column: column) }
        if count > 2 { store(c20, c21, p, row: t + 2, column: column) }
        if count > 3 { store(c30, c31, p, row: t + 3, column: column) }
    }
}
