import Foundation
import XCTest

/// The `##` lines of a TSV track: version, model and its SHA-256, the read model and its SHA-256, the
/// command line shell-quoted.
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
        let lines = r.stdoutText.split(separator: "\n").prefix(7).map(String.init)
        XCTAssertEqual(lines[0], "##source=codingscan \(version)")
        XCTAssertEqual(lines[1], "##model=tiny-fixture")
        XCTAssertTrue(lines[2].hasPrefix("##model_sha256="))
        XCTAssertEqual(lines[2].count, "##model_sha256=".count + 64)
        if !sum.stdoutText.hasPrefix("missing") {
            XCTAssertEqual(String(lines[2].dropFirst("##model_sha256=".count)), String(sum.stdoutText.prefix(64)))
        }
        // The built-in read model, which scores the records it takes whatever -m says.
        XCTAssertEqual(lines[3], "##read_model=codingscan-reads")
        XCTAssertTrue(lines[4].hasPrefix("##read_model_sha256="))
        XCTAssertEqual(lines[4].count, "##read_model_sha256=".count + 64)
        let quoted = "'" + dir.replacingOccurrences(of: "'", with: "'\\''") + "/two.fa'"
        XCTAssertEqual(lines[5], "##command=codingscan -m \(model) -f tsv -w 40 \(quoted)")
        XCTAssertEqual(lines[6], "#chrom\tstart\tend\tp_plus\tp_minus\tframe_plus\tframe_minus")
        // model-info shows the same checksum.
        let info = try CLIRunner.run(["model-info", model])
        XCTAssertTrue(info.stdoutText.contains("sha256:            \(lines[2].dropFirst("##model_sha256=".count))\n"),
                      info.stdoutText)
    }

    /// A trained model's provenance names each file by its folder and name: the command line and the
    /// genome list carry no absolute path of the machine that trained it.
    func testTrainedModelRecordsNoAbsolutePaths() throws {
        let dir = NSTemporaryDirectory() + "codingscan-prov-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let root = CLIRunner.root.path
        let train = try CLIRunner.run(["train", "--genome", root + "/fixtures/real/pPCP1.fa.gz", "--annotation=" + root
                                       + "/fixtures/real/pPCP1.gff3.gz", "--validate-genome", root + "/fixtures/real/pPCP1.fa.gz",
                                       "--validate-annotation", root + "/fixtures/real/pPCP1.gff3.gz", "--epochs", "1", "--windows-per-epoch", "64",
                                       "--validation-windows", "64", "--threads", "1", "--channels", "4", "--kernels", "3",
                                       "--pools", "1", "--pool-kinds", "max", "--hidden", "4", "--window", "60",
                                       "--reproducible", "-q", "-o", dir + "/m.safetensors"])
        XCTAssertEqual(train.status, 0, train.stderrText)
        let info = try CLIRunner.run(["model-info", dir + "/m.safetensors"]).stdoutText
        XCTAssertTrue(info.contains("\"command\": \"codingscan train --genome real/pPCP1.fa.gz "
            + "--annotation=real/pPCP1.gff3.gz --validate-genome real/pPCP1.fa.gz "), info)
        XCTAssertTrue(info.contains("-o \(PathName(dir).last)/m.safetensors\""), info)
        XCTAssertTrue(info.contains("\"file\": \"real/pPCP1.fa.gz\""), info)
        XCTAssertTrue(info.contains("\"annotation\": \"real/pPCP1.gff3.gz\""), info)
        XCTAssertTrue(info.contains("\"genome_weighting\": \"sqrt\""), info)
        let provenance = info.components(separatedBy: "provenance:").last ?? ""
        XCTAssertFalse(provenance.contains(root), info)
        XCTAssertFalse(provenance.contains(NSTemporaryDirectory()), info)
    }
}

/// The last component of a path (test helper).
private struct PathName {
    let last: String
    init(_ path: String) { last = (path as NSString).lastPathComponent }
}
