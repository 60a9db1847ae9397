import Foundation
import XCTest

/// Pipes, output files and the summary.
final class PipeAndOutputTests: XCTestCase {
    let model = "fixtures/models/tiny.safetensors"

    func testClosedPipeEndsQuietly() throws {
        let r = try CLIRunner.run([], shell: """
            bash -c 'set -o pipefail; "$CODINGSCAN" -m \(model) -f tsv -s 1 fixtures/real/pPCP1.fa.gz | head -n 8; \
            echo "status ${PIPESTATUS[0]}"'
            """)
        // Six ## provenance lines, the column header, one row.
        let lines = r.stdoutText.split(separator: "\n")
        XCTAssertEqual(lines.count, 9, r.stdoutText)
        XCTAssertEqual(lines[6], "#chrom\tstart\tend\tp_plus\tp_minus\tframe_plus\tframe_minus")
        XCTAssertTrue(["status 0", "status 141"].contains(String(lines.last!)), r.stdoutText)
        XCTAssertEqual(r.stderrText, "")
    }

    func testWriteErrorIsReported() throws {
        let r = try CLIRunner.run([], shell: "\"$CODINGSCAN\" -m \(model) fixtures/real/pPCP1.fa.gz > /dev/full")
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stderrText, "codingscan: stdout: write failed: No space left on device\n")
    }

    func testOutputFileMatchesStdoutAndLeavesNoTemporary() throws {
        let dir = NSTemporaryDirectory() + "codingscan-out-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let stdout = try CLIRunner.run(["-m", model, "-f", "bed", "-T", "0.4", "fixtures/seq/two.fa"])
        let file = try CLIRunner.run(["-m", model, "-f", "bed", "-T", "0.4", "-o", dir + "/calls.bed",
                                      "fixtures/seq/two.fa"])
        XCTAssertEqual(file.status, 0)
        XCTAssertEqual(file.stdout, Data())
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: dir + "/calls.bed")), stdout.stdout)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), ["calls.bed"])
        // A failing run leaves the earlier file in place and no temporary beside it.
        let failed = try CLIRunner.run(["-m", model, "-o", dir + "/calls.bed", "fixtures/bad/protein.fa"])
        XCTAssertEqual(failed.status, 1)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: dir + "/calls.bed")), stdout.stdout)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), ["calls.bed"])
    }

    func testInterruptRemovesTheTemporaryFile() throws {
        let dir = NSTemporaryDirectory() + "codingscan-int-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // The input FIFO stays open (fd 3 of the shell), so the scan is still running when ^C arrives,
        // however fast the machine; we wait until its temporary file exists.
        let r = try CLIRunner.run([], shell: """
            mkfifo \(dir)/in
            "$CODINGSCAN" -m \(model) -o \(dir)/out.bedgraph < \(dir)/in & pid=$!
            exec 3> \(dir)/in
            cat fixtures/real/pPCP1.fa.gz >&3
            for i in $(seq 100); do ls -a \(dir) | grep -q tmp && break; sleep 0.1; done
            ls -a \(dir) | grep -c tmp
            kill -INT $pid; wait $pid; echo "status $?"; exec 3>&-; ls \(dir)
            """)
        XCTAssertEqual(r.stdoutText, "1\nstatus 130\nin\n", r.stderrText)
    }

    func testVerboseSummary() throws {
        let r = try CLIRunner.run(["-m", model, "-v", "fixtures/seq/small.fa"])
        XCTAssertEqual(r.status, 0)
        let pattern = #"^codingscan: warning: 1 of 7 sequences shorter than 20 bp were not scored \(first: fixtures/seq/small.fa: record 'tiny' \(line 1\)\)\ncodingscan: model 'tiny-fixture', window 60, step 20; 7 sequences, 986 bases, \d+ windows \(\d+ unscored\), 1 skipped; \d+\.\d\d s, peak memory \d+\.\d MB\n$"#
        XCTAssertNotNil(r.stderrText.range(of: pattern, options: .regularExpression), r.stderrText)
    }

    func testVersion() throws {
        let r = try CLIRunner.run(["--version"])
        XCTAssertEqual(r.status, 0)
        XCTAssertNotNil(r.stdoutText.range(of: #"^codingscan \d+\.\d+\.\d+ \(built-in model: codingscan-default, read model: codingscan-reads\)\n$"#,
                                           options: .regularExpression), r.stdoutText)
    }
}
