/// Streaming FASTQ parser: `@name description`, sequence line(s), `+` line, quality line(s).
///
/// Sequence and quality may be wrapped over several lines; the quality section ends once it holds as
/// many characters as the sequence had bases, so quality lines starting with `@` are read correctly.
/// Sequence bytes must be IUPAC nucleotide letters (either case; `U` is returned as `T`), quality bytes
/// must lie in `!`...`~` (33...126), and the two lengths must match. Records with an empty sequence
/// are returned with 0 bases. Blank lines between records are tolerated; `\r\n` is accepted.
///
/// htslib's own FASTQ reader is not used: it maps every unknown letter (and `U`) to `N` without
/// an error, and cannot give line numbers.
final class FastqParser: RecordParser {
    private enum State {
        /// Before a record header (or the end).
        case betweenRecords
        /// Inside a record's sequence lines.
        case inSequence
        /// The current record (quality included) has been consumed.
        case recordDone
        /// The end of input was reached.
        case finished
    }

    private let scanner: TextScanner
    private var state = State.betweenRecords
    private var nextIndex = 0
    private var basesInRecord = 0
    private var headerLine = 0
    private let scratch: UnsafeMutableBufferPointer<UInt8>

    /// Parses the text of `scanner`, which must be positioned at the start of a line.
    init(scanner: TextScanner) {
        self.scanner = scanner
        scratch = .allocate(capacity: 64 * 1024)
    }

    deinit {
        scratch.deallocate()
    }

    var currentLine: Int { scanner.line }

    func nextRecord() throws(SequenceIOError) -> SequenceRecordInfo? {
        switch state {
        case .finished:
            return nil
        case .inSequence:
            try drainRecord(scratch: scratch)
        case .betweenRecords, .recordDone:
            break
        }
        scanner.record = nil
        guard let first = try scanner.skipBlankLines() else {
            state = .finished
            return nil
        }
        if first != UInt8(ascii: "@") {
            throw .expectedHeader(path: scanner.path, line: scanner.line, marker: UInt8(ascii: "@"), found: first)
        }
        headerLine = scanner.line
        let name = try scanner.readHeader()
        scanner.record = name
        scanner.atLineStart = true
        state = .inSequence
        basesInRecord = 0
        defer { nextIndex += 1 }
        return SequenceRecordInfo(name: name, index: nextIndex, line: headerLine)
    }

    func readBases(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(SequenceIOError) -> Int {
        guard state == .inSequence, let output = buffer.baseAddress, buffer.count > 0 else { return 0 }
        var written = 0
        let stop = try scanner.scanSequence(into: output, capacity: buffer.count, written: &written,
                                            stop: UInt8(ascii: "+"), stopOnInvalidLineStart: true)
        basesInRecord += written
        switch stop {
        case .bufferFull:
            return written
        case .marker(UInt8(ascii: "+")):
            try readQuality()
            state = .recordDone
            return written
        case let .marker(byte):
            // A line that cannot be sequence: on the first sequence line (unless it is the next
            // header) it is a bad character; after sequence lines it is most likely the quality
            // line of a record that lacks its '+' line.
            if byte != UInt8(ascii: "@") && scanner.line == headerLine + 1 {
                throw .invalidCharacter(path: scanner.path, record: scanner.record, line: scanner.line,
                                        byte: byte, format: .fastq)
            }
            throw .missingPlusLine(path: scanner.path, record: scanner.record ?? "", line: scanner.line)
        case .endOfInput:
            throw .missingPlusLine(path: scanner.path, record: scanner.record ?? "", line: scanner.line)
        }
    }

    /// Consumes the `+` line at the read position and the quality lines after it, checking that they
    /// hold exactly `basesInRecord` characters in `!`...`~`. Quality lines are read until their total
    /// reaches the sequence length (at least one line, unless the input ends right after the `+`
    /// line of an empty record). A mismatch is reported at the first quality line; when a later line
    /// overshoots, the count before it is reported (that line is most likely the next header).
    private func readQuality() throws(SequenceIOError) {
        let path = scanner.path
        let record = scanner.record ?? ""
        let bases = basesInRecord
        // The '+' line may repeat the name; its content is not checked beyond the line-end rules.
        try scanner.skipRestOfLine()
        let firstLine = scanner.line
        var qualities = 0
        repeat {
            guard try scanner.ensureBytes() else {
                if qualities == bases { return }
                throw .qualityLength(path: path, record: record, line: firstLine, bases: bases, qualities: qualities)
            }
            let lineNumber = scanner.line
            let count = try scanner.consumeLine(
                accept: { $0 >= 0x21 && $0 <= 0x7E },
                reject: { .invalidQuality(path: path, record: record, line: lineNumber, byte: $0) })
            if qualities + count > bases {
                let reported = lineNumber == firstLine ? count : qualities
                throw .qualityLength(path: path, record: record, line: firstLine, bases: bases, qualities: reported)
            }
            qualities += count
        } while qualities < bases
    }
}
