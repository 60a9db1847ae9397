import Foundation
@testable import SequenceIO
import XCTest

/// The streaming SAM parser: long reads through small blocks and buffers, reverse reads restored,
/// partly read records skipped and still checked.
final class SamStreamTests: SequenceIOTestCase {
    func testLongReadsThroughSmallBlocks() throws {
        var generator = SequenceGenerator(seed: 11)
        let long = generator.sequence(100_001)
        let complement: [Character: Character] = ["A": "T", "C": "G", "G": "C", "T": "A"]
        let reverse = String(long.reversed().map { complement[$0]! })
        let text = "@HD\tVN:1.6\n"
            + "fwd\t4\t*\t0\t0\t*\t*\t0\t0\t\(long.lowercased())\t\(String(repeating: "I", count: long.count))\tXA:Z:x\n"
            + "rev\t16\tc\t5\t60\t100001M\t*\t0\t0\t\(reverse)\t*\n"
            + "star\t4\t*\t0\t0\t*\t*\t0\t0\t*\t*\n"
            + "last\t4\t*\t0\t0\t*\t*\t0\t0\tACGU\tIIII"
        let file = try write("long.sam", text)
        for (blockSize, bufferSize) in [(7, 1), (64, 4096), (1 << 20, 1000), (1 << 20, 1 << 20)] {
            let records = try readAll(file, blockSize: blockSize, bufferSize: bufferSize)
            XCTAssertEqual(records.map(\.name), ["fwd", "rev", "star", "last"], "block \(blockSize)")
            XCTAssertEqual(records[0].bases, long)
            XCTAssertEqual(records[1].bases, long, "reverse read restored to its original orientation")
            XCTAssertEqual(records[2].bases, "")
            XCTAssertEqual(records[3].bases, "ACGT")
        }
    }

    func testUnreadRestOfARecordIsStillChecked() throws {
        let file = try write("bad-qual.sam", "a\t4\t*\t0\t0\t*\t*\t0\t0\tACGTACGT\tIII\nb\t4\t*\t0\t0\t*\t*\t0\t0\tAC\t*\n")
        for blockSize in [3, 1 << 20] {
            let reader = try SequenceReader(path: file, blockSize: blockSize)
            XCTAssertEqual(try reader.nextRecord()?.name, "a")
            XCTAssertThrowsError(try reader.nextRecord()) { error in
                XCTAssertEqual("\(error)", "\(file): record 'a' (line 1): quality string has 3 characters but the "
                    + "sequence has 8 bases")
            }
        }
        let tenFields = try write("ten.sam", "a\t4\t*\t0\t0\t*\t*\t0\t0\tACGT\t*\nb\t4\t*\t0\t0\t*\t*\t0\t0\tACGT\n")
        assertFails(tenFields, "\(tenFields): line 2: malformed SAM record: 10 fields, expected at least 11")
    }
}
