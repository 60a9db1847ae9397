import GenomeCore
import XCTest

/// The shared text rules: one-line messages, shell words, path names, fixed-point text, strict digits.
final class TextRulesTests: XCTestCase {
    func testPrintableText() {
        XCTAssertEqual(PrintableText.oneLine("a\tb\nc\u{7F}d\u{85}e\u{2028}f ✓"), "a?b?c?d?e?f ✓")
        XCTAssertEqual(PrintableText.oneLine(String(repeating: "x", count: 45), limit: 40),
                       String(repeating: "x", count: 40) + "...")
        XCTAssertEqual(PrintableText.oneLine("short", limit: 40), "short")
    }

    func testShellWords() {
        XCTAssertEqual(ShellWord.quoted("fixtures/a.fa"), "fixtures/a.fa")
        XCTAssertEqual(ShellWord.quoted(""), "''")
        XCTAssertEqual(ShellWord.quoted("it's here"), "'it'\\''s here'")
        XCTAssertEqual(ShellWord.quoted("a\nb"), "$'a\\nb'")
    }

    func testPathNames() {
        XCTAssertEqual(PathName.display("-"), "stdin")
        XCTAssertEqual(PathName.display("a/b.fa"), "a/b.fa")
        XCTAssertEqual(PathName.base("-"), "stdin")
        XCTAssertEqual(PathName.base("data/ecoli/genome.fa.gz"), "genome.fa.gz")
        XCTAssertEqual(PathName.base("dir/"), "dir")
        XCTAssertEqual(PathName.base("/"), "/")
        XCTAssertEqual(PathName.short("/work/shared/data/ecoli/genome.fa.gz"), "ecoli/genome.fa.gz")
        XCTAssertEqual(PathName.short("data//ecoli/./genome.fa.gz"), "ecoli/genome.fa.gz")
        XCTAssertEqual(PathName.short("genome.fa.gz"), "genome.fa.gz")
        XCTAssertEqual(PathName.short("./genome.fa.gz"), "genome.fa.gz")
        XCTAssertEqual(PathName.short("-"), "stdin")
    }

    func testFixedPoint() {
        XCTAssertEqual(FixedPoint.text(0.12345, digits: 4), "0.1235")
        XCTAssertEqual(FixedPoint.text(-0.05, digits: 4), "-0.0500")
        XCTAssertEqual(FixedPoint.text(-0.00001, digits: 4), "0.0000", "no sign on a rounded zero")
        XCTAssertEqual(FixedPoint.text(1, digits: 4), "1.0000")
        XCTAssertEqual(FixedPoint.text(2.5, digits: 0), "3")
        XCTAssertEqual(FixedPoint.text(12.345, digits: 2), "12.35")
        XCTAssertEqual(FixedPoint.text(1204.05, digits: 1), "1204.1")
        XCTAssertNil(FixedPoint.text(.nan, digits: 2))
        XCTAssertNil(FixedPoint.text(.infinity, digits: 2))
        XCTAssertNil(FixedPoint.text(1e15, digits: 4))
    }

    func testDecimalDigits() {
        XCTAssertEqual(DecimalDigits.parse(Array("0123".utf8)), 123)
        XCTAssertNil(DecimalDigits.parse(Array("".utf8)))
        XCTAssertNil(DecimalDigits.parse(Array("12a".utf8)))
        XCTAssertNil(DecimalDigits.parse(Array(" 1".utf8)))
        XCTAssertNil(DecimalDigits.parse(Array("-1".utf8)))
        XCTAssertEqual(DecimalDigits.parse(Array(String(repeating: "9", count: 18).utf8)), 999_999_999_999_999_999)
        XCTAssertNil(DecimalDigits.parse(Array(String(repeating: "9", count: 19).utf8)))
        XCTAssertNil(DecimalDigits.parse(Array("12345".utf8), maxDigits: 4))
        XCTAssertEqual(DecimalDigits.parseSigned(Array("-250".utf8)), -250)
        XCTAssertEqual(DecimalDigits.parseSigned(Array("+7".utf8)), 7)
        XCTAssertNil(DecimalDigits.parseSigned(Array("-".utf8)))
    }
}
