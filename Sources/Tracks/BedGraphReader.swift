#if canImport(Glibc)
import Glibc
#endif

/// Streams a bedGraph file line by line (plain text; another tool's track, or codingscan's own):
/// `chrom start end value`, 0-based half-open, tab-separated; `track`, `browser`, `#` and empty lines
/// are skipped. Memory is one line. The reading side of the track formats, used by `eval --track`.
public final class BedGraphReader {
    /// One data line: `start ..< end` on `chrom` (0-based, half-open, `0 <= start < end`) has `value`
    /// (finite); `line` is its 1-based line number.
    public struct Interval: Equatable, Sendable {
        public var chrom: String
        public var start: Int
        public var end: Int
        public var value: Float
        public var line: Int

        public init(chrom: String, start: Int, end: Int, value: Float, line: Int) {
            self.chrom = chrom
            self.start = start
            self.end = end
            self.value = value
            self.line = line
        }
    }

    /// The path as given, for messages.
    public let path: String
    private let file: UnsafeMutablePointer<FILE>
    private var line: UnsafeMutablePointer<CChar>?
    private var capacity = 0
    private var number = 0

    /// Opens `path`; `.unreadable` with the system's reason when it cannot be opened.
    public init(path: String) throws(TrackError) {
        self.path = path
        guard let file = fopen(path, "rb") else {
            throw .unreadable(path: path, line: 0, message: String(cString: strerror(errno)))
        }
        self.file = file
    }

    deinit {
        free(line)
        fclose(file)
    }

    /// The next data line, or nil at the end of the file. Throws `.unreadable` naming the line for
    /// a line that is not `chrom start end value` with `0 <= start < end` and a finite value, or for a
    /// read error (a directory reads as "Is a directory", at line 0).
    public func next() throws(TrackError) -> Interval? {
        while true {
            errno = 0
            let n = getline(&line, &capacity, file)
            if n < 0 {
                if ferror(file) != 0 { throw .unreadable(path: path, line: 0, message: String(cString: strerror(errno))) }
                return nil
            }
            number += 1
            var bytes = UnsafeRawBufferPointer(start: line, count: n)[...]
            while let last = bytes.last, last == 0x0A || last == 0x0D { bytes = bytes.dropLast() }   // LF, CRLF
            let text = String(decoding: bytes, as: UTF8.self)
            if text.isEmpty || text.hasPrefix("#") || text.hasPrefix("track") || text.hasPrefix("browser") { continue }
            let f = text.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count >= 4, let start = Int(f[1]), let end = Int(f[2]), let value = Float(f[3]), value.isFinite,
                  start >= 0, start < end else {
                throw .unreadable(path: path, line: number,
                                  message: "expected 'chrom start end value' (0 <= start < end, a finite value)")
            }
            return Interval(chrom: String(f[0]), start: start, end: end, value: value, line: number)
        }
    }
}
