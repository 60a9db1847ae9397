import Foundation
import XCTest

/// A `.fai` older than its FASTA is refused with the command that fixes it, instead of reading the wrong
/// bases (the content checks have cases in fixtures/bad: stale-index.fa, shifted-index.fa).
final class StaleIndexTests: XCTestCase {
    func testIndexOlderThanItsFastaIsRefused() throws {
        let dir = NSTemporaryDirectory() + "codingscan-fai-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fasta = dir + "/g.fa"
        try FileManager.default.copyItem(atPath: "fixtures/seq/two.fa", toPath: fasta)
        XCTAssertEqual(try CLIRunner.run([], shell: "samtools faidx '\(fasta)'").status, 0)
        let args = ["-m", "fixtures/models/tiny.safetensors", "-r", "alpha", fasta]
        XCTAssertEqual(try CLIRunner.run(args).status, 0)
        // The FASTA changes after it was indexed (same names, same size): only the times tell.
        XCTAssertEqual(try CLIRunner.run([], shell: "touch -d '-1 minute' '\(fasta).fai'").status, 0)
        let stale = try CLIRunner.run(args)
        XCTAssertEqual(stale.status, 1)
        XCTAssertEqual(stale.stdout, Data())
        XCTAssertEqual(stale.stderrText, "codingscan: \(fasta): the index \(fasta).fai is older than the FASTA file; "
            + "rebuild it with 'samtools faidx \(fasta)'\n")
        XCTAssertEqual(try CLIRunner.run([], shell: "samtools faidx '\(fasta)'").status, 0)
        XCTAssertEqual(try CLIRunner.run(args).status, 0, "rebuilt as the message says")
    }
}
