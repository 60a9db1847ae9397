import Foundation
import Tracks
import XCTest

/// `BedGraphReader` streams data lines, skips headers, and names the line of every malformed one.
final class BedGraphReaderTests: XCTestCase {
    private func file(_ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "codingscan-bg-\(UUID().uuidString).bedgraph"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    func testReadsDataLinesAndSkipsHeaders() throws {
        let path = try file("track type=bedGraph\nbrowser position chr1\n# comment\n\nchr1\t0\t10\t0.5\r\nchr2\t5\t9\t1\textra\n")
        let reader = try BedGraphReader(path: path)
        XCTAssertEqual(try reader.next(), .init(chrom: "chr1", start: 0, end: 10, value: 0.5, line: 5))
        XCTAssertEqual(try reader.next(), .init(chrom: "chr2", start: 5, end: 9, value: 1, line: 6))
        XCTAssertNil(try reader.next())
        XCTAssertNil(try reader.next())
    }

    func testLastLineWithoutNewline() throws {
        let reader = try BedGraphReader(path: try file("c\t1\t2\t0.25"))
        XCTAssertEqual(try reader.next()?.value, 0.25)
        XCTAssertNil(try reader.next())
    }

    func testMalformedLinesAreNamed() throws {
        let expected = "expected 'chrom start end value' (0 <= start < end, a finite value)"
        for bad in ["c\t1\t2", "c\tx\t2\t0.5", "c\t-1\t2\t0.5", "c\t5\t5\t0.5", "c\t6\t5\t0.5", "c\t1\t2\tnan",
                    "c\t1\t2\tinf", "c 1 2 0.5"] {
            let path = try file("c\t0\t1\t0\n" + bad + "\n")
            let reader = try BedGraphReader(path: path)
            XCTAssertNotNil(try reader.next())
            XCTAssertThrowsError(try reader.next(), bad) {
                XCTAssertEqual($0 as? TrackError, .unreadable(path: path, line: 2, message: expected), bad)
                XCTAssertEqual("\($0)", "\(path): line 2: \(expected)")
            }
        }
    }

    func testUnopenableAndDirectory() throws {
        XCTAssertThrowsError(try BedGraphReader(path: "/nonexistent/x.bedgraph")) {
            XCTAssertEqual("\($0)", "/nonexistent/x.bedgraph: No such file or directory")
        }
        let dir = NSTemporaryDirectory()
        XCTAssertThrowsError(try BedGraphReader(path: dir).next()) {
            XCTAssertEqual("\($0)", "\(dir): Is a directory")
        }
    }
}
