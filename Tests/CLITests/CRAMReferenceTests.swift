import Foundation
import XCTest

/// `--reference FILE` decodes a CRAM whose header points at a reference that is not there (as samtools'
/// `--reference` does); REF_PATH and REF_CACHE point at an empty folder so htslib never looks online.
final class CRAMReferenceTests: XCTestCase {
    func testReferenceOptionDecodesACRAMWhoseReferenceMoved() throws {
        try CLIRunner.require("samtools", install: "apt-get install samtools")
        let dir = NSTemporaryDirectory() + "codingscan-cramref-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let made = try CLIRunner.run([], shell: """
            set -e
            cp fixtures/seq/ref.fa '\(dir)/ref.fa'
            samtools view -C -T '\(dir)/ref.fa' fixtures/seq/aligned.sam -o '\(dir)/x.cram'
            mv '\(dir)/ref.fa' '\(dir)/moved.fa'
            rm -f '\(dir)/ref.fa.fai'
            """)
        XCTAssertEqual(made.status, 0, made.stderrText)
        let offline = ["REF_PATH": dir + "/none/%s", "REF_CACHE": dir + "/none/%s"]
        let model = "fixtures/models/tiny.safetensors"
        let without = try CLIRunner.run(["-m", model, "-f", "tsv", "-q", dir + "/x.cram"], environment: offline)
        XCTAssertEqual(without.status, 1)
        XCTAssertTrue(without.stderrText.contains("the CRAM reference sequence is not available"), without.stderrText)
        let with = try CLIRunner.run(["-m", model, "-f", "tsv", "-q", "--reference", dir + "/moved.fa", dir + "/x.cram"],
                                     environment: offline)
        XCTAssertEqual(with.status, 0, with.stderrText)
        let sam = try CLIRunner.run(["-m", model, "-f", "tsv", "-q", "fixtures/seq/aligned.sam"])
        let rows = { (text: String) in text.split(separator: "\n").filter { !$0.hasPrefix("##") } }
        XCTAssertEqual(rows(with.stdoutText), rows(sam.stdoutText))
        let missing = try CLIRunner.run(["-m", model, "--reference", dir + "/nothing.fa", dir + "/x.cram"], environment: offline)
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.stderrText, "codingscan: \(dir)/nothing.fa: cannot open: No such file or directory "
            + "(the CRAM reference of \(dir)/x.cram)\n")
    }
}
