/// SAM text parser reading QNAME (column 1), FLAG (2), SEQ (10) and QUAL (11) of each alignment line.
///
/// Header lines (`@..`) and blank lines are skipped; every other line must have at least 11
/// tab-separated fields. Secondary (0x100) and supplementary (0x800) alignments are skipped; a read
/// with flag 0x10 is reverse-complemented back to its original orientation, as `samtools fastq` does.
/// `SEQ` `*` gives a record with 0 bases. SEQ bytes must be IUPAC letters (either case, `U` as `T`);
/// `=` is an error. QUAL must be `*` or as long as SEQ.
///
/// htslib's SAM reader is not used for records: it maps unknown letters (and `U`) to `N` silently.
/// A record's sequence is held in memory (it must be, to reverse-complement it).
final class SamTextParser: RecordParser {
    private let scanner: TextScanner
    private var lineBytes: [UInt8] = []
    private var bases: [UInt8] = []
    private var served = 0
    private var nextIndex = 0
    private var recordLine = 0
    private var finished = false

    /// Parses the text of `scanner`, which must be positioned at the start of a line.
    init(scanner: TextScanner) {
        self.scanner = scanner
    }

    var currentLine: Int { recordLine }

    func nextRecord() throws(SequenceIOError) -> SequenceRecordInfo? {
        bases.removeAll(keepingCapacity: true)
        served = 0
        scanner.record = nil
        while !finished {
            recordLine = scanner.line
            guard try scanner.readLine(into: &lineBytes) else {
                finished = true
                break
            }
            if let info = try parseLine() { return info }
        }
        recordLine = scanner.line
        return nil
    }

    func readBases(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(SequenceIOError) -> Int {
        guard let output = buffer.baseAddress else { return 0 }
        let count = min(buffer.count, bases.count - served)
        if count <= 0 { return 0 }
        bases.withUnsafeBufferPointer { source in
            output.update(from: source.baseAddress! + served, count: count)
        }
        served += count
        return count
    }

    /// Parses `lineBytes` (line `recordLine`); returns the record, or nil for a skipped line.
    private func parseLine() throws(SequenceIOError) -> SequenceRecordInfo? {
        let path = scanner.path
        let line = recordLine
        if lineBytes.isEmpty || lineBytes[0] == UInt8(ascii: "@") { return nil }
        if lineBytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return nil }
        var fields: [Range<Int>] = []
        fields.reserveCapacity(11)
        var start = 0
        for (offset, byte) in lineBytes.enumerated() where byte == 0x09 {
            fields.append(start..<offset)
            start = offset + 1
            if fields.count == 11 { break }
        }
        if fields.count < 11 { fields.append(start..<lineBytes.count) }
        if fields.count < 11 {
            throw .malformedSAM(path: path, line: line, reason: "\(fields.count) fields, expected at least 11")
        }
        let nameBytes = lineBytes[fields[0]]
        if nameBytes.isEmpty {
            throw .malformedSAM(path: path, line: line, reason: "empty QNAME")
        }
        let flagBytes = lineBytes[fields[1]]
        var flag = 0
        for byte in flagBytes {
            guard byte >= 0x30 && byte <= 0x39, flag <= 0xFFFF else { flag = -1; break }
            flag = flag * 10 + Int(byte - 0x30)
        }
        if flagBytes.isEmpty || flag < 0 || flag > 0xFFFF {
            throw .malformedSAM(path: path, line: line,
                                reason: "FLAG '\(String(decoding: flagBytes.prefix(40), as: UTF8.self))' is not a number in 0...65535")
        }
        let name = String(decoding: nameBytes, as: UTF8.self)
        try SamFieldCheck.checkNumbers(lineBytes, fields: fields, record: name, path: path, line: line)
        if flag & 0x900 != 0 { return nil }
        scanner.record = name
        let sequence = lineBytes[fields[9]]
        let quality = lineBytes[fields[10]]
        if !(sequence.count == 1 && sequence.first == UInt8(ascii: "*")) {
            let table = NucleotideTable.classOf
            for byte in sequence {
                let letter = table[Int(byte)]
                if letter >= 0x41 {
                    bases.append(letter)
                } else if byte == UInt8(ascii: "=") {
                    throw .referenceBase(path: path, record: name, line: line)
                } else {
                    throw .invalidCharacter(path: path, record: name, line: line, byte: byte, format: .sam)
                }
            }
        }
        try SamFieldCheck.checkCigar(lineBytes[fields[5]], bases: sequence.count == 1 && sequence.first == UInt8(ascii: "*")
                                     ? nil : bases.count, record: name, path: path, line: line)
        if !(quality.count == 1 && quality.first == UInt8(ascii: "*")) && quality.count != bases.count {
            throw .qualityLength(path: path, record: name, line: line, bases: bases.count, qualities: quality.count)
        }
        if flag & 0x10 != 0 {
            bases.withUnsafeMutableBufferPointer { buffer in
                if let base = buffer.baseAddress { NucleotideTable.reverseComplement(base, count: buffer.count) }
            }
        }
        defer { nextIndex += 1 }
        return SequenceRecordInfo(name: name, index: nextIndex, line: line)
    }
}
