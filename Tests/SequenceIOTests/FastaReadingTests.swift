import XCTest
@testable import SequenceIO

/// Well-formed FASTA: layouts, letters, names, indexes, lines, skipping and block boundaries.
final class FastaReadingTests: SequenceIOTestCase {
    func testSingleLineAndWrappedRecords() throws {
        var generator = SequenceGenerator(seed: 1)
        let first = generator.sequence(250)
        let second = generator.sequence(61)
        let third = generator.sequence(7)
        let text = ">chr1 first record\n\(first)\n>chr2\n\(wrap(second, width: 60))>chr3\tdesc\n\(wrap(third, width: 3))"
        let file = try write("x.fa", text)
        let reader = try SequenceReader(path: file)
        XCTAssertEqual(reader.format, .fasta)
        XCTAssertEqual(reader.compression, .none)
        XCTAssertEqual(reader.path, file)
        XCTAssertEqual(reader.displayName, file)
        XCTAssertEqual(try readRecords(reader), [
            ReadRecord(name: "chr1", index: 0, line: 1, bases: first),
            ReadRecord(name: "chr2", index: 1, line: 3, bases: second),
            ReadRecord(name: "chr3", index: 2, line: 6, bases: third),
        ])
    }

    func testAlignmentGapsAreReadAsN() throws {
        // MSA-derived FASTA: '-' and '.' keep their columns as unscored positions (N).
        let file = try write("gaps.fa", ">aln\nAC--GT..A\n-ACGT.\n")
        XCTAssertEqual(try readAll(file), [ReadRecord(name: "aln", index: 0, line: 1, bases: "ACNNGTNNANACGTN")])
    }

    func testLettersAreValidatedUppercasedAndUBecomesT() throws {
        let file = try write("x.fa", ">m\nacgtnNNNNNrykmswbdhvRYKMSWBDHV\nuUACGT\n")
        XCTAssertEqual(try readAll(file), [
            ReadRecord(name: "m", index: 0, line: 1, bases: "ACGTNNNNNNRYKMSWBDHVRYKMSWBDHVTTACGT"),
        ])
    }

    func testCRLFBlankLinesAndBlanksInsideLines() throws {
        let text = "\r\n\n>chr1 x\r\nAC GT\tAC\r\n\r\n  \r\nGG\r\n\n>chr2\r\nTT"
        let file = try write("x.fa", text)
        XCTAssertEqual(try readAll(file), [
            ReadRecord(name: "chr1", index: 0, line: 3, bases: "ACGTACGG"),
            ReadRecord(name: "chr2", index: 1, line: 9, bases: "TT"),
        ])
    }

    func testNameIsFirstWordAfterLeadingBlanks() throws {
        let file = try write("x.fa", "> \tchrX  Homo sapiens\nA\n>chrY|ref|1\nC\n>é名\nG\n")
        XCTAssertEqual(try readAll(file).map(\.name), ["chrX", "chrY|ref|1", "é名"])
    }

    func testNextRecordSkipsUnreadAndPartlyReadRecords() throws {
        var generator = SequenceGenerator(seed: 2)
        let sequences = (0..<4).map { _ in generator.sequence(100) }
        let text = sequences.enumerated().map { ">s\($0.offset)\n\(wrap($0.element, width: 7))" }.joined()
        let file = try write("x.fa", text)
        let reader = try SequenceReader(path: file, blockSize: 16)
        XCTAssertEqual(try reader.nextRecord()?.name, "s0")
        XCTAssertEqual(try reader.nextRecord()?.name, "s1")
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 10)
        defer { buffer.deallocate() }
        XCTAssertEqual(try reader.readBases(into: buffer), 10)
        XCTAssertEqual(String(decoding: buffer, as: UTF8.self), String(sequences[1].prefix(10)))
        XCTAssertEqual(try reader.nextRecord(), SequenceRecordInfo(name: "s2", index: 2, line: 33))
        XCTAssertEqual(try readRecords(reader), [ReadRecord(name: "s3", index: 3, line: 49, bases: sequences[3])])
    }

    func testSkippedRecordsAreStillValidated() throws {
        let file = try write("x.fa", ">a\nACGT\n>b\nACXT\n>c\nA\n")
        let reader = try SequenceReader(path: file)
        XCTAssertEqual(try reader.nextRecord()?.name, "a")
        XCTAssertEqual(try reader.nextRecord()?.name, "b")
        XCTAssertThrowsError(try reader.nextRecord()) { error in
            XCTAssertEqual("\(error)", "\(file): record 'b' (line 4): invalid character 'X' (0x58) in sequence; protein FASTA?")
        }
    }

    func testEveryBlockSizeAndBufferSizeGivesTheSameRecords() throws {
        // Mixed layouts: CRLF, blank lines, blanks, lowercase, IUPAC, a record longer than the blocks.
        let text = ">r1 d\r\nACGTa\r\nc\r\n\r\n>r2\nNNNNryKM\n\n  \n>r3\n" + String(repeating: "ACGTU", count: 9)
            + "\n>r4\r\nA C\tG\n"
        let file = try write("x.fa", text)
        let expected = [
            ReadRecord(name: "r1", index: 0, line: 1, bases: "ACGTAC"),
            ReadRecord(name: "r2", index: 1, line: 5, bases: "NNNNRYKM"),
            ReadRecord(name: "r3", index: 2, line: 9, bases: String(repeating: "ACGTT", count: 9)),
            ReadRecord(name: "r4", index: 3, line: 11, bases: "ACG"),
        ]
        for blockSize in 1...(text.utf8.count + 1) {
            for bufferSize in [1, 2, 5, 64] {
                XCTAssertEqual(try readAll(file, blockSize: blockSize, bufferSize: bufferSize), expected,
                               "block \(blockSize), buffer \(bufferSize)")
            }
        }
    }

    func testEmptyBufferConsumesNothing() throws {
        let file = try write("x.fa", ">a\nACGT\n")
        let reader = try SequenceReader(path: file)
        XCTAssertEqual(try reader.readBases(into: UnsafeMutableBufferPointer(start: nil, count: 0)), 0)
        XCTAssertNotNil(try reader.nextRecord())
        let empty = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 0)
        defer { empty.deallocate() }
        XCTAssertEqual(try reader.readBases(into: empty), 0)
        XCTAssertEqual(try readRecords(reader, bufferSize: 3), [])
    }

    func testCloseIsIdempotentAndEndsReading() throws {
        let file = try write("x.fa", ">a\nACGT\n>b\nA\n")
        let reader = try SequenceReader(path: file)
        XCTAssertEqual(try reader.nextRecord()?.name, "a")
        XCTAssertEqual(reader.currentLine, 2)
        reader.close()
        reader.close()
        XCTAssertNil(try reader.nextRecord())
        XCTAssertEqual(reader.currentLine, 0)
    }
}
