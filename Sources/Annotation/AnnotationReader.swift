import CHTSlib
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the CDS features of a GFF3, GTF or BED annotation file, plain or gzip/BGZF-compressed.
///
/// Lines are `\n`-terminated (a `\r` before it is dropped). Blank lines and `#` comment lines are
/// skipped everywhere, UCSC `track`/`browser` lines in BED; a GFF3 `##FASTA` line (or a `>` line in
/// GFF3) ends the annotation. Without an explicit format, a `##gff-version 3` header means GFF3,
/// otherwise the first data line decides (see `FormatDetector`). Coordinates become 0-based half-open.
public enum AnnotationReader {
    /// Longest accepted line, in bytes.
    public static let maximumLineLength = 16 << 20

    /// Reads every CDS interval of the file at `path`; `format` overrides the detection.
    ///
    /// A file with no bytes (or only whitespace) after decompression is an error; a file with only
    /// comments and headers gives an empty set. Throws on the first malformed line.
    public static func read(path: String, format: AnnotationFormat? = nil) throws(AnnotationError) -> AnnotationSet {
        cs_hts_quiet()
        try checkPath(path)
        errno = 0
        guard let handle = bgzf_open(path, "r") else {
            let code = errno
            throw .cannotOpen(path: path, reason: code != 0 ? String(cString: strerror(code)) : "not a readable file")
        }
        defer { _ = bgzf_close(handle) }
        let reader = LineReader(handle: handle, maximumLineLength: maximumLineLength)
        var detected = format
        var gff: GFFLineParser?
        var bed: BEDLineParser?
        var builder = AnnotationBuilder()
        var sawContent = false
        while let line = try nextLine(reader, path) {
            guard !isBlank(line) else { continue }
            sawContent = true
            let number = reader.lineNumber
            if line[0] == 0x23 {
                if detected != .bed && line.starts(with: "##FASTA".utf8) { break }
                if detected == nil && FormatDetector.isGFF3Header(line) { detected = .gff3 }
                continue
            }
            if detected == nil || detected == .bed, FormatDetector.isTrackOrBrowser(line) { continue }
            if detected == .gff3 && line[0] == 0x3E { break }
            if detected == nil {
                guard let found = FormatDetector.detect(line) else {
                    throw .unrecognizedFormat(path: path, line: number)
                }
                detected = found
            }
            if detected == .bed {
                if bed == nil { bed = BEDLineParser(path: path) }
                try bed!.parse(line, number: number, into: &builder)
            } else {
                if gff == nil { gff = GFFLineParser(path: path, format: detected ?? .gff3) }
                try gff!.parse(line, number: number, into: &builder)
            }
        }
        guard sawContent else { throw .emptyInput(path: path) }
        return builder.finish(path: path, format: detected ?? .gff3)
    }

    /// Throws when `path` does not exist, cannot be inspected, or is a directory.
    private static func checkPath(_ path: String) throws(AnnotationError) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw .cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw .isDirectory(path: path) }
    }

    /// The next line, with reader failures turned into `AnnotationError`s.
    private static func nextLine(_ reader: LineReader, _ path: String) throws(AnnotationError) -> UnsafeBufferPointer<UInt8>? {
        do {
            return try reader.next()
        } catch {
            let line = reader.lineNumber + 1
            switch error {
            case .truncated: throw .truncated(path: path, line: line)
            case let .io(code): throw .readError(path: path, line: line, reason: String(cString: strerror(code)))
            case .lineTooLong: throw .lineTooLong(path: path, line: line, limit: reader.maximumLineLength)
            }
        }
    }

    /// True for an empty line or one of only spaces and tabs.
    private static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }
}
