import XCTest

/// A bare `codingscan` at a terminal shows its usage instead of waiting for typed bases; with stdin a
/// pipe or a file it reads stdin as always (the golden tests run it that way).
final class TerminalUsageTests: XCTestCase {
    func testBareCommandOnATerminalPrintsUsage() throws {
        // util-linux script(1) gives the command a pseudo-terminal as stdin.
        guard try CLIRunner.run([], shell: "command -v script").status == 0 else {
            throw XCTSkip("script(1) is not available to make a terminal")
        }
        let r = try CLIRunner.run([], shell: "script -qec \"$CODINGSCAN\" /dev/null < /dev/null; echo \"status=$?\"")
        XCTAssertTrue(r.stdoutText.contains("USAGE: codingscan"), r.stdoutText)
        XCTAssertTrue(r.stdoutText.contains("codingscan: no input: give FILE, '-' or pipe sequences in"), r.stdoutText)
        XCTAssertTrue(r.stdoutText.hasSuffix("status=64\n"), r.stdoutText)
        let piped = try CLIRunner.run(["-m", "fixtures/models/tiny.safetensors"], stdinFile: "fixtures/seq/two.fa")
        XCTAssertEqual(piped.status, 0, piped.stderrText)
        XCTAssertFalse(piped.stdoutText.isEmpty)
    }
}
