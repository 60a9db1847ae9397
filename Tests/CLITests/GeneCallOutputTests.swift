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
            // A partial gene that runs off the sequence before its start codon has no M to begin with.
            if !line.contains("start_type=Edge") { XCTAssertTrue(protein.hasPrefix("M"), String(line)) }
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

    /// The eukaryote gene model's exons: valid GFF3 with phases, one protein per exon of its whole codons
    /// from the phase on (no stop codon inside).
    func testEukaryoteExonsAreValidGFFWithPhases() throws {
        let dir = try CLIRunner.temporaryDirectory("codingscan-exons")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let gff = dir + "/exons.gff3", faa = dir + "/exons.faa"
        let result = try CLIRunner.run(["-f", "gff", "--gene-model", "eukaryote", "-o", gff, "--proteins", faa,
                                        "fixtures/real/pPCP1.fa.gz"])
        XCTAssertEqual(result.status, 0, result.stderrText)
        let lines = try String(contentsOfFile: gff, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
        XCTAssertGreaterThan(lines.count, 5)
        let fasta = try String(contentsOfFile: faa, encoding: .utf8)
        let proteins = fasta.split(separator: ">").map { $0.split(separator: "\n").dropFirst().joined() }
        XCTAssertEqual(proteins.count, lines.count)
        for (line, protein) in zip(lines, proteins) {
            let fields = line.split(separator: "\t")
            let length = Int(fields[4])! - Int(fields[3])! + 1, phase = Int(fields[7])!
            XCTAssertTrue((0...2).contains(phase))
            // The stop codon (left out of the protein) is there unless the exon ends at a donor or runs off
            // the sequence at its 3' end (partial's right digit on the plus strand, left on the minus one).
            let code = Array(String(fields[8].split(separator: ";").first { $0.hasPrefix("partial=") }!.dropFirst(8)))
            let threePrimeOpen = (fields[6] == "+" ? code[1] : code[0]) == "1"
            let endsAtDonor = fields[8].contains("end_type=Splice")
            let codons = (length - phase) / 3
            XCTAssertEqual(protein.count, endsAtDonor || threePrimeOpen ? codons : codons - 1, String(line))
            XCTAssertFalse(protein.contains("*"), "a stop codon inside \(line)")
        }
        try CLIRunner.require("gt", install: "apt install genometools")
        let validation = try CLIRunner.run([], shell: "gt gff3validator \(gff)")
        XCTAssertEqual(validation.status, 0, validation.stderrText + validation.stdoutText)
    }

    /// `--gene-model auto` decodes a long sequence without genes as eukaryote (no gene pays for itself:
    /// the two models' parses score alike) and says so; a short one after it follows its choice.
    func testAutoSaysWhichSequencesItDecodedAsEukaryote() throws {
        let dir = try CLIRunner.temporaryDirectory("codingscan-auto")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var state: UInt64 = 17
        func base() -> Character {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Array("AATTTTAACG")[Int((state >> 33) % 10)]
        }
        let long = String((0..<150_000).map { _ in base() }), short = String((0..<5_000).map { _ in base() })
        try (">long\n\(long)\n>short\n\(short)\n").write(toFile: dir + "/in.fa", atomically: true, encoding: .utf8)
        let auto = try CLIRunner.run(["-f", "gff", dir + "/in.fa"])
        XCTAssertEqual(auto.status, 0, auto.stderrText)
        XCTAssertEqual(auto.stderrText, "codingscan: --gene-model auto called coding exons (eukaryote gene model) on 2 of 2 "
            + "sequences; --gene-model prokaryote calls genes on all\n")
        let prokaryote = try CLIRunner.run(["-f", "gff", "--gene-model", "prokaryote", dir + "/in.fa"])
        XCTAssertEqual(prokaryote.stderrText, "")
    }
}
