import XCTest
@testable import Annotation
import SeededRandom

final class AnnotationErrorTests: XCTestCase {
    /// Asserts that reading `text` (written as `name`) throws exactly `message`, with `PATH`
    /// standing for the file's path.
    private func assertMessage(_ text: String, _ message: String, name: String = "x.gff3",
                               format: AnnotationFormat? = nil, file: StaticString = #filePath, line: UInt = #line) throws {
        let files = try TemporaryFiles()
        let path = try files.plain(name, text)
        assertThrows(path, message.replacingOccurrences(of: "PATH", with: path), format: format, file: file, line: line)
    }

    private func assertThrows(_ path: String, _ message: String, format: AnnotationFormat? = nil,
                              file: StaticString = #filePath, line: UInt = #line) {
        do {
            let set = try AnnotationReader.read(path: path, format: format)
            XCTFail("expected an error, read \(set.cdsCount) CDS", file: file, line: line)
        } catch {
            XCTAssertEqual(error.description, message, file: file, line: line)
            XCTAssertFalse(error.description.contains("\n"), file: file, line: line)
        }
    }

    func testTooFewColumns() throws {
        try assertMessage("##gff-version 3\nc\tsrc\tCDS\t1\t9\n",
                          "PATH: line 2: GFF3 line needs 9 tab-separated columns, found 5 columns")
        try assertMessage("c\t1\t9\tname\nc\t5\n", "PATH: line 2: BED line needs 3 tab-separated columns, found 2 columns",
                          name: "x.bed")
        try assertMessage("c\ts\tCDS\t1\t9\t.\t+\t0\tgene_id \"g\";\nc\ts\tgene\t1\t9\n",
                          "PATH: line 2: GTF line needs 9 tab-separated columns, found 5 columns")
    }

    func testNonNumericCoordinates() throws {
        try assertMessage("##gff-version 3\nc\tsrc\tCDS\tone\t9\t.\t+\t0\tID=a\n",
                          "PATH: line 2: start is not a non-negative integer: 'one'")
        try assertMessage("##gff-version 3\nc\tsrc\tCDS\t1\t9e3\t.\t+\t0\tID=a\n",
                          "PATH: line 2: end is not a non-negative integer: '9e3'")
        try assertMessage("##gff-version 3\nc\tsrc\tCDS\t-5\t9\t.\t+\t0\tID=a\n",
                          "PATH: line 2: start is not a non-negative integer: '-5'")
        try assertMessage("##gff-version 3\nc\tsrc\tCDS\t1\t99999999999999999999\t.\t+\t0\tID=a\n",
                          "PATH: line 2: end is not a non-negative integer: '99999999999999999999'")
        try assertMessage("c\t\t9\tn\t0\t+\n", "PATH: line 1: start is not a non-negative integer: ''",
                          name: "x.bed", format: .bed)
    }

    func testStartAfterEndAndBelowOne() throws {
        try assertMessage("##gff-version 3\nc\tsrc\tCDS\t10\t9\t.\t+\t0\tID=a\n",
                          "PATH: line 2: start 10 is greater than end 9")
        try assertMessage("##gff-version 3\nc\tsrc\tCDS\t0\t9\t.\t+\t0\tID=a\n",
                          "PATH: line 2: start 0 is below 1 (GFF3/GTF coordinates are 1-based)")
        try assertMessage("c\t10\t9\tn\t0\t+\n", "PATH: line 1: start 10 is greater than end 9", name: "x.bed")
    }

    func testUnknownStrand() throws {
        for strand in [".", "?", "x", ""] {
            try assertMessage("##gff-version 3\nc\tsrc\tCDS\t1\t9\t.\t\(strand)\t0\tID=a\n",
                              "PATH: line 2: CDS strand must be '+' or '-', found '\(strand)'")
        }
        try assertMessage("c\t0\t9\tn\t0\t.\n", "PATH: line 1: CDS strand must be '+' or '-', found '.'", name: "x.bed")
        // C1 controls (NEL) and Unicode line separators are masked too: the message stays one line.
        try assertMessage("c\t0\t9\tn\t0\t\u{85}\u{2028}+\n",
                          "PATH: line 1: CDS strand must be '+' or '-', found '??+'", name: "x.bed")
    }

    func testBED12Inconsistencies() throws {
        try assertMessage("c\t0\t100\tn\t0\t+\t0\t100\t0\t2\t10,\t0,50,\n",
                          "PATH: line 1: blockCount 2 does not match 1 blockSizes and 2 blockStarts", name: "x.bed")
        try assertMessage("c\t0\t100\tn\t0\t+\t0\t100\t0\t1\t200\t0\n",
                          "PATH: line 1: block 1 ends at 200, past chromEnd 100", name: "x.bed")
        try assertMessage("c\t0\t100\tn\t0\t+\t0\t100\t0\t1\t2a\t0\n",
                          "PATH: line 1: blockSizes is not a non-negative integer: '2a'", name: "x.bed")
    }

    func testUnrecognizedFormatAndControlCharacters() throws {
        try assertMessage("# header\n>seq1\nACGT\n", "PATH: line 2: unrecognized annotation format; "
                          + "expected GFF3, GTF or BED (6+ columns, with strand)")
        try assertMessage("##gff-version 3\nc\tsrc\tCDS\t1\t9\t.\t\u{1}\t0\tID=a\n",
                          "PATH: line 2: CDS strand must be '+' or '-', found '?'")
        let long = String(repeating: "z", count: 100)
        try assertMessage("##gff-version 3\nc\tsrc\tCDS\t\(long)\t9\t.\t+\t0\tID=a\n",
                          "PATH: line 2: start is not a non-negative integer: '\(String(repeating: "z", count: 40))...'")
    }

    func testEmptySeqid() throws {
        try assertMessage("##gff-version 3\n\tsrc\tCDS\t1\t9\t.\t+\t0\tID=a\n", "PATH: line 2: empty seqid (column 1)")
    }

    func testFileLevelErrors() throws {
        let files = try TemporaryFiles()
        let missing = files.directory.appendingPathComponent("missing.gff3").path
        assertThrows(missing, "\(missing): cannot open: No such file or directory")
        assertThrows(files.directory.path, "\(files.directory.path): is a directory, not an annotation file")
        let empty = try files.plain("empty.gff3", "")
        assertThrows(empty, "\(empty): input is empty")
        let blank = try files.plain("blank.gff3", "\n  \n\t\n")
        assertThrows(blank, "\(blank): input is empty")
        let emptyGzip = try files.compressed("empty.gff3.gz", "")
        assertThrows(emptyGzip, "\(emptyGzip): input is empty")
    }

    func testTruncatedGzip() throws {
        var text = "##gff-version 3\n"
        for index in 0..<5000 {
            text += "chr\tsrc\tCDS\t\(index + 1)\t\(index + 100)\t.\t+\t0\tID=cds\(index);product=x\(index * 7919)\n"
        }
        let files = try TemporaryFiles()
        let whole = try files.contents(try files.compressed("whole.gz", text, mode: "wg"))
        let cut = try files.bytes("cut.gff3.gz", Array(whole.prefix(whole.count / 2)))
        XCTAssertThrowsError(try AnnotationReader.read(path: cut)) { error in
            XCTAssertTrue("\(error)".hasPrefix("\(cut): line "), "\(error)")
            XCTAssertTrue("\(error)".hasSuffix(": truncated or corrupt compressed input"), "\(error)")
        }
        // BGZF without its 28-byte end-of-file block.
        let blocked = try files.contents(try files.compressed("whole.bgz", text, mode: "w"))
        let noEOF = try files.bytes("noeof.gff3.gz", Array(blocked.dropLast(28)))
        XCTAssertThrowsError(try AnnotationReader.read(path: noEOF)) { error in
            XCTAssertEqual("\(error)", "\(noEOF): line 5002: truncated or corrupt compressed input")
        }
    }

    func testArbitraryBytesNeverCrash() throws {
        let files = try TemporaryFiles()
        var generator = SeededGenerator(state: 8)
        let seed = "##gff-version 3\nc\tsrc\tCDS\t1\t9\t.\t+\t0\tID=a\nc\t0\t5\tn\t0\t-\n"
        for round in 0..<300 {
            var bytes: [UInt8]
            if round % 2 == 0 {
                bytes = (0..<Int.random(in: 0...400, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            } else {
                bytes = Array(seed.utf8)
                for _ in 0..<Int.random(in: 1...6, using: &generator) {
                    let index = Int.random(in: 0..<bytes.count, using: &generator)
                    bytes[index] = [0x09, 0x0A, 0x0D, 0x25, 0x30, 0x2D, 0x23, 0x00, 0xFF, 0x1F, 0x8B].randomElement(using: &generator)!
                }
            }
            if round % 3 == 0 { bytes = [0x1F, 0x8B] + bytes }
            let path = try files.bytes("fuzz\(round)", bytes)
            for format in [nil, AnnotationFormat.gff3, .gtf, .bed] {
                do {
                    _ = try AnnotationReader.read(path: path, format: format)
                } catch {
                    XCTAssertFalse(error.description.contains("\n"))
                    XCTAssertTrue(error.description.hasPrefix(path + ": "))
                }
            }
        }
    }
}
