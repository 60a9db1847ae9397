/// The first convolution on one-hot input as table lookups: a base contributes one precomputed
/// weight row (`OneHotConvProblem.table`) per kernel tap instead of `4 · Cout` multiply-adds; IUPAC
/// codes have their own fractional rows (N = the mean of the four columns), so no general path is
/// needed. ReLU and max pooling (or subsampling: one tap per row) are fused. Generic like `TileGEMM`: instantiate it in a flagged module.
///
/// Each output is (bias + taps 0, 2, 4, …) + (taps 1, 3, 5, …), each sum in tap order (two shorter
/// dependency chains), then the max over the pool folded in order: the same operations whichever
/// block of channels or call computes it.
public enum OneHotConv {
    /// Runs `p` with the policy's vectors (`p.channels` a multiple of their width), up to 4 vectors of
    /// channels per pass over the taps.
    @inlinable @inline(__always)
    public static func run<P: KernelPolicy>(_ policy: P.Type, _ p: OneHotConvProblem) {
        let width = P.Vector.scalarCount
        precondition(p.channels % width == 0, "channels must be a multiple of the vector width")
        for u in 0..<p.outputs {
            let q0 = p.first &+ u &* p.pool
            let out = p.output + u &* p.channels
            var cb = 0
            while cb < p.channels {
                let vectors = TileGEMM.panelVectors(remaining: (p.channels - cb) / width, maxVectors: 4)
                switch vectors {
                case 4: block4(policy, p, q0, cb, out)
                case 2: block2(policy, p, q0, cb, out)
                default: block1(policy, p, q0, cb, out)
                }
                cb += vectors * width
            }
        }
    }

    /// Channels `cb ..< cb + 4 · width` of output row `out` (input positions from `q0`).
    @inlinable @inline(__always)
    static func block4<P: KernelPolicy>(_: P.Type, _ p: OneHotConvProblem, _ q0: Int, _ cb: Int,
                                         _ out: UnsafeMutablePointer<Float>) {
        typealias V = P.Vector
        let w = V.scalarCount
        let rowFloats = p.kernel &* p.channels
        var best0 = V(repeating: -.infinity), best1 = best0, best2 = best0, best3 = best0
        for j in 0..<p.taps {
            var a0 = TileGEMM.load(P.self, p.bias + cb), a1 = TileGEMM.load(P.self, p.bias + cb + w)
            var a2 = TileGEMM.load(P.self, p.bias + cb + 2 * w), a3 = TileGEMM.load(P.self, p.bias + cb + 3 * w)
            var o0 = V(), o1 = V(), o2 = V(), o3 = V()
            var tap = p.masks + (q0 &+ j) &* p.direction
            var column = p.table + cb
            var jj = 0
            while jj < p.kernel {
                let row = column + Int(tap.pointee) &* rowFloats
                if jj & 1 == 0 {
                    a0 = a0 + TileGEMM.load(P.self, row); a1 = a1 + TileGEMM.load(P.self, row + w)
                    a2 = a2 + TileGEMM.load(P.self, row + 2 * w); a3 = a3 + TileGEMM.load(P.self, row + 3 * w)
                } else {
                    o0 = o0 + TileGEMM.load(P.self, row); o1 = o1 + TileGEMM.load(P.self, row + w)
                    o2 = o2 + TileGEMM.load(P.self, row + 2 * w); o3 = o3 + TileGEMM.load(P.self, row + 3 * w)
                }
                tap += p.direction
                column += p.channels
                jj += 1
            }
            best0 = best0.maxFolding(a0 + o0); best1 = best1.maxFolding(a1 + o1)
            best2 = best2.maxFolding(a2 + o2); best3 = best3.maxFolding(a3 + o3)
        }
        TileGEMM.put(P.self, best0, out + cb, p.relu)
        TileGEMM.put(P.self, best1, out + cb + w, p.relu)
        TileGEMM.put(P.self, best2, out + cb + 2 * w, p.relu)
        TileGEMM.put(P.self, best3, out + cb + 3 * w, p.relu)
    }

    /// Channels `cb ..< cb + 2 · width`.
    @inlinable @inline(__always)
    static func block2<P: KernelPolicy>(_: P.Type, _ p: OneHotConvProblem, _ q0: Int, _ cb: Int,
                                         _ out: UnsafeMutablePointer<Float>) {
        typealias V = P.Vector
        let w = V.scalarCount
        let rowFloats = p.kernel &* p.channels
        var best0 = V(repeating: -.infinity), best1 = best0
        for j in 0..<p.taps {
            // Even taps on the bias, odd taps apart, then added: two shorter dependency chains.
            var a0 = TileGEMM.load(P.self, p.bias + cb), a1 = TileGEMM.load(P.self, p.bias + cb + w)
            var o0 = V(), o1 = V()
            var tap = p.masks + (q0 &+ j) &* p.direction
            var column = p.table + cb
            var jj = 0
            while jj + 1 < p.kernel {
                let row = column + Int(tap.pointee) &* rowFloats
                let odd = column + p.channels + Int(tap[p.direction]) &* rowFloats
                a0 = a0 + TileGEMM.load(P.self, row); a1 = a1 + TileGEMM.load(P.self, row + w)
                o0 = o0 + TileGEMM.load(P.self, odd); o1 = o1 + TileGEMM.load(P.self, odd + w)
                tap += 2 &* p.direction
                column += 2 &* p.channels
                jj += 2
            }
            if jj < p.kernel {
                let row = column + Int(tap.pointee) &* rowFloats
                a0 = a0 + TileGEMM.load(P.self, row); a1 = a1 + TileGEMM.load(P.self, row + w)
            }
            best0 = best0.maxFolding(a0 + o0); best1 = best1.maxFolding(a1 + o1)
        }
        TileGEMM.put(P.self, best0, out + cb, p.relu)
        TileGEMM.put(P.self, best1, out + cb + w, p.relu)
    }

    /// Channels `cb ..< cb + width`.
    @inlinable @inline(__always)
    static func block1<P: KernelPolicy>(_: P.Type, _ p: OneHotConvProblem, _ q0: Int, _ cb: Int,
                                         _ out: UnsafeMutablePointer<Float>) {
        typealias V = P.Vector
        let rowFloats = p.kernel &* p.channels
        var best = V(repeating: -.infinity)
        for j in 0..<p.taps {
            var a = TileGEMM.load(P.self, p.bias + cb)
            var o = P.Vector()
            var tap = p.masks + (q0 &+ j) &* p.direction
            var column = p.table + cb
            var jj = 0
            while jj + 1 < p.kernel {
                a = a + TileGEMM.load(P.self, column + Int(tap.pointee) &* rowFloats)
                o = o + TileGEMM.load(P.self, column + p.channels + Int(tap[p.direction]) &* rowFloats)
                tap += 2 &* p.direction
                column += 2 &* p.channels
                jj += 2
            }
            if jj < p.kernel { a = a + TileGEMM.load(P.self, column + Int(tap.pointee) &* rowFloats) }
            best = best.maxFolding(a + o)
        }
        TileGEMM.put(P.self, best, out + cb, p.relu)
    }
}
