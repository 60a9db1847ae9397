import Foundation
import SequenceIO
import XCTest

/// The one `.fai` parser: entries in order, the line of a malformed one, staleness by time.
final class FastaIndexFileTests: XCTestCase {
    private func file(_ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "codingscan-fai-\(UUID().uuidString).fai"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    func testEntries() throws {
        let path = try file("chr1\t1000\t6\t60\t61\n\nchr2\t5\t1030\t60\t62\r\nreads\t100\t7\t100\t101\t209\n")
        XCTAssertEqual(try FastaIndexFile.read(path), [
            .init(name: "chr1", length: 1000, offset: 6, lineBases: 60, lineWidth: 61, line: 1),
            .init(name: "chr2", length: 5, offset: 1030, lineBases: 60, lineWidth: 62, line: 3),
            .init(name: "reads", length: 100, offset: 7, lineBases: 100, lineWidth: 101, line: 4),
        ])
    }

    func testMalformedLineIsNamed() throws {
        for bad in ["chr2\t5\t10\t60", "chr2\tx\t10\t60\t61", "\t5\t10\t60\t61", "chr2\t-5\t10\t60\t61",
                    "chr2\t5\t10\t0\t61", "chr2\t5\t10\t62\t61"] {
            let path = try file("chr1\t1000\t6\t60\t61\n" + bad + "\n")
            XCTAssertThrowsError(try FastaIndexFile.read(path), bad) {
                XCTAssertEqual($0 as? FastaIndexFile.Failure, .malformed(line: 2), bad)
            }
        }
        XCTAssertThrowsError(try FastaIndexFile.read("/nonexistent.fai")) {
            XCTAssertEqual($0 as? FastaIndexFile.Failure, .unreadable(errno: ENOENT))
        }
    }

    func testOlderIndex() throws {
        let fasta = try file(">a\nACGT\n")
        let index = try file("a\t4\t3\t4\t5\n")
        let past = Date(timeIntervalSinceNow: -3600)
        try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: index)
        XCTAssertTrue(FastaIndexFile.isOlder(index, than: fasta))
        try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: fasta)
        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: index)
        XCTAssertFalse(FastaIndexFile.isOlder(index, than: fasta))
        XCTAssertFalse(FastaIndexFile.isOlder("/nonexistent.fai", than: fasta))
    }
}
