import XCTest
@testable import SequenceIO

/// Malformed FASTA: every error names the file, the record and line where known, and the byte.
final class FastaErrorTests: SequenceIOTestCase {
    func testProteinLetterSaysProteinFasta() throws {
        let file = try write("x.fa", ">chr1\nACGT\n>chr2 protein\nACGT\nMKVLE\n")
        assertFails(file, "\(file): record 'chr2' (line 5): invalid character 'L' (0x4C) in sequence; protein FASTA?")
    }

    func testProteinFastaThatHtslibCallsTextIsStillParsedAsFasta() throws {
        // htslib reports this as unknown text because of its first sequence line.
        let file = try write("p.fa", ">sp|P69905|HBA_HUMAN\nMVLSPADKTNVKAAWGKVGAHAGEYGAEALERMFLSFPTTKTYFPHF\n")
        assertFails(file, "\(file): record 'sp|P69905|HBA_HUMAN' (line 2): invalid character 'L' (0x4C) in sequence; protein FASTA?")
        let stop = try write("stop.fa", ">s\nACGT*\n")
        assertFails(stop, "\(stop): record 's' (line 2): invalid character '*' (0x2A) in sequence; protein FASTA?")
    }

    func testOtherInvalidCharactersHaveNoProteinHint() throws {
        let digit = try write("digit.fa", ">d\nACGT\nAC1\n")
        assertFails(digit, "\(digit): record 'd' (line 3): invalid character '1' (0x31) in sequence")
        let midLineHeader = try write("mid.fa", ">d\nACGT>e\n")
        assertFails(midLineHeader, "\(midLineHeader): record 'd' (line 2): invalid character '>' (0x3E) in sequence")
    }

    func testNulAndNonASCIIBytes() throws {
        // A NUL near the start makes htslib call the file binary; later ones reach the parser.
        let early = try write("early.fa", Array(">n\nAC".utf8) + [0x00] + Array("GT\n".utf8))
        assertFails(early, "\(early): not FASTA, FASTQ, SAM, BAM or CRAM: a NUL byte at byte 6 (binary data, not sequence text)")
        let valid = Array((">a\n" + String(repeating: "ACGTACGTAC\n", count: 1000)).utf8)
        let nul = try write("nul.fa", valid + Array(">n\nAC".utf8) + [0x00] + Array("GT\n".utf8))
        assertFails(nul, "\(nul): record 'n' (line 1003): invalid control byte 0x00 in sequence")
        let utf8 = try write("utf8.fa", ">u\nACGT\nACÉ\n")
        assertFails(utf8, "\(utf8): record 'u' (line 3): invalid non-ASCII byte 0xC3 in sequence")
        let header = try write("hnul.fa", valid + Array(">a".utf8) + [0x00] + Array("b\nACGT\n".utf8))
        assertFails(header, "\(header): line 1002: invalid control byte 0x00 in header line")
    }

    func testBareCarriageReturns() throws {
        let mac = try write("mac.fa", ">chr1\rACGT\rACGT\r")
        assertFails(mac, "\(mac): line 1: CR line endings are not supported")
        let midSequence = try write("mid.fa", ">chr1\nACGT\nAC\rGT\n")
        assertFails(midSequence, "\(midSequence): line 3: CR line endings are not supported")
        let atEnd = try write("end.fa", ">chr1\nACGT\r")
        assertFails(atEnd, "\(atEnd): line 2: CR line endings are not supported")
    }

    func testHeaderWithoutName() throws {
        let bare = try write("bare.fa", ">chr1\nACGT\n>\nACGT\n")
        assertFails(bare, "\(bare): line 3: header has no sequence name")
        let blanks = try write("blanks.fa", ">  \r\nACGT\n")
        assertFails(blanks, "\(blanks): line 1: header has no sequence name")
    }

    func testOverlongName() throws {
        let file = try write("long.fa", ">" + String(repeating: "n", count: 65_537) + "\nACGT\n")
        assertFails(file, "\(file): line 1: sequence name is longer than 65536 bytes")
    }

    func testHeaderWithoutSequence() throws {
        let beforeHeader = try write("a.fa", ">chr1\nACGT\n>chr2 empty\n>chr3\nA\n")
        assertFails(beforeHeader, "\(beforeHeader): record 'chr2' (line 3): header is not followed by any sequence")
        let atEnd = try write("b.fa", ">chr1\nACGT\n\n>chr2")
        assertFails(atEnd, "\(atEnd): record 'chr2' (line 4): header is not followed by any sequence")
        let onlyBlankLines = try write("c.fa", ">chr1\n\n  \r\n\n>chr2\nA\n")
        assertFails(onlyBlankLines, "\(onlyBlankLines): record 'chr1' (line 1): header is not followed by any sequence")
    }

    func testDataBeforeFirstHeader() throws {
        let file = try write("x.fa", "\nACGT\n>chr1\nACGT\n")
        assertFails(file, "\(file): line 2: expected a header line starting with '>', found character 'A' (0x41)")
    }

    func testAnErrorIsStickyAndReadingDoesNotResume() throws {
        // The parser has moved past the bare CR when it throws; without the sticky error a second
        // call would go on returning "GT".
        let file = try write("x.fa", ">a\nAC\rGT\n>b\nACGT\n")
        let reader = try SequenceReader(path: file)
        XCTAssertEqual(try reader.nextRecord()?.name, "a")
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 64)
        defer { buffer.deallocate() }
        let expected = "\(file): line 2: CR line endings are not supported"
        XCTAssertThrowsError(try reader.readBases(into: buffer)) { XCTAssertEqual("\($0)", expected) }
        XCTAssertThrowsError(try reader.readBases(into: buffer)) { XCTAssertEqual("\($0)", expected) }
        XCTAssertThrowsError(try reader.nextRecord()) { XCTAssertEqual("\($0)", expected) }
    }

    func testErrorsAreTheSameAtEveryBlockSize() throws {
        let cases: [(String, String)] = [
            (">a\nACGT\r\nAC\rGT\n", "line 3: CR line endings are not supported"),
            (">a\nACGT\r\n>b\r\nGGE\n", "record 'b' (line 4): invalid character 'E' (0x45) in sequence; protein FASTA?"),
            (">a\nAC\n>b\r\n\r\n", "record 'b' (line 3): header is not followed by any sequence"),
            (">a\nAC\n>  \t\r\nA\n", "line 3: header has no sequence name"),
        ]
        for (index, (text, message)) in cases.enumerated() {
            let file = try write("case\(index).fa", text)
            for blockSize in 1...(text.utf8.count + 1) {
                assertFails(file, "\(file): \(message)", blockSize: blockSize, bufferSize: 2)
            }
        }
    }
}
