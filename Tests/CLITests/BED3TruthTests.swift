import XCTest

/// A BED3 CDS file (no strand) is eval truth as good as the GFF3 it came from (eval ignores strands);
/// training, which labels each strand, refuses it (golden err_train_bed3).
final class BED3TruthTests: XCTestCase {
    func testEvalAcceptsBED3AsTruth() throws {
        let args = ["eval", "-m", "fixtures/models/tiny.safetensors", "--genome", "fixtures/real/pPCP1.fa.gz", "--annotation"]
        let bed = try CLIRunner.run(args + ["fixtures/real/pPCP1-cds.bed"])
        let gff = try CLIRunner.run(args + ["fixtures/real/pPCP1.gff3.gz"])
        XCTAssertEqual(bed.status, 0, bed.stderrText)
        XCTAssertEqual(bed.stderrText, "")
        XCTAssertEqual(bed.stdoutText, gff.stdoutText)
    }
}
