import Foundation
import ModelFormat
import Windows

/// What a first pass over a sample of reads says about their genome(s), for `--adapt`: the hexamers
/// of the best frame (by `ReadHexamerScorer`'s frame score, over both strands) of every read the read
/// model scores coding (P > 0.5 on a strand), against every hexamer of every read on both strands.
/// `table` turns them into `ReadHexamers` of the sample itself, which the output pass scores with in
/// place of the model's GC tables.
///
/// Filled by the scan's workers, each read counted once (integer counts: the same for any thread
/// count or batch order).
public final class ReadHexamerSample: @unchecked Sendable {
    private let lock = NSLock()
    private var coding = [Int](repeating: 0, count: 4096)
    private var background = [Int](repeating: 0, count: 4096)
    /// Reads seen, reads counted as coding, and their bases.
    public private(set) var reads = 0
    public private(set) var codingReads = 0
    public private(set) var bases = 0

    /// The fewest reads scored coding that `table` learns from (fewer: nil).
    public static let minimumCodingReads = 1000

    public init() {}

    /// Counts one read (`masks`, forward strand) whose read model gave `plus` and `minus` (P(coding) of
    /// each strand, after the read's hexamers moved them; nil: not scored), with the read's best frames
    /// (`ReadHexamerScorer.bestFrames`, which the scan has found when it moved the probabilities).
    public func count(_ masks: UnsafeBufferPointer<UInt8>, plus: Float?, minus: Float?,
                      frames: (plus: (score: Double, frame: Int), minus: (score: Double, frame: Int))) {
        let n = masks.count
        var window = RollingHexamer()
        var hexamers: [(forward: Int, reverse: Int, start: Int)] = []
        hexamers.reserveCapacity(max(n - 5, 0))
        for i in 0..<n where window.push(masks[i]) { hexamers.append((window.forward, window.reverse, i - 5)) }
        let isCoding = max(plus ?? 0, minus ?? 0) > 0.5
        var codingCounts: [Int] = []
        if isCoding {
            // The best of the six frames (the plus strand's on ties): plus frame f holds the hexamers
            // starting at p ≡ f (mod 3), minus frame f those starting at n − 6 − p ≡ f on the reverse complement.
            let minus = frames.minus.score > frames.plus.score
            let frame = minus ? frames.minus.frame : frames.plus.frame
            codingCounts = hexamers.filter { (minus ? n - 6 - $0.start : $0.start) % 3 == frame }
                .map { minus ? $0.reverse : $0.forward }
        }
        lock.lock()
        defer { lock.unlock() }
        reads += 1
        bases += n
        for h in hexamers {
            background[h.forward] += 1
            background[h.reverse] += 1
        }
        if isCoding {
            codingReads += 1
            for h in codingCounts { coding[h] += 1 }
        }
    }

    /// The sample's own table (one, for every GC), with `model`'s weight, read length and stop
    /// penalty; nil with fewer than `minimumCodingReads` reads scored coding.
    public func table(like model: ReadHexamers) -> ReadHexamers? {
        lock.lock()
        defer { lock.unlock() }
        guard codingReads >= Self.minimumCodingReads else { return nil }
        let codingTotal = Double(coding.reduce(0, +) + 4096), backgroundTotal = Double(background.reduce(0, +) + 4096)
        let ratios = (0..<4096).map { h in
            Float((log(Double(coding[h] + 1) / codingTotal / (Double(background[h] + 1) / backgroundTotal)) * 10_000).rounded() / 10_000)
        }
        return ReadHexamers(gc: [0.5], tables: [ratios], weight: model.weight, length: model.length,
                            stopPenalty: model.stopPenalty,
                            source: .object(["adapted_to": .string("the input's reads"), "reads": .integer(reads),
                                             "coding_reads": .integer(codingReads), "bases": .integer(bases)]))
    }
}
