/// Streaming FASTA parser: header lines `>name description`, then wrapped or single-line sequence.
///
/// Never holds more than one block of input and the record name: a 250 Mb single-line record streams
/// through a fixed buffer. Blank lines are tolerated anywhere, `\r\n` line ends are accepted, and
/// blanks inside sequence lines are ignored. Sequence bytes must be IUPAC nucleotide letters
/// (either case; `U` is returned as `T`). Every record must hold at least one base.
final class FastaParser: RecordParser {
    private enum State {
        /// Before the first header.
        case start
        /// Inside a record's sequence.
        case inSequence
        /// The current record's sequence has ended; the next byte is a `>` at a line start, or the end.
        case betweenRecords
        /// The end of input was reached.
        case finished
    }

    private let scanner: TextScanner
    private var state = State.start
    private var nextIndex = 0
    private var headerLine = 0
    private var basesInRecord = 0
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
            return try nextRecord()
        case .start, .betweenRecords:
            break
        }
        scanner.record = nil
        guard let first = try scanner.skipBlankLines() else {
            state = .finished
            return nil
        }
        if first != UInt8(ascii: ">") {
            throw .expectedHeader(path: scanner.path, line: scanner.line, marker: UInt8(ascii: ">"), found: first)
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
                                            stop: UInt8(ascii: ">"), stopOnInvalidLineStart: false)
        basesInRecord += written
        if stop != .bufferFull {
            if basesInRecord == 0 {
                throw .noSequence(path: scanner.path, record: scanner.record ?? "", line: headerLine)
            }
            state = .betweenRecords
        }
        return written
    }
}
