@testable import SequenceIO
import XCTest

/// SAM columns checked although unused: numbers in range, CIGAR syntax and query length.
final class SamFieldCheckTests: XCTestCase {
    private func cigarError(_ cigar: String, bases: Int?) -> String? {
        do {
            try SamFieldCheck.checkCigar(Array(cigar.utf8)[...], bases: bases, record: "r", path: "p", line: 3)
            return nil
        } catch {
            return error.description
        }
    }

    func testCigars() {
        XCTAssertNil(cigarError("*", bases: 10))
        XCTAssertNil(cigarError("5S3M2I4D1=2X3N4H1P", bases: 13))
        XCTAssertNil(cigarError("100M", bases: nil), "SEQ '*' has no length to compare")
        XCTAssertEqual(cigarError("10M", bases: 11),
                       "p: line 3: malformed SAM record: read 'r': CIGAR '10M' covers 10 query bases, but SEQ has 11")
        for bad in ["M", "10", "10Q", "", "3M*", "99999999999999999999M"] {
            XCTAssertNotNil(cigarError(bad, bases: 3), bad)
        }
    }

    func testNumbers() {
        func error(_ line: String) -> String? {
            let bytes = Array(line.utf8)
            var fields: [Range<Int>] = []
            var start = 0
            for (i, b) in bytes.enumerated() where b == 9 { fields.append(start..<i); start = i + 1 }
            fields.append(start..<bytes.count)
            do {
                try SamFieldCheck.checkNumbers(bytes, fields: fields, record: "r", path: "p", line: 1)
                return nil
            } catch { return error.description }
        }
        XCTAssertNil(error("r\t0\tc\t1\t60\t*\t*\t0\t-250\tA\t*"))
        XCTAssertEqual(error("r\t0\tc\t1\t256\t*\t*\t0\t0\tA\t*"),
                       "p: line 1: malformed SAM record: read 'r': MAPQ '256' is not a number in 0...255")
        XCTAssertNotNil(error("r\t0\tc\t-1\t0\t*\t*\t0\t0\tA\t*"))
        XCTAssertNotNil(error("r\t0\tc\t1\t0\t*\t*\t\t0\tA\t*"), "empty PNEXT")
        XCTAssertNotNil(error("r\t0\tc\t1\t0\t*\t*\t0\t3000000000\tA\t*"))
    }
}
