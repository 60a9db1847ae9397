import _Builtin_intrinsics.intel
import Kernels

/// The 8-bit GEMM built for AVX-512 VNNI (this module is built with `-mavx512vnni` and the AVX-512
/// flags of `KernelsAVX512`): `vpdpbusd` multiplies 4 unsigned bytes of `A` by 4 signed bytes of
/// `B` and adds them to a 32-bit lane, 64 multiply-adds per instruction (4 times an fp32 FMA's 16).
/// Tiles of 4 rows × 4 vectors (64 columns: 16 accumulators), or 4 rows × 1 vector at a right edge
/// of fewer than 64 columns; a last tile with fewer than 4 rows repeats its last row and stores only
/// the real ones. Call only after `CPUFeatures` reports AVX-512 VNNI.
public enum VNNIKernels {
    /// Rows per register tile.
    static let tileRows = 4

    public static func int8GEMM(_ p: Int8GEMMProblem) {
        Int8GEMM.forEachPanel(p) { panel, width, n0 in
            var t = 0
            while t < p.rows {
                let rows = Int8GEMM.tileRows(p, from: t)
                let count = min(tileRows, p.rows - t)
                if width == 64 {
                    tile4(p, rows: rows, panel: panel, t: t, count: count, column: n0)
                } else {
                    tile1(p, rows: rows, panel: panel, t: t, count: count, column: n0)
                }
                t += tileRows
            }
        }
    }

    /// Four bytes of a row as one 32-bit lane broadcast to all 16.
    @inline(__always)
    private static func broadcast(_ row: UnsafePointer<UInt8>, _ d: Int) -> __m512i {
        _mm512_set1_epi32(UnsafeRawPointer(row + d).loadUnaligned(as: Int32.self))
    }

    @inline(__always)
    private static func load(_ p: UnsafePointer<Int8>) -> __m512i {
        _mm512_loadu_si512(UnsafeRawPointer(p))
    }

    @inline(__always)
    private static func store(_ acc: __m512i, _ p: Int8GEMMProblem, row: Int, column: Int) {
        Int8GEMM.store(unsafeBitCast(acc, to: SIMD16<Int32>.self), p, row: row, column: column)
    }

    @inline(__always)
    private static func store4(_ a: __m512i, _ b: __m512i, _ c: __m512i, _ d: __m512i, _ p: Int8GEMMProblem, row: Int,
                               column: Int) {
        store(a, p, row: row, column: column)
        store(b, p, row: row, column: column + 16)
        store(c, p, row: row, column: column + 32)
        store(d, p, row: row, column: column + 48)
    }

    private typealias Rows = (UnsafePointer<UInt8>, UnsafePointer<UInt8>, UnsafePointer<UInt8>, UnsafePointer<UInt8>)

    @inline(__always)
    private static func tile4(_ p: Int8GEMMProblem, rows: Rows, panel: UnsafePointer<Int8>, t: Int, count: Int,
                              column: Int) {
        let zero = _mm512_setzero_si512()
        var c00 = zero, c01 = zero, c02 = zero, c03 = zero
        var c10 = zero, c11 = zero, c12 = zero, c13 = zero
        var c20 = zero, c21 = zero, c22 = zero, c23 = zero
        var c30 = zero, c31 = zero, c32 = zero, c33 = zero
        var d = 0
        var b = panel
        while d < p.depth {
            let b0 = load(b), b1 = load(b + 64), b2 = load(b + 128), b3 = load(b + 192)
            let a0 = broadcast(rows.0, d)
            c00 = _mm512_dpbusd_epi32(c00, a0, b0); c01 = _mm512_dpbusd_epi32(c01, a0, b1)
            c02 = _mm512_dpbusd_epi32(c02, a0, b2); c03 = _mm512_dpbusd_epi32(c03, a0, b3)
            let a1 = broadcast(rows.1, d)
            c10 = _mm512_dpbusd_epi32(c10, a1, b0); c11 = _mm512_dpbusd_epi32(c11, a1, b1)
            c12 = _mm512_dpbusd_epi32(c12, a1, b2); c13 = _mm512_dpbusd_epi32(c13, a1, b3)
            let a2 = broadcast(rows.2, d)
            c20 = _mm512_dpbusd_epi32(c20, a2, b0); c21 = _mm512_dpbusd_epi32(c21, a2, b1)
            c22 = _mm512_dpbusd_epi32(c22, a2, b2); c23 = _mm512_dpbusd_epi32(c23, a2, b3)
            let a3 = broadcast(rows.3, d)
            c30 = _mm512_dpbusd_epi32(c30, a3, b0); c31 = _mm512_dpbusd_epi32(c31, a3, b1)
            c32 = _mm512_dpbusd_epi32(c32, a3, b2); c33 = _mm512_dpbusd_epi32(c33, a3, b3)
            d += 4
            b += 256
        }
        store4(c00, c01, c02, c03, p, row: t, column: column)
        if count > 1 { store4(c10, c11, c12, c13, p, row: t + 1, column: column) }
        if count > 2 { store4(c20, c21, c22, c23, p, row: t + 2, column: column) }
        if count > 3 { store4(c30, c31, c32, c33, p, row: t + 3, column: column) }
    }

    @inline(__always)
    private static func tile1(_ p: Int8GEMMProblem, rows: Rows, panel: UnsafePointer<Int8>, t: Int, count: Int,
                              column: Int) {
        var c0 = _mm512_setzero_si512(), c1 = c0, c2 = c0, c3 = c0
        var d = 0
        var b = panel
        while d < p.depth {
            let b0 = load(b)
            c0 = _mm512_dpbusd_epi32(c0, broadcast(rows.0, d), b0)
            c1 = _mm512_dpbusd_epi32(c1, broadcast(rows.1, d), b0)
            c2 = _mm512_dpbusd_epi32(c2, broadcast(rows.2, d), b0)
            c3 = _mm512_dpbusd_epi32(c3, broadcast(rows.3, d), b0)
            d += 4
            b += 64
        }
        store(c0, p, row: t, column: column)
        if count > 1 { store(c1, p, row: t + 1, column: column) }
        if count > 2 { store(c2, p, row: t + 2, column: column) }
        if count > 3 { store(c3, p, row: t + 3, column: column) }
    }
}
