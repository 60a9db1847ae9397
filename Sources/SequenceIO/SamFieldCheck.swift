import GenomeCore

/// The SAM columns codingscan does not use but must not accept when malformed, as htslib refuses them in
/// BAM: POS, MAPQ, PNEXT and TLEN must be numbers in their ranges, and CIGAR must be `*` or operations
/// whose query length (M, I, S, =, X) equals the length of SEQ (unless SEQ is `*`).
enum SamFieldCheck {
    /// Checks POS (column 4, 0...2^31-1), MAPQ (5, 0...255), PNEXT (8, 0...2^31-1), TLEN (9, ±2^31-1).
    static func checkNumbers(_ line: [UInt8], fields: [Range<Int>], record: String, path: String,
                             line number: Int) throws(SequenceIOError) {
        let limit = Int(Int32.max)
        for (column, name, range) in [(3, "POS", 0...limit), (4, "MAPQ", 0...255), (7, "PNEXT", 0...limit),
                                      (8, "TLEN", -limit...limit)] {
            let bytes = line[fields[column]]
            guard let value = integer(bytes), range.contains(value) else {
                throw .malformedSAM(path: path, line: number, reason: "read '\(printable(record))': \(name) '\(printable(bytes))' is not a number "
                    + "in \(range.lowerBound)...\(range.upperBound)")
            }
        }
    }

    /// Checks CIGAR syntax and that its query length equals `bases` (nil: not compared); returns the
    /// query length, nil for a CIGAR `*`.
    @discardableResult
    static func checkCigar(_ cigar: ArraySlice<UInt8>, bases: Int?, record: String, path: String,
                           line number: Int) throws(SequenceIOError) -> Int? {
        if cigar.count == 1 && cigar.first == UInt8(ascii: "*") { return nil }
        func fail(_ reason: String) -> SequenceIOError {
            .malformedSAM(path: path, line: number, reason: "read '\(printable(record))': CIGAR '\(printable(cigar))' \(reason)")
        }
        var length = 0
        var query = 0
        var digits = 0
        for byte in cigar {
            if byte >= 0x30 && byte <= 0x39 {
                guard length <= Int(Int32.max) else { throw fail("has an operation longer than 2^31") }
                length = length * 10 + Int(byte - 0x30)
                digits += 1
                continue
            }
            guard digits > 0 else { throw fail("is not a list of LENGTH+OPERATION (MIDNSHP=X)") }
            switch byte {
            case UInt8(ascii: "M"), UInt8(ascii: "I"), UInt8(ascii: "S"), UInt8(ascii: "="), UInt8(ascii: "X"):
                query += length
            case UInt8(ascii: "D"), UInt8(ascii: "N"), UInt8(ascii: "H"), UInt8(ascii: "P"):
                break
            default:
                throw fail("is not a list of LENGTH+OPERATION (MIDNSHP=X)")
            }
            length = 0
            digits = 0
        }
        if digits > 0 || cigar.isEmpty { throw fail("is not a list of LENGTH+OPERATION (MIDNSHP=X)") }
        if let bases, query != bases {
            throw fail("covers \(query) query bases, but SEQ has \(bases)")
        }
        return query
    }

    /// A decimal integer with an optional sign (at most 18 digits), or nil.
    private static func integer(_ bytes: ArraySlice<UInt8>) -> Int? {
        DecimalDigits.parseSigned(bytes)
    }

    /// The first 40 bytes as text, control characters escaped, for a message.
    private static func printable(_ bytes: ArraySlice<UInt8>) -> String {
        printable(String(decoding: bytes.prefix(40), as: UTF8.self))
    }

    private static func printable(_ text: String) -> String { SequenceIOError.printable(text) }
}
