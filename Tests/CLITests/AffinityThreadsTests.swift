import XCTest

/// `taskset -c 0` (one CPU in the affinity mask) makes the default one scoring thread.
final class AffinityThreadsTests: XCTestCase {
    func testDefaultThreadsFollowTheAffinityMask() throws {
        guard try CLIRunner.run([], shell: "command -v taskset").status == 0 else {
            throw XCTSkip("taskset (util-linux) is not available")
        }
        let r = try CLIRunner.run([], shell: "taskset -c 0 \"$CODINGSCAN\" -vv -m fixtures/models/tiny.safetensors fixtures/seq/two.fa >/dev/null")
        XCTAssertEqual(r.status, 0, r.stderrText)
        XCTAssertTrue(r.stderrText.contains("; 1 thread;"), r.stderrText)
    }
}
