/// The register tiles of `TileGEMM`: 6 rows × 1, 2 or 4 vectors, accumulators initialised with the
/// bias, one `KernelPolicy.multiplyAdd` per accumulator and depth step, optional ReLU on the way out.
/// Every output element is the same sequence of operations whichever tile computes it, so results
/// do not depend on where a row falls in a tile, on the tile shape, or on how a problem is split
/// into calls. (Unrolled by hand; keep the three shapes in step.)
extension TileGEMM {
    /// One 6 × 4-vector tile: rows `a0…a5` of `A` against a panel of 4 vectors per depth step;
    /// stores the first `count` rows.
    @inlinable @inline(__always)
    public static func tile6x4<P: KernelPolicy>(
        _: P.Type,
        _ a0: UnsafePointer<Float>, _ a1: UnsafePointer<Float>, _ a2: UnsafePointer<Float>,
        _ a3: UnsafePointer<Float>, _ a4: UnsafePointer<Float>, _ a5: UnsafePointer<Float>,
        depth: Int, panel: UnsafePointer<Float>, bias: UnsafePointer<Float>,
        c: UnsafeMutablePointer<Float>, ldc: Int, count: Int, relu: Bool
    ) {
        let w = P.Vector.scalarCount
        let b0 = load(P.self, bias + 0 * w)
        let b1 = load(P.self, bias + 1 * w)
        let b2 = load(P.self, bias + 2 * w)
        let b3 = load(P.self, bias + 3 * w)
        var c00 = b0, c01 = b1, c02 = b2, c03 = b3
        var c10 = b0, c11 = b1, c12 = b2, c13 = b3
        var c20 = b0, c21 = b1, c22 = b2, c23 = b3
        var c30 = b0, c31 = b1, c32 = b2, c33 = b3
        var c40 = b0, c41 = b1, c42 = b2, c43 = b3
        var c50 = b0, c51 = b1, c52 = b2, c53 = b3
        var p = panel
        for r in 0..<depth {
            let w0 = load(P.self, p + 0 * w)
            let w1 = load(P.self, p + 1 * w)
            let w2 = load(P.self, p + 2 * w)
            let w3 = load(P.self, p + 3 * w)
            p += 4 * w
            let x0 = P.Vector(repeating: a0[r])
            c00 = P.multiplyAdd(c00, w0, x0); c01 = P.multiplyAdd(c01, w1, x0)
            c02 = P.multiplyAdd(c02, w2, x0); c03 = P.multiplyAdd(c03, w3, x0)
            let x1 = P.Vector(repeating: a1[r])
            c10 = P.multiplyAdd(c10, w0, x1); c11 = P.multiplyAdd(c11, w1, x1)
            c12 = P.multiplyAdd(c12, w2, x1); c13 = P.multiplyAdd(c13, w3, x1)
            let x2 = P.Vector(repeating: a2[r])
            c20 = P.multiplyAdd(c20, w0, x2); c21 = P.multiplyAdd(c21, w1, x2)
            c22 = P.multiplyAdd(c22, w2, x2); c23 = P.multiplyAdd(c23, w3, x2)
            let x3 = P.Vector(repeating: a3[r])
            c30 = P.multiplyAdd(c30, w0, x3); c31 = P.multiplyAdd(c31, w1, x3)
            c32 = P.multiplyAdd(c32, w2, x3); c33 = P.multiplyAdd(c33, w3, x3)
            let x4 = P.Vector(repeating: a4[r])
            c40 = P.multiplyAdd(c40, w0, x4); c41 = P.multiplyAdd(c41, w1, x4)
            c42 = P.multiplyAdd(c42, w2, x4); c43 = P.multiplyAdd(c43, w3, x4)
            let x5 = P.Vector(repeating: a5[r])
            c50 = P.multiplyAdd(c50, w0, x5); c51 = P.multiplyAdd(c51, w1, x5)
            c52 = P.multiplyAdd(c52, w2, x5); c53 = P.multiplyAdd(c53, w3, x5)
        }
        put(P.self, c00, c + 0 * ldc + 0 * w, relu); put(P.self, c01, c + 0 * ldc + 1 * w, relu)
        put(P.self, c02, c + 0 * ldc + 2 * w, relu); put(P.self, c03, c + 0 * ldc + 3 * w, relu)
        if count > 1 {
            put(P.self, c10, c + 1 * ldc + 0 * w, relu); put(P.self, c11, c + 1 * ldc + 1 * w, relu)
            put(P.self, c12, c + 1 * ldc + 2 * w, relu); put(P.self, c13, c + 1 * ldc + 3 * w, relu)
        }
        if count > 2 {
            put(P.self, c20, c + 2 * ldc + 0 * w, relu); put(P.self, c21, c + 2 * ldc + 1 * w, relu)
            put(P.self, c22, c + 2 * ldc + 2 * w, relu); put(P.self, c23, c + 2 * ldc + 3 * w, relu)
        }
        if count > 3 {
            put(P.self, c30, c + 3 * ldc + 0 * w, relu); put(P.self, c31, c + 3 * ldc + 1 * w, relu)
            put(P.self, c32, c + 3 * ldc + 2 * w, relu); put(P.self, c33, c + 3 * ldc + 3 * w, relu)
        }
        if count > 4 {
            put(P.self, c40, c + 4 * ldc + 0 * w, relu); put(P.self, c41, c + 4 * ldc + 1 * w, relu)
            put(P.self, c42, c + 4 * ldc + 2 * w, relu); put(P.self, c43, c + 4 * ldc + 3 * w, relu)
        }
        if count > 5 {
            put(P.self, c50, c + 5 * ldc + 0 * w, relu); put(P.self, c51, c + 5 * ldc + 1 * w, relu)
            put(P.self, c52, c + 5 * ldc + 2 * w, relu); put(P.self, c53, c + 5 * ldc + 3 * w, relu)
        }
    }

    /// One 6 × 2-vector tile: rows `a0…a5` of `A` against a panel of 2 vectors per depth step;
    /// stores the first `count` rows.
    @inlinable @inline(__always)
    public static func tile6x2<P: KernelPolicy>(
        _: P.Type,
        _ a0: UnsafePointer<Float>, _ a1: UnsafePointer<Float>, _ a2: UnsafePointer<Float>,
        _ a3: UnsafePointer<Float>, _ a4: UnsafePointer<Float>, _ a5: UnsafePointer<Float>,
        depth: Int, panel: UnsafePointer<Float>, bias: UnsafePointer<Float>,
        c: UnsafeMutablePointer<Float>, ldc: Int, count: Int, relu: Bool
    ) {
        let w = P.Vector.scalarCount
        let b0 = load(P.self, bias + 0 * w)
        let b1 = load(P.self, bias + 1 * w)
        var c00 = b0, c01 = b1
        var c10 = b0, c11 = b1
        var c20 = b0, c21 = b1
        var c30 = b0, c31 = b1
        var c40 = b0, c41 = b1
        var c50 = b0, c51 = b1
        var p = panel
        for r in 0..<depth {
            let w0 = load(P.self, p + 0 * w)
            let w1 = load(P.self, p + 1 * w)
            p += 2 * w
            let x0 = P.Vector(repeating: a0[r])
            c00 = P.multiplyAdd(c00, w0, x0); c01 = P.multiplyAdd(c01, w1, x0)
            let x1 = P.Vector(repeating: a1[r])
            c10 = P.multiplyAdd(c10, w0, x1); c11 = P.multiplyAdd(c11, w1, x1)
            let x2 = P.Vector(repeating: a2[r])
            c20 = P.multiplyAdd(c20, w0, x2); c21 = P.multiplyAdd(c21, w1, x2)
            let x3 = P.Vector(repeating: a3[r])
            c30 = P.multiplyAdd(c30, w0, x3); c31 = P.multiplyAdd(c31, w1, x3)
            let x4 = P.Vector(repeating: a4[r])
            c40 = P.multiplyAdd(c40, w0, x4); c41 = P.multiplyAdd(c41, w1, x4)
            let x5 = P.Vector(repeating: a5[r])
            c50 = P.multiplyAdd(c50, w0, x5); c51 = P.multiplyAdd(c51, w1, x5)
        }
        put(P.self, c00, c + 0 * ldc + 0 * w, relu); put(P.self, c01, c + 0 * ldc + 1 * w, relu)
        if count > 1 {
            put(P.self, c10, c + 1 * ldc + 0 * w, relu); put(P.self, c11, c + 1 * ldc + 1 * w, relu)
        }
        if count > 2 {
            put(P.self, c20, c + 2 * ldc + 0 * w, relu); put(P.self, c21, c + 2 * ldc + 1 * w, relu)
        }
        if count > 3 {
            put(P.self, c30, c + 3 * ldc + 0 * w, relu); put(P.self, c31, c + 3 * ldc + 1 * w, relu)
        }
        if count > 4 {
            put(P.self, c40, c + 4 * ldc + 0 * w, relu); put(P.self, c41, c + 4 * ldc + 1 * w, relu)
        }
        if count > 5 {
            put(P.self, c50, c + 5 * ldc + 0 * w, relu); put(P.self, c51, c + 5 * ldc + 1 * w, relu)
        }
    }

    /// One 6 × 1-vector tile: rows `a0…a5` of `A` against a panel of 1 vector per depth step;
    /// stores the first `count` rows.
    @inlinable @inline(__always)
    public static func tile6x1<P: KernelPolicy>(
        _: P.Type,
        _ a0: UnsafePointer<Float>, _ a1: UnsafePointer<Float>, _ a2: UnsafePointer<Float>,
        _ a3: UnsafePointer<Float>, _ a4: UnsafePointer<Float>, _ a5: UnsafePointer<Float>,
        depth: Int, panel: UnsafePointer<Float>, bias: UnsafePointer<Float>,
        c: UnsafeMutablePointer<Float>, ldc: Int, count: Int, relu: Bool
    ) {
        let w = P.Vector.scalarCount
        let b0 = load(P.self, bias + 0 * w)
        var c00 = b0
        var c10 = b0
        var c20 = b0
        var c30 = b0
        var c40 = b0
        var c50 = b0
        var p = panel
        for r in 0..<depth {
            let w0 = load(P.self, p + 0 * w)
            p += 1 * w
            let x0 = P.Vector(repeating: a0[r])
            c00 = P.multiplyAdd(c00, w0, x0)
            let x1 = P.Vector(repeating: a1[r])
            c10 = P.multiplyAdd(c10, w0, x1)
            let x2 = P.Vector(repeating: a2[r])
            c20 = P.multiplyAdd(c20, w0, x2)
            let x3 = P.Vector(repeating: a3[r])
            c30 = P.multiplyAdd(c30, w0, x3)
            let x4 = P.Vector(repeating: a4[r])
            c40 = P.multiplyAdd(c40, w0, x4)
            let x5 = P.Vector(repeating: a5[r])
            c50 = P.multiplyAdd(c50, w0, x5)
        }
        put(P.self, c00, c + 0 * ldc + 0 * w, relu)
        if count > 1 {
            put(P.self, c10, c + 1 * ldc + 0 * w, relu)
        }
        if count > 2 {
            put(P.self, c20, c + 2 * ldc + 0 * w, relu)
        }
        if count > 3 {
            put(P.self, c30, c + 3 * ldc + 0 * w, relu)
        }
        if count > 4 {
            put(P.self, c40, c + 4 * ldc + 0 * w, relu)
        }
        if count > 5 {
            put(P.self, c50, c + 5 * ldc + 0 * w, relu)
        }
    }

    /// One vector of floats from `p` (no alignment needed).
    @inlinable @inline(__always)
    public static func load<P: KernelPolicy>(_: P.Type, _ p: UnsafePointer<Float>) -> P.Vector {
        UnsafeRawPointer(p).loadUnaligned(as: P.Vector.self)
    }

    /// Stores `v` at `p` (no alignment needed), with ReLU `x >= 0 ? x : 0` (as `max(0, x)` in the
    /// reference) when `relu`.
    @inlinable @inline(__always)
    public static func put<P: KernelPolicy>(_: P.Type, _ v: P.Vector, _ p: UnsafeMutablePointer<Float>, _ relu: Bool) {
        let x = relu ? v.rectified() : v
        UnsafeMutableRawPointer(p).storeBytes(of: x, as: P.Vector.self)
    }
}
