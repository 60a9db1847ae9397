import XCTest

/// `eval` scans each genome with the genetic code its annotation states (`transl_table` on the CDS
/// lines), unless `--genetic-code` says otherwise; the ORF gate is where the code shows.
final class EvalGeneticCodeTests: XCTestCase {
    private func row(_ extra: [String], annotation: String) throws -> String {
        let r = try CLIRunner.run(["eval", "--genome", "fixtures/real/pPCP1.fa.gz", "--annotation", annotation] + extra)
        XCTAssertEqual(r.status, 0, r.stderrText)
        return String(r.stdoutText.split(separator: "\n").last ?? "")
    }

    func testTranslTableChoosesTheCodeAndTheOptionOverridesIt() throws {
        let code4 = "fixtures/real/pPCP1-code4.gff3", code11 = "fixtures/real/pPCP1.gff3.gz"
        let stated = try row([], annotation: code4)
        XCTAssertEqual(stated, try row(["--genetic-code", "4"], annotation: code11))
        XCTAssertNotEqual(stated, try row([], annotation: code11), "code 4 reads TGA as Trp: longer ORFs, another gate")
        XCTAssertEqual(try row(["--genetic-code", "11"], annotation: code4), try row([], annotation: code11))
    }
}
