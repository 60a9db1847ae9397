import XCTest
@testable import SequenceIO

/// FASTQ layouts and errors. htslib's FASTQ reader rejects quality-length mismatches and missing `+`
/// lines (sam_read1 returns -2) but silently maps bad letters and `U` to `N`, hence our own parser.
final class FastqTests: SequenceIOTestCase {
    func testWrappedCRLFAndQualityLinesStartingWithAt() throws {
        let text = "@r1 desc\r\nACG\r\nTN\r\n+r1 desc\r\n@II\r\nII\r\n\n@r2\nuu\n+\n@@\n"
        let file = try write("x.fq", text)
        let expected = [
            ReadRecord(name: "r1", index: 0, line: 1, bases: "ACGTN"),
            ReadRecord(name: "r2", index: 1, line: 8, bases: "TT"),
        ]
        for blockSize in 1...(text.utf8.count + 1) {
            XCTAssertEqual(try readAll(file, blockSize: blockSize, bufferSize: 2), expected, "block \(blockSize)")
        }
    }

    func testQualityShorterThanSequence() throws {
        let file = try write("x.fq", "@r1\nACGTN\n+\nIIII\n@r2\nGG\n+\nII\n")
        assertFails(file, "\(file): record 'r1' (line 4): quality string has 4 characters but the sequence has 5 bases")
        let atEnd = try write("end.fq", "@r1\nACGTN\n+\nIIII\n")
        assertFails(atEnd, "\(atEnd): record 'r1' (line 4): quality string has 4 characters but the sequence has 5 bases")
        let noQuality = try write("noq.fq", "@r1\nACGTN\n+\n")
        assertFails(noQuality, "\(noQuality): record 'r1' (line 4): quality string has 0 characters but the sequence has 5 bases")
    }

    func testQualityLongerThanSequence() throws {
        let file = try write("x.fq", "@r1\nACGTN\n+\nIIIIII\n@r2\nGG\n+\nII\n")
        assertFails(file, "\(file): record 'r1' (line 4): quality string has 6 characters but the sequence has 5 bases")
        let empty = try write("e.fq", "@r1\n\n+\nI\n")
        assertFails(empty, "\(empty): record 'r1' (line 4): quality string has 1 characters but the sequence has 0 bases")
    }

    func testMissingPlusLine() throws {
        let quality = try write("q.fq", "@r1\nACGTN\nIIIII\n@r2\nGG\n+\nII\n")
        assertFails(quality, "\(quality): record 'r1' (line 3): sequence is not followed by a '+' line (truncated or malformed FASTQ)")
        let nextHeader = try write("h.fq", "@r1\nACGTN\n+\nIIIII\n@r2\nGG\n@r3\nA\n+\nI\n")
        assertFails(nextHeader, "\(nextHeader): record 'r2' (line 7): sequence is not followed by a '+' line (truncated or malformed FASTQ)")
        let atEnd = try write("e.fq", "@r1\nACGTN\n+\nIIIII\n@r2\nGG\n")
        assertFails(atEnd, "\(atEnd): record 'r2' (line 7): sequence is not followed by a '+' line (truncated or malformed FASTQ)")
    }

    func testInvalidSequenceCharacters() throws {
        let first = try write("a.fq", "@r1\nACGTE\n+\nIIIII\n")
        assertFails(first, "\(first): record 'r1' (line 2): invalid character 'E' (0x45) in sequence")
        let later = try write("b.fq", "@r1\nACGT\n+\nIIII\n@r2\nGA=T\n+\nIIII\n")
        assertFails(later, "\(later): record 'r2' (line 6): invalid character '=' (0x3D) in sequence")
        let lineStart = try write("c.fq", "@r1\nXCGT\n+\nIIII\n")
        assertFails(lineStart, "\(lineStart): record 'r1' (line 2): invalid character 'X' (0x58) in sequence")
    }

    func testInvalidQualityCharacter() throws {
        let file = try write("x.fq", "@r1\nACGT\n+\nII I\n")
        assertFails(file, "\(file): record 'r1' (line 4): invalid character ' ' (0x20) in quality string")
    }

    func testStrayLineBetweenRecordsAndHeaderErrors() throws {
        let stray = try write("s.fq", "@r1\nACGT\n+\nIIII\nextra\n@r2\nA\n+\nI\n")
        assertFails(stray, "\(stray): line 5: expected a header line starting with '@', found character 'e' (0x65)")
        let noName = try write("n.fq", "@r1\nA\n+\nI\n@ \nA\n+\nI\n")
        assertFails(noName, "\(noName): line 5: header has no sequence name")
        let mac = try write("m.fq", "@r1\rA\r+\rI\r")
        assertFails(mac, "\(mac): line 1: CR line endings are not supported")
    }

    func testGzippedFastqTruncated() throws {
        var generator = SequenceGenerator(seed: 5)
        let text = (0..<2000).map { index -> String in
            let bases = generator.sequence(100)
            return "@q\(index)\n\(bases)\n+\n\(String(repeating: "F", count: 100))\n"
        }.joined()
        let plain = try write("x.fq", text)
        try run("gzip", ["-n", "-k", plain])
        let gz = plain + ".gz"
        let cut = try truncatedCopy(of: gz, to: "cut.fq.gz", keeping: try size(gz) * 3 / 4)
        guard case let .truncated(_, record, line)? = failure(of: cut) else { return XCTFail("not a truncation") }
        XCTAssertGreaterThan(line, 4000)
        // Record qN starts on line 4N+1; between records (reading a header) no record is named.
        if let record {
            XCTAssertEqual(record, "q\((line - 1) / 4)")
        } else {
            XCTAssertEqual((line - 1) % 4, 0)
        }
    }
}
