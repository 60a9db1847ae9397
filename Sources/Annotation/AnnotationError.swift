import GenomeCore

/// Everything that can go wrong while reading an annotation file.
///
/// `path` is the path as given to the reader. `line` is the 1-based line number in the decompressed
/// text. `text` payloads are the offending field as found in the file (shown sanitized, shortened).
public enum AnnotationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened; `reason` is the `strerror` text.
    case cannotOpen(path: String, reason: String)
    /// The path names a directory.
    case isDirectory(path: String)
    /// The file is empty, or empty after decompression, or holds only whitespace.
    case emptyInput(path: String)
    /// The gzip/BGZF stream is truncated or corrupt (also: BGZF without its end-of-file block).
    case truncated(path: String, line: Int)
    /// The operating system reported a read error; `reason` is the `strerror` text.
    case readError(path: String, line: Int, reason: String)
    /// The first data line is neither GFF3, GTF nor BED.
    case unrecognizedFormat(path: String, line: Int)
    /// A line longer than `limit` bytes (binary input, or a missing newline).
    case lineTooLong(path: String, line: Int, limit: Int)
    /// A data line with fewer columns than its format needs.
    case tooFewColumns(path: String, line: Int, format: AnnotationFormat, found: Int, needed: Int)
    /// A coordinate (or other numeric) column that is not a non-negative decimal integer.
    case notANumber(path: String, line: Int, column: String, text: String)
    /// A feature whose start lies after its end (1-based inclusive for GFF3/GTF, 0-based for BED).
    case startAfterEnd(path: String, line: Int, start: Int, end: Int)
    /// A GFF3/GTF start below 1 (those formats are 1-based).
    case startBelowOne(path: String, line: Int, start: Int)
    /// A CDS whose strand column is not `+` or `-`.
    case unknownStrand(path: String, line: Int, text: String)
    /// Any other malformed line (empty seqid, inconsistent BED12 blocks); `reason` says what.
    case invalidLine(path: String, line: Int, reason: String)

    /// One line, no trailing newline: `FILE: line N: message`, or `FILE: message` without a line.
    public var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            return "\(path): cannot open: \(reason)"
        case let .isDirectory(path):
            return "\(path): is a directory, not an annotation file"
        case let .emptyInput(path):
            return "\(path): input is empty"
        case let .truncated(path, line):
            return Self.place(path, line) + "truncated or corrupt compressed input"
        case let .readError(path, line, reason):
            return Self.place(path, line) + "read error: \(reason)"
        case let .unrecognizedFormat(path, line):
            return Self.place(path, line)
                + "unrecognized annotation format; expected GFF3, GTF or BED (6+ columns, with strand)"
        case let .lineTooLong(path, line, limit):
            return Self.place(path, line) + "line is longer than \(limit) bytes"
        case let .tooFewColumns(path, line, format, found, needed):
            let noun = found == 1 ? "column" : "columns"
            return Self.place(path, line) + "\(format) line needs \(needed) tab-separated columns, found \(found) \(noun)"
        case let .notANumber(path, line, column, text):
            return Self.place(path, line) + "\(column) is not a non-negative integer: '\(Self.printable(text))'"
        case let .startAfterEnd(path, line, start, end):
            return Self.place(path, line) + "start \(start) is greater than end \(end)"
        case let .startBelowOne(path, line, start):
            return Self.place(path, line) + "start \(start) is below 1 (GFF3/GTF coordinates are 1-based)"
        case let .unknownStrand(path, line, text):
            return Self.place(path, line) + "CDS strand must be '+' or '-', found '\(Self.printable(text))'"
        case let .invalidLine(path, line, reason):
            return Self.place(path, line) + reason
        }
    }

    /// `"path: line N: "`, or `"path: "` when `line` is 0.
    static func place(_ path: String, _ line: Int) -> String {
        line > 0 ? "\(path): line \(line): " : "\(path): "
    }

    /// The text made safe for one line of a message (`GenomeCore.PrintableText`), cut to 40 characters.
    static func printable(_ text: String) -> String {
        PrintableText.oneLine(text, limit: 40)
    }
}
