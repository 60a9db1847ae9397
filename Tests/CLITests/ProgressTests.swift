import Foundation
import XCTest

/// `--progress` reports on stderr and leaves stdout alone (no timing is asserted).
final class ProgressTests: XCTestCase {
    let model = "fixtures/models/tiny.safetensors"

    func testProgressLinesOnStderrOnly() throws {
        let plain = try CLIRunner.run(["-m", model, "fixtures/real/pPCP1.fa.gz"])
        let shown = try CLIRunner.run(["-m", model, "--progress", "fixtures/real/pPCP1.fa.gz"])
        XCTAssertEqual(shown.status, 0)
        XCTAssertEqual(shown.stdout, plain.stdout)
        XCTAssertEqual(plain.stderrText, "", "no progress when stderr is not a terminal")
        let lines = shown.stderrText.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.last, "", "ends with a newline")
        XCTAssertFalse(shown.stderrText.contains("\r"), "plain lines when stderr is not a terminal")
        let pattern = #"^codingscan: 0\.01 Mb, 1 sequence in \d+\.\d\d s \(\d+\.\d\d Mb/s\), done$"#
        XCTAssertNotNil(String(lines[lines.count - 2]).range(of: pattern, options: .regularExpression), shown.stderrText)
        for line in lines.dropLast(2) {
            XCTAssertTrue(line.hasPrefix("codingscan: ") && line.contains(" Mb/s"), String(line))
        }
    }

    func testProgressWithQuietAndTSV() throws {
        // --progress wins over -q (which only silences warnings); the TSV differs only in its ##command line.
        let plain = try CLIRunner.run(["-m", model, "-q", "-f", "tsv", "fixtures/seq/small.fa"])
        let shown = try CLIRunner.run(["-m", model, "-q", "-f", "tsv", "--progress", "fixtures/seq/small.fa"])
        let rows = { (r: CLIRunner.Result) in r.stdoutText.split(separator: "\n").filter { !$0.hasPrefix("##command=") } }
        XCTAssertEqual(rows(shown), rows(plain))
        XCTAssertTrue(shown.stdoutText.contains("##command=codingscan -m \(model) -q -f tsv --progress fixtures/seq/small.fa\n"))
        XCTAssertTrue(shown.stderrText.hasSuffix(", done\n"), shown.stderrText)
        XCTAssertTrue(shown.stderrText.contains(" 7 sequences in "), shown.stderrText)
    }
}
