/// The packed layout of 8-bit GEMMs (`Int8GEMMProblem`) and their portable kernel.
///
/// `B` (`[depth][columns]` signed bytes) is packed in panels of 64 columns (16 at the right edge when
/// fewer than 64 are left), one after another; inside a panel of width `w`, the byte of depth `r` and
/// column `n` is at `((r / 4) · w + n) · 4 + r % 4`: each column's four consecutive depths form one
/// 32-bit lane, the operand layout of AVX-512 VNNI's `vpdpbusd`.
public enum Int8GEMM {
    /// Columns per 32-bit-lane vector (one ZMM register).
    public static let vectorColumns = 16

    /// Vectors in the next panel when `remaining` vectors of columns are left: 4 or 1.
    @inlinable @inline(__always)
    public static func panelVectors(remaining: Int) -> Int { remaining >= 4 ? 4 : 1 }

    /// Packs `B[r][n] = element(r, n)`; `depth · columns` bytes.
    /// - Precondition: `depth` is a multiple of 4, `columns` a positive multiple of 16.
    public static func pack(depth: Int, columns: Int, element: (Int, Int) -> Int8) -> [Int8] {
        precondition(depth % 4 == 0, "depth must be a multiple of 4")
        precondition(columns > 0 && columns % vectorColumns == 0, "columns must be a multiple of 16")
        var packed = [Int8](repeating: 0, count: depth * columns)
        var n0 = 0
        var offset = 0
        while n0 < columns {
            let width = panelVectors(remaining: (columns - n0) / vectorColumns) * vectorColumns
            for r in 0..<depth {
                for q in 0..<width { packed[offset + ((r / 4) * width + q) * 4 + r % 4] = element(r, n0 + q) }
            }
            offset += depth * width
            n0 += width
        }
        return packed
    }

    /// Calls `body(panel, width, firstColumn)` for each packed panel of `p` in order (after checking
    /// the shapes `Int8GEMMProblem` requires); nothing when `p` has no rows.
    @inlinable @inline(__always)
    public static func forEachPanel(_ p: Int8GEMMProblem, _ body: (UnsafePointer<Int8>, Int, Int) -> Void) {
        precondition(p.columns % vectorColumns == 0 && p.depth % 4 == 0)
        guard p.rows > 0 else { return }
        var n0 = 0
        var panel = p.packed
        while n0 < p.columns {
            let width = panelVectors(remaining: (p.columns - n0) / vectorColumns) * vectorColumns
            body(panel, width, n0)
            panel += p.depth * width
            n0 += width
        }
    }

    /// Row `min(t + k, rows − 1)` of `A` for k = 0 ..< 4: a tile of 4 rows whose missing ones repeat
    /// the last.
    @inlinable @inline(__always)
    public static func tileRows(_ p: Int8GEMMProblem, from t: Int)
        -> (UnsafePointer<UInt8>, UnsafePointer<UInt8>, UnsafePointer<UInt8>, UnsafePointer<UInt8>) {
        let last = p.rows - 1
        return (p.row(t), p.row(min(t + 1, last)), p.row(min(t + 2, last)), p.row(min(t + 3, last)))
    }

    /// `problem` computed with 16-lane integer vectors and no instruction-set assumptions (the kernel
    /// for CPUs without AVX-512 VNNI); the same floats as every other variant.
    public static func multiplyPortable(_ p: Int8GEMMProblem) {
        forEachPanel(p) { panel, width, n0 in
            for t in 0..<p.rows {
                let a = p.row(t)
                var v = 0
                while v < width {
                    var acc = SIMD16<Int32>(repeating: 0)
                    var q = 0
                    while q < p.depth / 4 {
                        let lanes = UnsafeRawPointer(panel + (q * width + v) * 4).loadUnaligned(as: SIMD16<Int32>.self)
                        let x = UnsafeRawPointer(a + 4 * q).loadUnaligned(as: SIMD4<UInt8>.self)
                        // Byte i of each lane, sign-extended: shift it to the top, then back down.
                        acc &+= ((lanes &<< 24) &>> 24) &* Int32(x[0])
                        acc &+= ((lanes &<< 16) &>> 24) &* Int32(x[1])
                        acc &+= ((lanes &<< 8) &>> 24) &* Int32(x[2])
                        acc &+= (lanes &>> 24) &* Int32(x[3])
                        q += 1
                    }
                    store(acc, p, row: t, column: n0 + v)
                    v += vectorColumns
                }
            }
        }
    }

    /// Converts 16 sums of columns `column ..< column + 16` of row `t` and stores them.
    @inlinable @inline(__always)
    public static func store(_ acc: SIMD16<Int32>, _ p: Int8GEMMProblem, row t: Int, column: Int) {
        let scale = UnsafeRawPointer(p.scale + column).loadUnaligned(as: SIMD16<Float>.self)
        let bias = UnsafeRawPointer(p.bias + column).loadUnaligned(as: SIMD16<Float>.self)
        // Lane by lane: the generic SIMD conversion is not specialised into one vector instruction.
        var sums = SIMD16<Float>()
        for i in 0..<16 { sums[i] = Float(acc[i]) }
        var y = sums * scale
        y = y + bias
        if p.relu { y.replace(with: 0, where: y .< 0) }
        UnsafeMutableRawPointer(p.c + t * p.ldc + column).storeBytes(of: y, as: SIMD16<Float>.self)
    }
}
