import CBigWig
import Tracks

/// Reads a bigWig's sequences and intervals through libBigWig: test support, not shipped in the binary.
public final class BigWigReader {
    /// One stored interval: 0-based half-open.
    public struct Interval: Equatable, Sendable {
        public let chrom: String
        public let start: Int
        public let end: Int
        public let value: Float

        public init(chrom: String, start: Int, end: Int, value: Float) {
            self.chrom = chrom
            self.start = start
            self.end = end
            self.value = value
        }
    }

    private let fp: UnsafeMutablePointer<bigWigFile_t>
    /// The header's sequences, in file order, with their lengths in bases.
    public let sequences: [(name: String, length: Int)]

    public init(path: String) throws(TrackError) {
        _ = bwInit(1 << 17)
        guard let fp = bwOpen(path, nil, "r") else {
            throw .bigWig(path: path, message: "not a readable bigWig file")
        }
        self.fp = fp
        var list: [(String, Int)] = []
        if let cl = fp.pointee.cl {
            for i in 0..<Int(cl.pointee.nKeys) {
                list.append((String(cString: cl.pointee.chrom[i]!), Int(cl.pointee.len[i])))
            }
        }
        sequences = list
    }

    deinit { bwClose(fp) }

    /// The intervals overlapping `start..<end` of `chrom` (the whole sequence by default), in order.
    public func intervals(chrom: String, start: Int = 0, end: Int? = nil) -> [Interval] {
        let stop = end ?? sequences.first { $0.name == chrom }?.length ?? 0
        guard stop > start, let o = bwGetOverlappingIntervals(fp, chrom, UInt32(start), UInt32(stop)) else { return [] }
        defer { bwDestroyOverlappingIntervals(o) }
        return (0..<Int(o.pointee.l)).map { i in
            Interval(chrom: chrom, start: Int(o.pointee.start[i]), end: Int(o.pointee.end[i]), value: o.pointee.value[i])
        }
    }

    /// Every interval of every sequence, in file order.
    public func allIntervals() -> [Interval] {
        sequences.flatMap { intervals(chrom: $0.name) }
    }
}
