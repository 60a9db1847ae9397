/// Streaming SAM text parser reading QNAME (column 1), FLAG (2), SEQ (10) and QUAL (11) of each line,
/// and checking the columns between (see `SamFieldCheck`).
///
/// Header lines (`@..`) and blank lines are skipped; every other line must have at least 11
/// tab-separated fields. Secondary (0x100) and supplementary (0x800) alignments are skipped; a read
/// with flag 0x10 is reverse-complemented back to its original orientation, as `samtools fastq` does.
/// `SEQ` `*` gives a record with 0 bases. SEQ bytes must be IUPAC letters (either case, `U` as `T`);
/// `=` is an error. QUAL must be `*` or as long as SEQ.
///
/// Memory is bounded whatever a read's length: columns 1-9 are read into a buffer of at most
/// `headLimit` bytes, a forward read's SEQ streams from the input block by block, QUAL is only counted;
/// a reverse read's SEQ is held packed, half a byte per base, until served. htslib's SAM reader is not
/// used for records: it maps unknown letters (and `U`) to `N` silently.
final class SamTextParser: RecordParser {
    /// Most bytes of columns 1-9 of one line (a CIGAR of a long read can be long).
    static let headLimit = 16 << 20
    private let scanner: TextScanner
    private var head: [UInt8] = []
    private var nextIndex = 0
    private var recordLine = 0
    private var finished = false
    /// The current record: its name, whether SEQ is still being read, bases read so far, whether SEQ
    /// was `*`, the CIGAR's query length (nil: `*`), and a reverse read's packed bases.
    private var name = ""
    private var inSequence = false
    private var basesRead = 0
    private var starSequence = false
    private var cigarQuery: Int?
    private var cigarRange = 0..<0
    private var reverse = false
    private var packed = PackedBases()
    /// Letters in transit while a reverse read is packed or an unread forward read is drained.
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)
    private var served = 0

    /// Parses the text of `scanner`, which must be positioned at the start of a line.
    init(scanner: TextScanner) {
        self.scanner = scanner
    }

    var currentLine: Int { recordLine }

    func nextRecord() throws(SequenceIOError) -> SequenceRecordInfo? {
        if inSequence { try drainSequence() }
        packed.removeAll()
        reverse = false
        served = 0
        scanner.record = nil
        while !finished {
            recordLine = scanner.line
            guard try readHead() else {
                finished = true
                break
            }
            if let info = try startRecord() { return info }
        }
        recordLine = scanner.line
        return nil
    }

    func readBases(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(SequenceIOError) -> Int {
        guard let output = buffer.baseAddress, buffer.count > 0 else { return 0 }
        if reverse {
            let count = min(buffer.count, basesRead - served)
            if count <= 0 { return 0 }
            packed.reverseComplement(endingAt: basesRead - served, count: count, into: output)
            served += count
            return count
        }
        guard inSequence else { return 0 }
        let count = try scanSequence(into: output, capacity: buffer.count)
        if count == 0 { try finishLine() }
        return count
    }

    // MARK: - Lines

    /// Reads columns 1-9 of the next line into `head` (tabs included) and consumes the tab after them, or
    /// the whole line when it ends sooner. False at the end of input.
    private func readHead() throws(SequenceIOError) -> Bool {
        head.removeAll(keepingCapacity: true)
        var tabs = 0
        var sawAny = false
        while try scanner.ensureBytes() {
            sawAny = true
            let reader = scanner.reader
            let bytes = reader.bytes
            var position = reader.position
            let start = position
            while position < reader.end {
                let byte = bytes[position]
                if byte == 0x0A || byte == 0x0D { break }
                position += 1
                if byte == 0x09 {
                    tabs += 1
                    if tabs == 9 { break }
                }
            }
            head.append(contentsOf: UnsafeBufferPointer(start: bytes + start, count: position - start))
            if head.count > Self.headLimit {
                throw .malformedSAM(path: scanner.path, line: recordLine,
                                    reason: "columns 1-9 are longer than \(Self.headLimit) bytes")
            }
            reader.position = position
            if tabs == 9 { return true }
            if position == reader.end { continue }
            if bytes[position] == 0x0D { try scanner.consumeCarriageReturn(); continue }
            scanner.consumeNewline()
            return true
        }
        return sawAny
    }

    /// Parses `head` (line `recordLine`); returns the record, or nil for a skipped line (consumed).
    private func startRecord() throws(SequenceIOError) -> SequenceRecordInfo? {
        let path = scanner.path
        let line = recordLine
        let blankOnly = head.allSatisfy { $0 == 0x20 || $0 == 0x09 }
        if head.first == UInt8(ascii: "@") || (blankOnly && head.count(where: { $0 == 0x09 }) < 9) {
            if head.count(where: { $0 == 0x09 }) == 9 { try scanner.skipRestOfLine() }
            return nil
        }
        var fields: [Range<Int>] = []
        var start = 0
        for (offset, byte) in head.enumerated() where byte == 0x09 {
            fields.append(start..<offset)
            start = offset + 1
        }
        fields.append(start..<head.count)
        if fields.count < 10 {
            throw .malformedSAM(path: path, line: line, reason: "\(fields.count) fields, expected at least 11")
        }
        fields.removeLast()   // the empty range after the ninth tab: SEQ follows in the input
        let nameBytes = head[fields[0]]
        if nameBytes.isEmpty { throw .malformedSAM(path: path, line: line, reason: "empty QNAME") }
        let flagBytes = head[fields[1]]
        var flag = 0
        for byte in flagBytes {
            guard byte >= 0x30 && byte <= 0x39, flag <= 0xFFFF else { flag = -1; break }
            flag = flag * 10 + Int(byte - 0x30)
        }
        if flagBytes.isEmpty || flag < 0 || flag > 0xFFFF {
            throw .malformedSAM(path: path, line: line,
                                reason: "FLAG '\(String(decoding: flagBytes.prefix(40), as: UTF8.self))' is not a number in 0...65535")
        }
        name = String(decoding: nameBytes, as: UTF8.self)
        try SamFieldCheck.checkNumbers(head, fields: fields, record: name, path: path, line: line)
        cigarRange = fields[5]
        cigarQuery = try SamFieldCheck.checkCigar(head[cigarRange], bases: nil, record: name, path: path, line: line)
        if flag & 0x900 != 0 {
            try scanner.skipRestOfLine()
            return nil
        }
        scanner.record = name
        basesRead = 0
        inSequence = true
        starSequence = false
        if try scanner.peek() == UInt8(ascii: "*") {
            scanner.reader.position += 1
            let next = try scanner.peek()
            guard next == 0x09 || next == nil || next == 0x0A || next == 0x0D else {
                throw .invalidCharacter(path: path, record: name, line: line, byte: UInt8(ascii: "*"), format: .sam)
            }
            starSequence = true
        }
        reverse = flag & 0x10 != 0
        if reverse { try readPacked() }
        defer { nextIndex += 1 }
        return SequenceRecordInfo(name: name, index: nextIndex, line: line)
    }

    /// Copies SEQ letters into `output` until it is full or SEQ ends (returns 0 only then, with the tab
    /// after SEQ consumed).
    private func scanSequence(into output: UnsafeMutablePointer<UInt8>, capacity: Int) throws(SequenceIOError) -> Int {
        if starSequence { return try endSequence(at: 0) }
        let table = NucleotideTable.classOf
        var count = 0
        while count < capacity {
            guard try scanner.ensureBytes() else { return try endSequence(at: count) }
            let reader = scanner.reader
            let bytes = reader.bytes
            var position = reader.position
            while position < reader.end && count < capacity {
                let letter = table[Int(bytes[position])]
                if letter < 0x41 { break }
                output[count] = letter
                count += 1
                position += 1
            }
            reader.position = position
            if count == capacity || position == reader.end { continue }
            let byte = bytes[position]
            if byte == 0x09 || byte == 0x0A || byte == 0x0D { return try endSequence(at: count) }
            if byte == UInt8(ascii: "=") { throw .referenceBase(path: scanner.path, record: name, line: recordLine) }
            throw .invalidCharacter(path: scanner.path, record: name, line: recordLine, byte: byte, format: .sam)
        }
        basesRead += count
        return count
    }

    /// SEQ has ended after `count` more bases: returns them, or 0 (and marks SEQ done) when none.
    private func endSequence(at count: Int) throws(SequenceIOError) -> Int {
        basesRead += count
        if count > 0 { return count }
        inSequence = false
        return 0
    }

    /// Reads all of a reverse read's SEQ into `packed` (4-bit codes), then checks the rest of the line.
    private func readPacked() throws(SequenceIOError) {
        while true {
            var failure: SequenceIOError?
            let n = chunk.withUnsafeMutableBufferPointer { buffer in
                do throws(SequenceIOError) { return try scanSequence(into: buffer.baseAddress!, capacity: buffer.count) }
                catch { failure = error; return 0 }
            }
            if let failure { throw failure }
            if n == 0 { break }
            chunk.withUnsafeBufferPointer { packed.append(letters: UnsafeBufferPointer(rebasing: $0[0..<n])) }
        }
        try finishLine()
    }

    /// After SEQ: counts QUAL against SEQ, checks the CIGAR's query length, consumes the rest of the line.
    private func finishLine() throws(SequenceIOError) {
        let path = scanner.path
        guard try scanner.peek() == 0x09 else {
            throw .malformedSAM(path: path, line: recordLine, reason: "10 fields, expected at least 11")
        }
        scanner.reader.position += 1
        var qualities = 0
        var star = false
        var first = true
        while try scanner.ensureBytes() {
            let reader = scanner.reader
            let bytes = reader.bytes
            var position = reader.position
            while position < reader.end, bytes[position] != 0x09, bytes[position] != 0x0A, bytes[position] != 0x0D {
                if first { star = bytes[position] == UInt8(ascii: "*") }
                first = false
                position += 1
                qualities += 1
            }
            reader.position = position
            if position < reader.end { break }
        }
        if !(star && qualities == 1) && qualities != basesRead {
            throw .qualityLength(path: path, record: name, line: recordLine, bases: basesRead, qualities: qualities)
        }
        if let cigarQuery, !starSequence, cigarQuery != basesRead {
            let cigar = String(decoding: head[cigarRange].prefix(40), as: UTF8.self)
            throw .malformedSAM(path: path, line: recordLine, reason: "read '\(name)': CIGAR '\(cigar)' covers "
                + "\(cigarQuery) query bases, but SEQ has \(basesRead)")
        }
        try scanner.skipRestOfLine()
    }

    /// Reads and checks what is left of a forward read that was not served to its end.
    private func drainSequence() throws(SequenceIOError) {
        while inSequence {
            var failure: SequenceIOError?
            _ = chunk.withUnsafeMutableBufferPointer { buffer in
                do throws(SequenceIOError) { return try readBases(into: buffer) } catch { failure = error; return 0 }
            }
            if let failure { throw failure }
        }
    }
}
