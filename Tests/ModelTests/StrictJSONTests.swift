@testable import ModelFormat
import XCTest

/// The strict JSON parser under model headers and metadata.
final class StrictJSONTests: XCTestCase {
    private func failure(_ text: String) -> JSONParser.Failure? {
        do { _ = try JSONParser.parse(Array(text.utf8)); return nil } catch { return error }
    }

    func testAcceptsWhatJSONAllows() throws {
        XCTAssertEqual(try JSONParser.parse(Array(#" {"k": [1, -2.5e-3, true, false, null, "s\u00e9\ud83d\ude00\n"], "e": {}} "#.utf8)),
                       .object(["k": .array([.integer(1), .number(-0.0025), .bool(true), .bool(false), .null,
                                             .string("sé😀\n")]), "e": .object([:])]))
        XCTAssertEqual(try JSONParser.parse(Array("[1.0, 9223372036854775807, 1e2]".utf8)),
                       .array([.number(1), .integer(Int.max), .number(100)]))
    }

    func testDuplicateKeysAreErrorsWithTheirOffset() {
        let f = failure(#"{"a": 1, "b": {"c": 2, "c": 3}}"#)
        XCTAssertEqual(f?.kind, .duplicateKey)
        XCTAssertEqual(f?.offset, 23)
        XCTAssertEqual(f?.message(), "has a duplicate key 'c' at byte 23")
        XCTAssertNil(failure(#"{"a": {"c": 1}, "b": {"c": 2}}"#), "the same key in two objects is fine")
    }

    func testDepthLimit() {
        let ok = String(repeating: "[", count: JSONParser.maxDepth) + String(repeating: "]", count: JSONParser.maxDepth)
        XCTAssertNil(failure(ok))
        let deep = "[" + ok + "]"
        XCTAssertEqual(failure(deep)?.kind, .tooDeep)
        XCTAssertEqual(failure(deep)?.offset, JSONParser.maxDepth)
        // A stack-exhausting input ends with the same error, not a crash.
        XCTAssertEqual(failure(String(repeating: "{\"a\":", count: 100_000))?.kind, .tooDeep)
    }

    func testSyntaxErrorsSayWhere() {
        XCTAssertEqual(failure("{nope")?.message(), "is not valid JSON: expected a string key at byte 1")
        XCTAssertEqual(failure("[1,]")?.offset, 3)
        XCTAssertEqual(failure("[1] x")?.reason, "unexpected data after the JSON value")
        XCTAssertEqual(failure("01")?.reason, "invalid number (leading zero)")
        XCTAssertEqual(failure("1e999")?.reason, "number out of range")
        XCTAssertEqual(failure(#""\ud800""#)?.reason, "lone surrogate in a string")
        XCTAssertEqual(failure("\"a\u{01}\"")?.reason, "control character in a string")
        XCTAssertEqual(failure("\"\\x\"")?.reason, "invalid escape in a string")
        XCTAssertEqual(failure("")?.reason, "unexpected end of JSON text")
        XCTAssertEqual(failure("[\"\u{FF}\"]".replacingOccurrences(of: "\u{FF}", with: "ÿ"))?.reason, nil)
        XCTAssertEqual((try? JSONParser.parse([0x22, 0xFF, 0x22])).map { _ in "parsed" }, nil, "invalid UTF-8")
    }
}
