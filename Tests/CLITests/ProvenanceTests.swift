import Foundation
import XCTest

/// The `##` lines of a TSV track: version, model and its SHA-256, the command line shell-quoted.
final class ProvenanceTests: XCTestCase {
    let model = "fixtures/models/tiny.safetensors"

    func testHeaderLines() throws {
        let dir = NSTemporaryDirectory() + "codingscan-prov-\(UUID().uuidString)/it's here"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: (dir as NSString).deletingLastPathComponent) }
        try FileManager.default.copyItem(atPath: CLIRunner.root.path + "/fixtures/seq/two.fa", toPath: dir + "/two.fa")
        let version = try CLIRunner.run(["--version"]).stdoutText.split(separator: " ")[1]
        let sum = try CLIRunner.run([], shell: "sha256sum \(model) 2>/dev/null || echo missing")
        let r = try CLIRunner.run(["-m", model, "-f", "tsv", "-w", "40", dir + "/two.fa"])
        XCTAssertEqual(r.status, 0, r.stderrText)
        let lines = r.stdoutText.split(separator: "\n").prefix(5).map(String.init)
        XCTAssertEqual(lines[0], "##source=codingscan \(version)")
        XCTAssertEqual(lines[1], "##model=tiny-fixture")
        XCTAssertTrue(lines[2].hasPrefix("##model_sha256="))
        XCTAssertEqual(lines[2].count, "##model_sha256=".count + 64)
        if !sum.stdoutText.hasPrefix("missing") {
            XCTAssertEqual(String(lines[2].dropFirst("##model_sha256=".count)), String(sum.stdoutText.prefix(64)))
        }
        let quoted = "'" + dir.replacingOccurrences(of: "'", with: "'\\''") + "/two.fa'"
        XCTAssertEqual(lines[3], "##command=codingscan -m \(model) -f tsv -w 40 \(quoted)")
        XCTAssertEqual(lines[4], "#chrom\tstart\tend\tp_plus\tp_minus")
        // model-info shows the same checksum.
        let info = try CLIRunner.run(["model-info", model])
        XCTAssertTrue(info.stdoutText.contains("sha256:            \(lines[2].dropFirst("##model_sha256=".count))\n"),
                      info.stdoutText)
    }
}
