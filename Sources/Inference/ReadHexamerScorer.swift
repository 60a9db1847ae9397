#if canImport(Glibc)
import Glibc
#endif
import ModelFormat
import Windows

/// Scores a read's bases with a model's `ReadHexamers`: per strand the best frame's summed hexamer
/// ratios (interpolated at the read's GC) minus the stop penalty per stop codon, and adds `weight` ×
/// (`length` / read length) × that to the logit of the read model's P(coding) on the strand (see
/// `ReadHexamers`).
///
/// Stateless and shared by the scan's workers; cost about 2 table reads per base of a read.
public struct ReadHexamerScorer: Sendable {
    private let hexamers: ReadHexamers
    /// Codon index (bases read on the strand, A = 0 … T = 3, first base most significant) → the stop
    /// penalty for a stop codon, else 0.
    private let penalty: [Float]

    /// - Parameter stops: the 64 codon indices that are stop codons of the scan's genetic code.
    public init(hexamers: ReadHexamers, stops: [Bool]) {
        precondition(stops.count == 64 && !hexamers.tables.isEmpty)
        self.hexamers = hexamers
        penalty = stops.map { $0 ? Float(hexamers.stopPenalty) : 0 }
    }

    /// The read's best-frame score on each strand (nats): `masks` are its bases, forward strand.
    public func strandScores(_ masks: UnsafeBufferPointer<UInt8>) -> (plus: Double, minus: Double) {
        let best = bestFrames(masks)
        return (best.plus.score, best.minus.score)
    }

    /// Each strand's best frame (as `frameScores` numbers them: 0, 1 or 2, the first of equal sums) and
    /// its score (nats), without building the frame arrays: the scan's per-read call.
    public func bestFrames(_ masks: UnsafeBufferPointer<UInt8>) -> (plus: (score: Double, frame: Int), minus: (score: Double, frame: Int)) {
        let (plus, minus) = rotatedSums(masks)
        // The plus sums sit in the order of frames (n − 8, n − 7, n − 6) mod 3 (see `frameScores`).
        let shift = ((masks.count - 8) % 3 + 3) % 3
        var plusSums: (Float, Float, Float) = (0, 0, 0)
        switch shift {
        case 0: plusSums = plus
        case 1: plusSums = (plus.2, plus.0, plus.1)
        default: plusSums = (plus.1, plus.2, plus.0)
        }
        return (Self.best(plusSums), Self.best(minus))
    }

    /// The largest of three frame sums and its frame, the first of equal ones.
    private static func best(_ sums: (Float, Float, Float)) -> (score: Double, frame: Int) {
        var frame = 0, score = sums.0
        if sums.1 > score { frame = 1; score = sums.1 }
        if sums.2 > score { frame = 2; score = sums.2 }
        return (Double(score), frame)
    }

    /// Each frame's score on each strand (plus frame f: the hexamers starting at f, f + 3, …; minus frame
    /// f: the same on the reverse complement): the sums whose maxima are `strandScores`.
    public func frameScores(_ masks: UnsafeBufferPointer<UInt8>) -> (plus: [Double], minus: [Double]) {
        let (plus, minus) = rotatedSums(masks)
        // After the last base the plus sums sit in the order of frames (n − 8, n − 7, n − 6) mod 3, the
        // minus sums in the order of frames 0, 1, 2 (see `rotatedSums`).
        let plusSums = [plus.0, plus.1, plus.2], n = masks.count
        return ((0..<3).map { f in Double(plusSums[((f - n + 8) % 3 + 3) % 3]) }, [Double(minus.0), Double(minus.1), Double(minus.2)])
    }

    /// Both strands' three frame sums, rotated: at base i the hexamer [i − 5, i] read forward (plus
    /// strand, frame (i − 5) mod 3) and its reverse complement (minus strand, frame (n − 1 − i) mod 3 on
    /// the reverse complement) join the sum of their frame. The frames cycle with i, so each strand's
    /// three sums rotate by one per base (the plus strand's one way, the minus strand's the other) and the
    /// current frame's sum always sits in the same place: no division in the scan's hot loop.
    private func rotatedSums(_ masks: UnsafeBufferPointer<UInt8>) -> (plus: (Float, Float, Float), minus: (Float, Float, Float)) {
        let n = masks.count
        let (a, b, t) = tables(gc: Self.gc(masks))
        var plus: (Float, Float, Float) = (0, 0, 0), minus = plus
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                penalty.withUnsafeBufferPointer { penalty in
                    var window = RollingHexamer()
                    for i in 0..<n {
                        let whole: Float = window.push(masks[i]) ? 1 : 0
                        let forward = window.forward, reverse = window.reverse
                        let p = a[forward] + t * (b[forward] - a[forward]) - penalty[forward >> 6]
                        let q = a[reverse] + t * (b[reverse] - a[reverse]) - penalty[reverse >> 6]
                        plus = (plus.1, plus.2, plus.0 + whole * p)
                        minus = (minus.2 + whole * q, minus.0, minus.1)
                    }
                }
            }
        }
        return (plus, minus)
    }

    /// The read's GC among its unambiguous bases (C = 2, G = 4); 0.5 without any.
    private static func gc(_ masks: UnsafeBufferPointer<UInt8>) -> Double {
        var strong = 0, known = 0
        for m in masks where BaseEncoding.isUnambiguous(m) {
            known += 1
            if m == 2 || m == 4 { strong += 1 }
        }
        return known > 0 ? Double(strong) / Double(known) : 0.5
    }

    /// The two tables around `gc` and the interpolation weight of the second.
    private func tables(gc: Double) -> (low: [Float], high: [Float], t: Float) {
        let grid = hexamers.gc
        var upper = 0
        while upper < grid.count && grid[upper] < gc { upper += 1 }
        if upper == 0 { return (hexamers.tables[0], hexamers.tables[0], 0) }
        if upper == grid.count { return (hexamers.tables[grid.count - 1], hexamers.tables[grid.count - 1], 0) }
        return (hexamers.tables[upper - 1], hexamers.tables[upper], Float((gc - grid[upper - 1]) / (grid[upper] - grid[upper - 1])))
    }

    /// P(coding) `p` of the read model on a strand (clamped to [0.0001, 0.9999]) of a read of `length`
    /// bases, moved by the read's score on that strand: sigmoid(logit p + weight · (length₀ / length) · score).
    public func adjusted(_ p: Float, score: Double, length: Int) -> Float {
        let q = min(max(Double(p), 1e-4), 1 - 1e-4), scale = Double(hexamers.length) / Double(max(length, 1))
        let logit = log(q / (1 - q)) + hexamers.weight * scale * score
        return Float(1 / (1 + exp(-logit)))
    }
}
