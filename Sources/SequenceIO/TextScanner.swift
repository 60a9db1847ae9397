#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Line-aware scanning of FASTA/FASTQ/SAM text on top of a `BlockReader`.
///
/// Tracks the 1-based number of the line holding the next unconsumed byte (`line`). Accepts `\n` and
/// `\r\n` line ends; a `\r` not followed by `\n` is an error. Errors carry the display name of the
/// input and the name of the record being read (`record`, set by the parser).
final class TextScanner {
    /// How `scanSequence` stopped.
    enum SequenceStop: Equatable {
        /// The output buffer is full; more sequence may follow.
        case bufferFull
        /// A line starting with this stop byte was reached; the byte is not consumed.
        case marker(UInt8)
        /// The end of the content was reached.
        case endOfInput
    }

    /// Longest accepted header name, in bytes.
    static let nameLimit = 65_536

    let reader: BlockReader
    /// Display name of the input, for messages.
    let path: String
    /// Format being parsed, for messages.
    let format: InputFormat
    /// 1-based line of the next unconsumed byte.
    private(set) var line: Int
    /// Name of the record being read, for messages; nil outside records.
    var record: String?
    /// True when the next byte starts a line (sequence scanning state).
    var atLineStart = true

    /// Scans `reader`, whose next byte is on line `startLine`.
    init(reader: BlockReader, path: String, format: InputFormat, startLine: Int = 1) {
        self.reader = reader
        self.path = path
        self.format = format
        self.line = startLine
    }

    /// Converts a reader failure into the public error, with the current record and line.
    func error(_ failure: BlockReader.Failure) -> SequenceIOError {
        switch failure {
        case .truncated:
            return .truncated(path: path, record: record, line: line)
        case let .io(code):
            return .readError(path: path, record: record, line: line, reason: systemMessage(code))
        }
    }

    /// The next byte without consuming it; nil at the end of content.
    @inline(__always)
    func peek() throws(SequenceIOError) -> UInt8? {
        do { return try reader.peek() } catch { throw self.error(error) }
    }

    /// Refills the reader when all its bytes are consumed; false at the end of content.
    @inline(__always)
    func ensureBytes() throws(SequenceIOError) -> Bool {
        if !reader.isEmpty { return true }
        do { return try reader.refill() } catch { throw self.error(error) }
    }

    /// Consumes a `\r` at the read position, which must be followed by `\n` (left unconsumed).
    func consumeCarriageReturn() throws(SequenceIOError) {
        reader.position += 1
        if try peek() != 0x0A { throw .bareCarriageReturn(path: path, line: line) }
    }

    /// Consumes a `\n` at the read position and advances `line`.
    @inline(__always)
    func consumeNewline() {
        reader.position += 1
        line += 1
    }

    /// Consumes lines holding only blanks (space, tab, `\r\n`). Returns the first byte of the first
    /// other line, left unconsumed, or nil at the end of content.
    /// When a line holds blanks followed by text, the first blank is returned instead (the line does
    /// not start with a marker), with the read position on the text.
    func skipBlankLines() throws(SequenceIOError) -> UInt8? {
        var firstOfLine: UInt8? = nil
        while let byte = try peek() {
            switch NucleotideTable.classOf[Int(byte)] {
            case NucleotideTable.newline:
                consumeNewline()
                firstOfLine = nil
            case NucleotideTable.blank:
                if firstOfLine == nil { firstOfLine = byte }
                reader.position += 1
            case NucleotideTable.carriageReturn:
                try consumeCarriageReturn()
            default:
                return firstOfLine ?? byte
            }
        }
        return nil
    }

    /// Reads a header line whose first byte (the marker, `>` or `@`) is at the read position. Returns
    /// the first whitespace-delimited word after the marker (leading blanks skipped) and consumes the
    /// rest of the line, including its line end. Control bytes other than tab are errors; bytes above
    /// 0x7F are accepted (UTF-8 names and descriptions).
    func readHeader() throws(SequenceIOError) -> String {
        let headerLine = line
        reader.position += 1
        var name: [UInt8] = []
        var inName = false
        var nameDone = false
        while let byte = try peek() {
            if byte == 0x0A { consumeNewline(); break }
            if byte == 0x0D { try consumeCarriageReturn(); continue }
            if byte == 0x20 || byte == 0x09 {
                if inName { nameDone = true }
            } else if byte < 0x20 || byte == 0x7F {
                throw .invalidHeaderByte(path: path, line: headerLine, byte: byte)
            } else if !nameDone {
                inName = true
                if name.count >= Self.nameLimit {
                    throw .nameTooLong(path: path, line: headerLine, limit: Self.nameLimit)
                }
                name.append(byte)
            }
            reader.position += 1
        }
        if name.isEmpty { throw .emptyName(path: path, line: headerLine) }
        return String(decoding: name, as: UTF8.self)
    }

    /// Scans sequence lines into `output[written..<capacity]`, storing UPPERCASE IUPAC letters (U as T)
    /// and skipping blanks and line ends, until the buffer is full, a line starts with `stop` (not
    /// consumed), or the content ends. With `stopOnInvalidLineStart`, a line starting with any byte
    /// that cannot appear in sequence also stops the scan (not consumed); otherwise, like every other
    /// invalid byte, it is an `invalidCharacter` error. `atLineStart` carries over between calls.
    func scanSequence(into output: UnsafeMutablePointer<UInt8>, capacity: Int, written: inout Int,
                      stop: UInt8, stopOnInvalidLineStart: Bool) throws(SequenceIOError) -> SequenceStop {
        let table = NucleotideTable.classOf
        let reader = self.reader
        let bytes = reader.bytes
        var count = written
        defer { written = count }
        while true {
            if reader.isEmpty {
                guard try ensureBytes() else { return .endOfInput }
            }
            if atLineStart {
                let first = bytes[reader.position]
                if first == stop || (stopOnInvalidLineStart && table[Int(first)] == NucleotideTable.invalid) {
                    return .marker(first)
                }
                atLineStart = false
            }
            var position = reader.position
            let end = reader.end
            var room = capacity - count
            // Fast path: copy translated letters until a special byte, the block end or a full buffer.
            while position < end && room > 0 {
                let letter = table[Int(bytes[position])]
                if letter < 0x41 { break }
                output[count] = letter
                count += 1
                position += 1
                room -= 1
            }
            reader.position = position
            if room == 0 { return .bufferFull }
            if position == end { continue }
            let byte = bytes[position]
            switch table[Int(byte)] {
            case NucleotideTable.newline:
                consumeNewline()
                atLineStart = true
            case NucleotideTable.blank:
                reader.position += 1
            case NucleotideTable.carriageReturn:
                try consumeCarriageReturn()
            default:
                throw .invalidCharacter(path: path, record: record, line: line, byte: byte, format: format)
            }
        }
    }

    /// Replaces `lineBytes` with the bytes of the next line (line end excluded) and consumes it. Returns
    /// false at the end of content with nothing read.
    func readLine(into lineBytes: inout [UInt8]) throws(SequenceIOError) -> Bool {
        lineBytes.removeAll(keepingCapacity: true)
        var sawAny = false
        while try ensureBytes() {
            sawAny = true
            let bytes = reader.bytes
            let start = reader.position
            let end = reader.end
            var position = start
            while position < end && bytes[position] != 0x0A && bytes[position] != 0x0D { position += 1 }
            lineBytes.append(contentsOf: UnsafeBufferPointer(start: bytes + start, count: position - start))
            reader.position = position
            if position == end { continue }
            if bytes[position] == 0x0D { try consumeCarriageReturn(); continue }
            consumeNewline()
            return true
        }
        return sawAny
    }

    /// Consumes the rest of the current line, whatever it holds, including its line end.
    func skipRestOfLine() throws(SequenceIOError) {
        let (path, line) = (self.path, self.line)
        // `accept` takes every byte, so `reject` is never called.
        _ = try consumeLine(accept: { _ in true }, reject: { .invalidHeaderByte(path: path, line: line, byte: $0) })
    }

    /// Consumes the rest of the current line, including its line end, and returns how many bytes
    /// before the line end it held. Each such byte must satisfy `accept`, else `reject` is thrown
    /// with the byte. Ends quietly at the end of content.
    func consumeLine(accept: (UInt8) -> Bool,
                     reject: (UInt8) -> SequenceIOError) throws(SequenceIOError) -> Int {
        var count = 0
        while try ensureBytes() {
            let bytes = reader.bytes
            var position = reader.position
            let end = reader.end
            while position < end {
                let byte = bytes[position]
                if byte == 0x0A || byte == 0x0D { break }
                if !accept(byte) { reader.position = position; throw reject(byte) }
                position += 1
            }
            count += position - reader.position
            reader.position = position
            if position == end { continue }
            if bytes[position] == 0x0D { try consumeCarriageReturn(); continue }
            consumeNewline()
            return count
        }
        return count
    }
}

/// The `strerror` text of an `errno` value.
func systemMessage(_ code: Int32) -> String {
    String(cString: strerror(code))
}
