import GenomeCore

/// Everything that can go wrong while opening or reading a sequence input.
///
/// Every `path` is the display name of the input (`"stdin"` for `-`). Line numbers are 1-based lines
/// of the decompressed text; 0 means "no line" and is left out of the message. `record` is the name of
/// the record being read when the problem was found, `nil` when not inside a record. Ordinals in
/// `corruptRecord` are 1-based and count every alignment record in the file, skipped ones included.
public enum SequenceIOError: Error, CustomStringConvertible, Equatable {
    /// The input could not be opened; `reason` is the `strerror` text.
    case cannotOpen(path: String, reason: String)
    /// The path names a directory.
    case isDirectory(path: String)
    /// The input is empty, empty after decompression, or holds only whitespace.
    case emptyInput(path: String)
    /// A compressed stream on standard input that decompresses to nothing: empty, or cut before its
    /// first block ended (a file can be told apart by its trailer, a pipe cannot).
    case emptyCompressedStream(path: String)
    /// The content is not FASTA, FASTQ, SAM, BAM or CRAM; `detected` is htslib's description of what
    /// it is, empty when htslib does not recognize it either.
    case unknownFormat(path: String, detected: String)
    /// The content is not sequence text: `what` says what was found and at which byte (1-based), e.g. a
    /// UTF-8 byte-order mark or a NUL byte.
    case unexpectedBytes(path: String, what: String)
    /// The content is compressed with a method htslib detects but cannot stream (xz, bzip2, zstd, ...).
    case unsupportedCompression(path: String, method: String)
    /// The compressed stream is truncated or corrupt (also: a BGZF stream without its end-of-file block).
    case truncated(path: String, record: String?, line: Int)
    /// The operating system reported a read error; `reason` is the `strerror` text.
    case readError(path: String, record: String?, line: Int, reason: String)
    /// A byte that is not an IUPAC nucleotide letter inside a sequence; `format` decides whether a
    /// protein letter earns the "protein FASTA?" hint (FASTA only).
    case invalidCharacter(path: String, record: String?, line: Int, byte: UInt8, format: InputFormat)
    /// A carriage return that is not followed by a line feed (classic Mac OS line ends).
    case bareCarriageReturn(path: String, line: Int)
    /// A control or NUL byte inside a header line.
    case invalidHeaderByte(path: String, line: Int, byte: UInt8)
    /// A header (`>` or `@`) with no name after it.
    case emptyName(path: String, line: Int)
    /// A header name longer than `limit` bytes.
    case nameTooLong(path: String, line: Int, limit: Int)
    /// A line where a header starting with `marker` must be (data before the first record, or a stray
    /// line between FASTQ records); `found` is the first byte of that line.
    case expectedHeader(path: String, line: Int, marker: UInt8, found: UInt8)
    /// A FASTA header followed directly by another header or by the end of input; `line` is the header's.
    case noSequence(path: String, record: String, line: Int)
    /// A FASTQ record whose sequence is not followed by a `+` line.
    case missingPlusLine(path: String, record: String, line: Int)
    /// A FASTQ or SAM record whose quality string length differs from its sequence length.
    case qualityLength(path: String, record: String, line: Int, bases: Int, qualities: Int)
    /// A FASTQ quality byte outside `!`...`~` (33...126).
    case invalidQuality(path: String, record: String, line: Int, byte: UInt8)
    /// A SAM text line that is not a valid alignment record; `reason` says why.
    case malformedSAM(path: String, line: Int, reason: String)
    /// A `=` base (identical to the reference) in SAM/BAM/CRAM, which cannot be decoded here.
    case referenceBase(path: String, record: String, line: Int)
    /// The SAM/BAM/CRAM header could not be read.
    case badHeader(path: String, format: InputFormat)
    /// A BAM/CRAM record that htslib could not decode, or a stream that ended without its end-of-file
    /// marker; `ordinal` is the 1-based number of the failing record, `after` the last good read name.
    case corruptRecord(path: String, ordinal: Int, after: String?, detail: String)

    /// One line, no trailing newline, no program prefix; always names the file, and the record and
    /// line where known, e.g. `x.fa: record 'chr2' (line 41): invalid character 'E' (0x45) in sequence; protein FASTA?`
    public var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            return "\(path): cannot open: \(reason)"
        case let .isDirectory(path):
            return "\(path): is a directory, not a sequence file"
        case let .emptyInput(path):
            return "\(path): input is empty"
        case let .emptyCompressedStream(path):
            return "\(path): compressed input holds no data (empty, or truncated before its first block ended)"
        case let .unknownFormat(path, detected):
            let what = detected.isEmpty ? "unrecognized input format" : "unsupported input format (\(detected))"
            return "\(path): \(what); expected FASTA, FASTQ, SAM, BAM or CRAM, optionally gzip/bgzip-compressed"
        case let .unexpectedBytes(path, what):
            return "\(path): not FASTA, FASTQ, SAM, BAM or CRAM: \(what)"
        case let .unsupportedCompression(path, method):
            return "\(path): \(method)-compressed input is not supported; use gzip or bgzip"
        case let .truncated(path, record, line):
            return Self.place(path, record, line) + "truncated or corrupt compressed input"
        case let .readError(path, record, line, reason):
            return Self.place(path, record, line) + "read error: \(reason)"
        case let .invalidCharacter(path, record, line, byte, format):
            var text = Self.place(path, record, line) + "invalid \(Self.show(byte)) in sequence"
            if format == .fasta && NucleotideTable.isProteinLetter(byte) { text += "; protein FASTA?" }
            return text
        case let .bareCarriageReturn(path, line):
            return Self.place(path, nil, line) + "CR line endings are not supported"
        case let .invalidHeaderByte(path, line, byte):
            return Self.place(path, nil, line) + "invalid \(Self.show(byte)) in header line"
        case let .emptyName(path, line):
            return Self.place(path, nil, line) + "header has no sequence name"
        case let .nameTooLong(path, line, limit):
            return Self.place(path, nil, line) + "sequence name is longer than \(limit) bytes"
        case let .expectedHeader(path, line, marker, found):
            return Self.place(path, nil, line)
                + "expected a header line starting with '\(Character(Unicode.Scalar(marker)))', found \(Self.show(found))"
        case let .noSequence(path, record, line):
            return Self.place(path, record, line) + "header is not followed by any sequence"
        case let .missingPlusLine(path, record, line):
            return Self.place(path, record, line) + "sequence is not followed by a '+' line (truncated or malformed FASTQ)"
        case let .qualityLength(path, record, line, bases, qualities):
            return Self.place(path, record, line)
                + "quality string has \(qualities) characters but the sequence has \(bases) bases"
        case let .invalidQuality(path, record, line, byte):
            return Self.place(path, record, line) + "invalid \(Self.show(byte)) in quality string"
        case let .malformedSAM(path, line, reason):
            return Self.place(path, nil, line) + "malformed SAM record: \(Self.printable(reason))"
        case let .referenceBase(path, record, line):
            return Self.place(path, record, line) + "base '=' (same as reference) is not supported in sequences"
        case let .badHeader(path, format):
            return "\(path): cannot read the \(format.rawValue.uppercased()) header (truncated or corrupt input)"
        case let .corruptRecord(path, ordinal, after, detail):
            let previous = after.map { " (after '\(Self.printable($0))')" } ?? ""
            return "\(path): record #\(ordinal)\(previous): \(Self.printable(detail))"
        }
    }

    /// `"path: "`, `"path: line N: "`, `"path: record 'x': "` or `"path: record 'x' (line N): "`.
    static func place(_ path: String, _ record: String?, _ line: Int) -> String {
        var text = path + ": "
        if let record {
            text += "record '\(printable(record))'"
            if line > 0 { text += " (line \(line))" }
            text += ": "
        } else if line > 0 {
            text += "line \(line): "
        }
        return text
    }

    /// `'E' (0x45)` for a visible ASCII byte, `byte 0x00` for a control byte, `non-ASCII byte 0xC3` above 0x7F.
    static func show(_ byte: UInt8) -> String {
        let hex = "0x" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
        if byte >= 0x21 && byte <= 0x7E { return "character '\(Character(Unicode.Scalar(byte)))' (\(hex))" }
        if byte == 0x20 { return "character ' ' (\(hex))" }
        return byte >= 0x80 ? "non-ASCII byte \(hex)" : "control byte \(hex)"
    }

    /// The text made safe for one line of a message (`GenomeCore.PrintableText`).
    static func printable(_ text: String) -> String {
        PrintableText.oneLine(text)
    }
}

extension String {
    /// The string left-padded with zeros to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
