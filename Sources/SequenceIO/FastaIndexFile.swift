#if canImport(Glibc)
import Glibc
#endif

/// A FASTA index (`FILE.fai`, as `samtools faidx` writes it), read a line at a time: the one `.fai`
/// parser, used to check an index against its FASTA (`FastaIndexCheck`) and to size a bigWig before
/// the scan (`Pipeline.FastaIndexSizes`).
public enum FastaIndexFile {
    /// One line: `name<TAB>length<TAB>offset<TAB>linebases<TAB>linewidth` (a sixth field, FASTQ's
    /// quality offset, is ignored). `line` is 1-based.
    public struct Entry: Equatable, Sendable {
        public var name: String
        public var length: Int
        public var offset: Int
        public var lineBases: Int
        public var lineWidth: Int
        public var line: Int

        public init(name: String, length: Int, offset: Int, lineBases: Int, lineWidth: Int, line: Int) {
            self.name = name
            self.length = length
            self.offset = offset
            self.lineBases = lineBases
            self.lineWidth = lineWidth
            self.line = line
        }
    }

    /// Why an index could not be read.
    public enum Failure: Error, Equatable, Sendable {
        /// fopen(3) or getline(3) failed with `errno`.
        case unreadable(errno: Int32)
        /// Line `line` is not five tab-separated fields with a name, `length >= 0`, `offset >= 0` and
        /// `0 < linebases <= linewidth`.
        case malformed(line: Int)
    }

    /// Every entry of the index at `path`, in file order; empty lines are skipped.
    public static func read(_ path: String) throws(Failure) -> [Entry] {
        guard let file = fopen(path, "rb") else { throw .unreadable(errno: errno) }
        defer { fclose(file) }
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        var entries: [Entry] = []
        var number = 0
        while true {
            errno = 0
            let n = getline(&buffer, &capacity, file)
            if n < 0 {
                if ferror(file) != 0 { throw .unreadable(errno: errno) }
                return entries
            }
            number += 1
            var bytes = UnsafeRawBufferPointer(start: buffer, count: n)[...]
            while let last = bytes.last, last == 0x0A || last == 0x0D { bytes = bytes.dropLast() }   // LF, CRLF
            let text = String(decoding: bytes, as: UTF8.self)
            if text.isEmpty { continue }
            let f = text.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count >= 5, !f[0].isEmpty, let length = Int(f[1]), let offset = Int(f[2]),
                  let lineBases = Int(f[3]), let lineWidth = Int(f[4]),
                  length >= 0, offset >= 0, lineBases > 0, lineWidth >= lineBases else {
                throw .malformed(line: number)
            }
            entries.append(Entry(name: String(f[0]), length: length, offset: offset, lineBases: lineBases,
                                 lineWidth: lineWidth, line: number))
        }
    }

    /// True when the index at `index` was modified before the FASTA at `path` (a stale index); false
    /// when either cannot be looked at.
    public static func isOlder(_ index: String, than path: String) -> Bool {
        var data = stat(), fai = stat()
        guard stat(path, &data) == 0, stat(index, &fai) == 0 else { return false }
        return (data.st_mtim.tv_sec, data.st_mtim.tv_nsec) > (fai.st_mtim.tv_sec, fai.st_mtim.tv_nsec)
    }
}
