import Foundation
import XCTest

/// Gene calls as other tools read them: the GFF3 passes `gt gff3validator`, `bedtools` reads it, and
/// the protein FASTA holds one translation per call, named by the call's ID.
final class GeneCallOutputTests: XCTestCase {
    func testGFFIsValidAndProteinsMatchTheCalls() throws {
        let dir = try CLIRunner.temporaryDirectory("codingscan-genes")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let gff = dir + "/calls.gff3", faa = dir + "/calls.faa"
        let result = try CLIRunner.run(["-f", "gff", "-o", gff, "--proteins", faa, "fixtures/real/pPCP1.fa.gz"])
        XCTAssertEqual(result.status, 0, result.stderrText)
        let lines = try String(contentsOfFile: gff, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
        XCTAssertGreaterThan(lines.count, 5)
        let ids = lines.map { line -> String in
            let attributes = line.split(separator: "\t")[8]
            return String(attributes.split(separator: ";")[0].dropFirst("ID=".count))
        }
        // One protein per call, in the same order, as long as the call's codons less its stop codon.
        let fasta = try String(contentsOfFile: faa, encoding: .utf8)
        var names: [String] = [], proteins: [String] = []
        for line in fasta.split(separator: "\n") {
            if line.hasPrefix(">") {
                names.append(String(line.dropFirst().split(separator: " ")[0]))
                proteins.append("")
            } else {
                XCTAssertLessThanOrEqual(line.count, 60)
                proteins[proteins.count - 1] += line
            }
        }
        XCTAssertEqual(names, ids)
        for (line, protein) in zip(lines, proteins) {
            let fields = line.split(separator: "\t")
            let length = Int(fields[4])! - Int(fields[3])! + 1
            XCTAssertEqual(protein.count, length / 3 - 1, String(line))
            XCTAssertTrue(protein.hasPrefix("M"), String(line))
            XCTAssertFalse(protein.contains("*"), "an internal stop codon in \(line)")
        }
        // The annotated first gene of pPCP1 (87..1109, +) is called with its start and stop.
        XCTAssertTrue(lines.contains { $0.contains("\tCDS\t87\t1109\t") && $0.contains("\t+\t") })

        try CLIRunner.require("gt", install: "apt install genometools")
        let validation = try CLIRunner.run([], shell: "gt gff3validator \(gff)")
        XCTAssertEqual(validation.status, 0, validation.stderrText + validation.stdoutText)
    }

    func testBedtoolsReadsTheCalls() throws {
        try CLIRunner.require("bedtools", install: "apt install bedtools")
        let dir = try CLIRunner.temporaryDirectory("codingscan-genes-bedtools")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let gff = dir + "/calls.gff3"
        XCTAssertEqual(try CLIRunner.run(["-f", "gff", "-o", gff, "fixtures/real/pPCP1.fa.gz"]).status, 0)
        // Calls that overlap the annotated CDS: nearly all of them.
        let overlap = try CLIRunner.run([], shell: "zcat fixtures/real/pPCP1.gff3.gz | awk '$3 == \"CDS\"' > \(dir)/cds.gff3 && "
            + "bedtools intersect -u -a \(gff) -b \(dir)/cds.gff3 | wc -l && grep -vc '^#' \(gff)")
        XCTAssertEqual(overlap.status, 0, overlap.stderrText)
        let counts = overlap.stdoutText.split(separator: "\n").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        XCTAssertEqual(counts.count, 2)
        XCTAssertGreaterThanOrEqual(counts[0], counts[1] - 1, "calls overlapping annotated CDS vs all calls")
    }
}
