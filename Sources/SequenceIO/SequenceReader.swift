import CHTSlib
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GenomeCore

/// Reads DNA sequence records from FASTA, FASTQ, SAM, BAM or CRAM, plain or gzip/bgzip-compressed.
///
/// Format and compression are detected from the content through `hts_open` (never from the file
/// name). FASTA and FASTQ are streamed through a fixed block buffer (1 MiB by default), so memory
/// stays bounded whatever the record length; SAM/BAM/CRAM hold one read at a time. Bases are returned
/// as validated UPPERCASE ASCII IUPAC letters. htslib logging is switched off: every problem is
/// reported as a thrown `SequenceIOError`. Not thread-safe; use one reader per thread.
///
/// Usage: `while let info = try reader.nextRecord() { while case let n = try reader.readBases(into: buf), n > 0 { ... } }`.
public final class SequenceReader {
    /// The path as given; `"-"` is standard input.
    public let path: String
    /// The detected format.
    public let format: InputFormat
    /// The detected outer compression.
    public let compression: InputCompression

    private var file: UnsafeMutablePointer<htsFile>?
    private var parser: RecordParser?
    /// The first error thrown while reading; every later `nextRecord`/`readBases` rethrows it, so a
    /// caller that ignores an error cannot go on reading from a position that is no longer meaningful.
    private var failure: SequenceIOError?

    /// Opens `path` (`"-"` = standard input) and detects its format from the content.
    /// `reference`: the FASTA a CRAM's sequences are decoded against (samtools' `--reference`);
    /// nil leaves htslib to find it (the header's UR/M5 tags, `REF_PATH`, `REF_CACHE`).
    public convenience init(path: String, reference: String? = nil) throws(SequenceIOError) {
        try self.init(path: path, blockSize: 1 << 20, reference: reference)
    }

    /// Opens `path` reading text inputs in blocks of `blockSize` bytes (>= 1; tests use tiny blocks
    /// to exercise block boundaries).
    init(path: String, blockSize: Int, reference: String? = nil) throws(SequenceIOError) {
        cs_hts_quiet()
        self.path = path
        let name = Self.displayName(of: path)
        // URLs (http, https, ftp, s3 ... as this htslib supports them) go straight to hts_open.
        if path != "-" && hisremote(path) == 0 {
            var info = stat()
            if stat(path, &info) != 0 {
                throw .cannotOpen(path: name, reason: systemMessage(errno))
            }
            if info.st_mode & S_IFMT == S_IFDIR { throw .isDirectory(path: name) }
        }
        errno = 0
        guard let file = hts_open(path, "r") else {
            let code = errno
            if code == ENOEXEC || code == 0 {
                if let method = Self.unsupportedCompressionMagic(path) {
                    throw .unsupportedCompression(path: name, method: method)
                }
                if let error = Self.unexpectedBytes(path: path, name: name) { throw error }
                throw .unknownFormat(path: name, detected: "")
            }
            if code == EISDIR { throw .isDirectory(path: name) }
            throw .cannotOpen(path: name, reason: systemMessage(code))
        }
        do throws(SequenceIOError) {
            let detected = hts_get_format(file).pointee
            if detected.format == cram, let reference { try Self.setReference(reference, of: file, path: name) }
            let compression = try Self.compression(of: detected, path: name)
            let blockSize = max(1, blockSize)
            let format: InputFormat
            let parser: RecordParser
            switch detected.format {
            case fasta_format, fastq_format, sam, text_format, unknown_format:
                let reader = BlockReader(file: file, compression: detected.compression, capacity: blockSize)
                (format, parser) = try Self.textParser(detected: detected, reader: reader, path: name)
            case bam:
                format = .bam
                parser = try BamStreamParser(file: file, path: name)
            case cram:
                format = .cram
                parser = try HtsRecordParser(file: file, path: name, format: format)
            case empty_format:
                // A compressed stream without data is empty when it ends with the trailer of empty
                // content (CRC and size 0: gzip of an empty file, a lone BGZF EOF block); otherwise it
                // was cut before its first block ended.
                if detected.compression != no_compression {
                    if path == "-" { throw SequenceIOError.emptyCompressedStream(path: name) }
                    if !Self.endsLikeEmptyGzip(path) { throw SequenceIOError.truncated(path: name, record: nil, line: 0) }
                }
                throw SequenceIOError.emptyInput(path: name)
            case binary_format:
                let reader = BlockReader(file: file, compression: detected.compression, capacity: 1 << 16)
                throw Self.unexpectedBytes(reader, path: name) ?? SequenceIOError.unknownFormat(path: name, detected: "")
            default:
                throw SequenceIOError.unknownFormat(path: name, detected: Self.describe(detected))
            }
            self.format = format
            self.compression = format == .cram ? .none : compression
            self.file = file
            self.parser = parser
        } catch {
            hts_close(file)
            throw error
        }
    }

    deinit {
        close()
    }

    /// `"stdin"` for `"-"`, else the path as given; used in every message.
    public var displayName: String { Self.displayName(of: path) }

    /// Moves to the next record, skipping (and still validating) the rest of the current one if it was
    /// not read to its end. Returns nil at the end of input, and after `close()`. After an error, every
    /// call throws that same error again.
    public func nextRecord() throws(SequenceIOError) -> SequenceRecordInfo? {
        if let failure { throw failure }
        guard let parser else { return nil }
        do {
            return try parser.nextRecord()
        } catch {
            failure = error
            throw error
        }
    }

    /// Fills `buffer` with up to `buffer.count` bases of the current record, as validated UPPERCASE
    /// ASCII IUPAC letters (A C G T N R Y S W K M B D H V; `U` is returned as `T`, lowercase is
    /// upper-cased). Returns the number of bases written; 0 means the record has ended (also before the
    /// first `nextRecord()`, after `close()`, and for an empty `buffer`, which consumes nothing). After
    /// an error, every call throws that same error again.
    public func readBases(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(SequenceIOError) -> Int {
        if let failure { throw failure }
        guard let parser else { return 0 }
        do {
            return try parser.readBases(into: buffer)
        } catch {
            failure = error
            throw error
        }
    }

    /// The 1-based line of the text being parsed (FASTA/FASTQ/SAM), for messages; 0 for BAM/CRAM.
    public var currentLine: Int { parser?.currentLine ?? 0 }

    /// Closes the input. Idempotent; also done on deinit.
    public func close() {
        parser = nil
        if let file {
            hts_close(file)
            self.file = nil
        }
    }

    // MARK: - Detection

    private static func displayName(of path: String) -> String {
        PathName.display(path)
    }

    /// htslib's description of a detected format, e.g. "BED genomic region text".
    private static func describe(_ format: htsFormat) -> String {
        var copy = format
        guard let text = hts_format_description(&copy) else { return "" }
        defer { free(text) }
        return String(cString: text)
    }

    private static func compression(of format: htsFormat, path: String) throws(SequenceIOError) -> InputCompression {
        switch format.compression {
        case no_compression: return .none
        case gzip: return .gzip
        case bgzf: return .bgzf
        case bzip2_compression: throw .unsupportedCompression(path: path, method: "bzip2")
        case xz_compression: throw .unsupportedCompression(path: path, method: "xz")
        case zstd_compression: throw .unsupportedCompression(path: path, method: "zstd")
        default:
            if format.format == cram { return .none }
            throw .unsupportedCompression(path: path, method: "unknown")
        }
    }

    /// Chooses the text parser. htslib's verdict is used for FASTA, FASTQ and SAM; text it does not
    /// recognize (e.g. FASTA whose first sequence line has a bad character) is classified by its
    /// first non-blank byte: `>` FASTA, `@` FASTQ, a first line with at least 10 tabs SAM; other text
    /// with a `>` line in the first block is FASTA with junk before its first header.
    private static func textParser(detected: htsFormat, reader: BlockReader,
                                   path: String) throws(SequenceIOError) -> (InputFormat, RecordParser) {
        // gzip's magic where text should be: htslib hands a gzip stream cut inside its first block
        // through undecompressed.
        if reader.isEmpty {
            do { _ = try reader.refill() } catch {
                switch error {
                case .truncated: throw .truncated(path: path, record: nil, line: 1)
                case let .io(code): throw .readError(path: path, record: nil, line: 1, reason: systemMessage(code))
                }
            }
        }
        if reader.end - reader.position >= 2 && reader.bytes[reader.position] == 0x1F
            && reader.bytes[reader.position + 1] == 0x8B {
            throw .truncated(path: path, record: nil, line: 1)
        }
        var format: InputFormat
        switch detected.format {
        case fasta_format: format = .fasta
        case fastq_format: format = .fastq
        case sam: format = .sam
        default:
            let probe = TextScanner(reader: reader, path: path, format: .fasta)
            guard let first = try probe.skipBlankLines() else { throw .emptyInput(path: path) }
            if first == UInt8(ascii: ">") {
                format = .fasta
            } else if first == UInt8(ascii: "@") {
                format = .fastq
            } else if tabsOnCurrentLine(reader) >= 10 {
                format = .sam
            } else if bufferHasFastaHeaderLine(reader) {
                // Text before the first header: let the FASTA parser name the offending line.
                format = .fasta
            } else {
                throw unexpectedBytes(reader, path: path) ?? .unknownFormat(path: path, detected: "")
            }
            // Blank lines before the first record were consumed above; keep counting lines from there.
            let scanner = TextScanner(reader: reader, path: path, format: format, startLine: probe.line)
            return (format, makeParser(format, scanner))
        }
        return (format, makeParser(format, TextScanner(reader: reader, path: path, format: format)))
    }

    private static func makeParser(_ format: InputFormat, _ scanner: TextScanner) -> RecordParser {
        switch format {
        case .fastq: return FastqParser(scanner: scanner)
        case .sam: return SamTextParser(scanner: scanner)
        default: return FastaParser(scanner: scanner)
        }
    }

    /// "bzip2", "xz" or "zstd" when the regular file at `path` starts with that compressor's magic
    /// number (htslib cannot open bzip2 at all); nil otherwise and for standard input.
    private static func unsupportedCompressionMagic(_ path: String) -> String? {
        guard path != "-", let stream = fopen(path, "rb") else { return nil }
        defer { fclose(stream) }
        var magic = [UInt8](repeating: 0, count: 6)
        let count = fread(&magic, 1, magic.count, stream)
        if count >= 3 && magic[0..<3] == [0x42, 0x5A, 0x68] { return "bzip2" }
        if count >= 6 && magic == [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00] { return "xz" }
        if count >= 4 && magic[0..<4] == [0x28, 0xB5, 0x2F, 0xFD] { return "zstd" }
        return nil
    }

    /// What makes the first buffered bytes not sequence text, when it is a UTF-8 byte-order mark at the
    /// start or a NUL byte; nil otherwise (or when nothing can be read).
    private static func unexpectedBytes(_ reader: BlockReader, path: String) -> SequenceIOError? {
        if reader.isEmpty { _ = try? reader.refill() }
        let count = reader.end - reader.position
        return unexpectedBytes(UnsafeBufferPointer(start: reader.bytes + reader.position, count: max(0, count)),
                               path: path)
    }

    /// The same for the first 64 KiB of the regular file at `path`, read directly (htslib refused it).
    private static func unexpectedBytes(path: String, name: String) -> SequenceIOError? {
        guard path != "-", let stream = fopen(path, "rb") else { return nil }
        defer { fclose(stream) }
        var bytes = [UInt8](repeating: 0, count: 1 << 16)
        let count = fread(&bytes, 1, bytes.count, stream)
        return bytes[..<count].withUnsafeBufferPointer { unexpectedBytes($0, path: name) }
    }

    /// A byte-order mark at the start of `bytes`, or their first NUL byte, as an error for `path`.
    private static func unexpectedBytes(_ bytes: UnsafeBufferPointer<UInt8>, path: String) -> SequenceIOError? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return .unexpectedBytes(path: path, what: "it starts with a UTF-8 byte-order mark (bytes 1-3: EF BB BF); "
                + "remove it, e.g. sed '1s/^\\xEF\\xBB\\xBF//'")
        }
        if let nul = bytes.firstIndex(of: 0) {
            return .unexpectedBytes(path: path, what: "a NUL byte at byte \(nul + 1) (binary data, not sequence text)")
        }
        return nil
    }

    /// True when the file at `path` ends with 8 zero bytes (the gzip trailer of empty content: CRC-32 0,
    /// size 0), or when it cannot be looked at.
    private static func endsLikeEmptyGzip(_ path: String) -> Bool {
        guard let stream = fopen(path, "rb") else { return true }
        defer { fclose(stream) }
        guard fseeko(stream, -8, SEEK_END) == 0 else { return false }
        var tail = [UInt8](repeating: 1, count: 8)
        return fread(&tail, 1, 8, stream) == 8 && tail.allSatisfy { $0 == 0 }
    }

    /// True when a buffered line after the read position starts with `>`.
    private static func bufferHasFastaHeaderLine(_ reader: BlockReader) -> Bool {
        var position = reader.position
        while position + 1 < reader.end {
            if reader.bytes[position] == 0x0A && reader.bytes[position + 1] == UInt8(ascii: ">") { return true }
            position += 1
        }
        return false
    }

    /// Tabs between the read position and the end of its line, looking only at the bytes buffered.
    private static func tabsOnCurrentLine(_ reader: BlockReader) -> Int {
        var tabs = 0
        var position = reader.position
        while position < reader.end && reader.bytes[position] != 0x0A {
            if reader.bytes[position] == 0x09 { tabs += 1 }
            position += 1
        }
        return tabs
    }

    /// Points a CRAM at its reference FASTA (`hts_set_fai_filename`; a `.fai` beside it is used or built).
    static func setReference(_ reference: String, of file: UnsafeMutablePointer<htsFile>, path: String) throws(SequenceIOError) {
        var info = stat()
        if stat(reference, &info) != 0 {
            throw .cannotOpen(path: reference, reason: systemMessage(errno) + " (the CRAM reference of \(path))")
        }
        if hts_set_fai_filename(file, reference) != 0 {
            throw .cannotOpen(path: reference, reason: "cannot use it as the reference of \(path)")
        }
    }

}
