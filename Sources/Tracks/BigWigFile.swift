import CBigWig
#if canImport(Glibc)
import Glibc
#endif

/// A bigWig being written through libBigWig: header and sequence list first, then bedGraph-like
/// intervals (0-based half-open, UInt32 coordinates) sequence by sequence in list order, then `close`.
///
/// libBigWig writes to a path through stdio; `path` is the temporary file an `OutputSink` made,
/// `name` the target used in messages. The file is readable only after `close`.
final class BigWigFile {
    /// libBigWig's limit on sequences (one leaf of its sequence-name tree).
    static let maxSequences = 65_535
    /// Zoom levels written for fast zoomed-out display (IGV, UCSC).
    static let zoomLevels: Int32 = 10

    private var fp: UnsafeMutablePointer<bigWigFile_t>?
    private let name: String
    private let path: String
    private var names: [UnsafeMutablePointer<CChar>?]
    /// The sequence whose intervals are being added (-1: none yet); libBigWig needs a new block per sequence.
    private var current = -1

    /// libBigWig's one-time set-up (its read buffer size in bytes).
    private static let initialised: Bool = bwInit(1 << 17) == 0

    /// Creates the file at `path` with the header and the sequences' names and lengths.
    init(path: String, name: String, sequences: [String], lengths: [Int]) throws(TrackError) {
        self.path = path
        self.name = name
        names = sequences.map { strdup($0) }
        guard Self.initialised else { throw .bigWig(path: name, message: "libBigWig could not be initialised") }
        if sequences.count > Self.maxSequences {
            throw .bigWig(path: name, message: "a bigWig holds at most \(Self.maxSequences) sequences "
                + "(libBigWig), the input has \(sequences.count); write bedGraph instead")
        }
        if let i = lengths.firstIndex(where: { $0 > Int(UInt32.max) }) {
            throw .bigWig(path: name, message: "sequence '\(sequences[i])' is \(lengths[i]) bp, more than "
                + "a bigWig's 32-bit coordinates hold")
        }
        errno = 0
        fp = bwOpen(path, nil, "w")
        guard let fp else { throw failure("cannot open for writing") }
        if bwCreateHdr(fp, Self.zoomLevels) != 0 { throw failure("cannot create the header") }
        let sizes = lengths.map { UInt32($0) }
        let list = names.map { UnsafePointer($0) }
        fp.pointee.cl = list.withUnsafeBufferPointer { n in
            sizes.withUnsafeBufferPointer { bwCreateChromList(n.baseAddress, $0.baseAddress, Int64(sequences.count)) }
        }
        if fp.pointee.cl == nil { throw failure("cannot create the sequence list") }
        if bwWriteHdr(fp) != 0 { throw failure("cannot write the header") }
    }

    deinit {
        if let fp { bwClose(fp) }
        for n in names { free(n) }
    }

    /// Adds intervals of sequence `index` (at or after the previous one), sorted, not overlapping.
    func add(sequence index: Int, starts: [UInt32], ends: [UInt32], values: [Float]) throws(TrackError) {
        guard let fp, !starts.isEmpty else { return }
        precondition(index >= current && starts.count == ends.count && starts.count == values.count)
        errno = 0
        let status: Int32
        if index != current {
            // A new sequence starts a new block (bwAddIntervals names it); the rest is appended.
            current = index
            var chrom: UnsafePointer<CChar>? = UnsafePointer(names[index])
            let first = bwAddIntervals(fp, &chrom, starts, ends, values, 1)
            if first != 0 { throw failure("cannot add intervals") }
            status = starts.count == 1 ? 0 : starts.withUnsafeBufferPointer { s in
                ends.withUnsafeBufferPointer { e in
                    values.withUnsafeBufferPointer { v in
                        bwAppendIntervals(fp, s.baseAddress! + 1, e.baseAddress! + 1, v.baseAddress! + 1,
                                          UInt32(starts.count - 1))
                    }
                }
            }
        } else {
            status = bwAppendIntervals(fp, starts, ends, values, UInt32(starts.count))
        }
        if status != 0 { throw failure("cannot add intervals") }
    }

    /// Writes the index and zoom levels and closes the file, then checks that libBigWig can open it
    /// again (bwClose reports no error of its own, e.g. a full disk).
    func close() throws(TrackError) {
        guard let fp else { return }
        self.fp = nil
        errno = 0
        bwClose(fp)
        let code = errno
        guard let check = bwOpen(path, nil, "r") else {
            if code != 0 { throw .writeFailed(path: name, errno: code) }
            throw .bigWig(path: name, message: "libBigWig wrote a file it cannot read back")
        }
        bwClose(check)
    }

    /// The error for a failed libBigWig call: the system error when there is one.
    private func failure(_ what: String) -> TrackError {
        let code = errno
        if code != 0 { return .writeFailed(path: name, errno: code) }
        return .bigWig(path: name, message: "libBigWig: \(what)")
    }
}
