import Foundation
import XCTest

/// CDS on sequences the genome lacks are counted and reported, not an error, in `train` and `eval`
/// (the failing cases are in fixtures/bad and fixtures/golden/bad.tsv). Training here is tiny: one
/// epoch of 256 windows.
final class AbsentSeqidTests: XCTestCase {
    func testTrainAndEvalWarnAboutCDSOnAbsentSequences() throws {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("codingscan-absent-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: dir) }
        // The plasmid's CDS plus two on a sequence that is not in the genome.
        let gff = try CLIRunner.run([], shell: "gzip -cd fixtures/real/pPCP1.gff3.gz")
        XCTAssertEqual(gff.status, 0)
        let annotation = dir.appendingPathComponent("with-absent.gff3").path
        try (gff.stdoutText + "absent_plasmid\tx\tCDS\t1\t300\t.\t+\t0\tID=a1\n"
             + "absent_plasmid\tx\tCDS\t400\t600\t.\t-\t0\tID=a2\n").write(toFile: annotation, atomically: true, encoding: .utf8)
        let genome = "fixtures/real/pPCP1.fa.gz"
        let model = dir.appendingPathComponent("m.safetensors").path

        let train = try CLIRunner.run(["train", "--genome", genome, "--annotation", annotation,
                                       "--validate-genome", genome, "--validate-annotation", annotation,
                                       "--epochs", "1", "--windows-per-epoch", "256", "--validation-windows", "128",
                                       "--threads", "1", "--reproducible", "-o", model])
        XCTAssertEqual(train.status, 0, train.stderrText)
        let warning = "codingscan: warning: \(annotation): 2 CDS on 1 sequence not in \(genome) were ignored"
        XCTAssertEqual(train.stderrText.components(separatedBy: warning + "\n").count - 1, 2, train.stderrText)
        XCTAssertTrue(train.stderrText.contains("12 CDS"), train.stderrText)
        XCTAssertTrue(fm.fileExists(atPath: model))

        let eval = try CLIRunner.run(["eval", "-m", model, "--genome", genome, "--annotation", annotation])
        XCTAssertEqual(eval.status, 0, eval.stderrText)
        XCTAssertEqual(eval.stderrText, "codingscan: warning: \(annotation): 2 CDS on 1 seqid absent from \(genome) "
            + "were ignored (first: 'absent_plasmid')\n")
        XCTAssertTrue(eval.stdoutText.hasPrefix("genome\tmodel\t"), eval.stdoutText)
    }
}
