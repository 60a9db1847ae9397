import Foundation
import XCTest

/// `--adapt` (issue 16): on a generated genome whose codon usage the network never saw, the pass with the
/// genome's own statistics and the network fine-tuned on its calls calls genes better than one pass and
/// gives a better window track; `adapt` saves both, and `-m` with the saved model gives the same output as
/// `--adapt`; standard input is spooled and gives the same calls as the file; a small input says so and is
/// not adapted.
final class AdaptTests: XCTestCase {
    /// The standard genetic code (NCBI table 1) in TCAG order.
    static let aminoAcids = Array("FFLLSSSSYY**CC*WLLLLPPPPHHQQRRRRIIIMTTTTNNKKSSRRVVVVAAAADDEEGGGG")
    static let tcag = Array("TCAG")

    /// The proteins of pPCP1's annotated genes (the fixture), translated here.
    static func pPCP1Proteins() throws -> [[Character]] {
        let fasta = try CLIRunner.run([], shell: "gzip -dc fixtures/real/pPCP1.fa.gz").stdoutText
        let dna = Array(fasta.split(separator: "\n").dropFirst().joined())
        let gff = try CLIRunner.run([], shell: "gzip -dc fixtures/real/pPCP1.gff3.gz | awk -F '\\t' '$3 == \"CDS\" { print $4, $5, $7 }'")
        return gff.stdoutText.split(separator: "\n").map { line in
            let f = line.split(separator: " ")
            var gene = Array(dna[(Int(f[0])! - 1)..<Int(f[1])!])
            if f[2] == "-" { gene = gene.reversed().map { ["A": "T", "C": "G", "G": "C", "T": "A"][$0] ?? "N" } }
            return stride(from: 3, to: gene.count - 3, by: 3).map { i -> Character in
                guard let a = tcag.firstIndex(of: gene[i]), let b = tcag.firstIndex(of: gene[i + 1]),
                      let c = tcag.firstIndex(of: gene[i + 2]) else { return "X" }
                return aminoAcids[16 * a + 4 * b + c]
            }.filter { $0 != "X" && $0 != "*" }
        }
    }

    /// A ~240 kb genome at ~64% GC whose genes are pPCP1's proteins (each residue replaced by a random
    /// one with probability 0.25, so no two genes are alike) written back with a GC-rich codon usage
    /// unlike any genome the network learnt from (synonymous codons weighted 6^(G+C), times a fixed
    /// random preference), ATG or GTG starts, on both strands, between random stretches of 40–400 bases
    /// at the same GC. Returns FASTA and the GFF3 of its genes.
    static func syntheticGenome(seed: UInt64, proteins: [[Character]]) -> (fasta: String, gff: String) {
        var state = seed
        func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 33 }
        func uniform() -> Double { Double(next() % 1_000_000) / 1_000_000 }
        var synonyms: [Character: [(String, Double)]] = [:]
        for i in 0..<64 where aminoAcids[i] != "*" {
            let codon = String([tcag[i / 16], tcag[i / 4 % 4], tcag[i % 4]])
            let gc = codon.filter { $0 == "G" || $0 == "C" }.count
            synonyms[aminoAcids[i], default: []].append((codon, pow(6, Double(gc)) * (0.2 + uniform())))
        }
        let residues = Array(synonyms.keys).sorted()
        func codon(_ aminoAcid: Character) -> String {
            let choices = synonyms[aminoAcid]!
            var r = uniform() * choices.map(\.1).reduce(0, +)
            for (c, w) in choices { if r < w { return c }; r -= w }
            return choices[0].0
        }
        func intergenic(_ n: Int) -> String {
            String((0..<n).map { _ in uniform() < 0.64 ? (uniform() < 0.5 ? "G" : "C") : (uniform() < 0.5 ? "A" : "T") })
        }
        func reverseComplement(_ s: String) -> String {
            String(s.reversed().map { ["A": "T", "C": "G", "G": "C", "T": "A"][$0]! })
        }
        var genome = "", gff = "##gff-version 3\n", k = 0
        while genome.count < 240_000 {
            genome += intergenic(40 + Int(next() % 360))
            var gene = uniform() < 0.85 ? "ATG" : "GTG"
            for residue in proteins[Int(next() % UInt64(proteins.count))] {
                gene += codon(uniform() < 0.25 ? residues[Int(next() % UInt64(residues.count))] : residue)
            }
            gene += ["TAA", "TAG", "TGA"][Int(next() % 3)]
            let minus = next() % 2 == 1
            let start = genome.count
            genome += minus ? reverseComplement(gene) : gene
            k += 1
            gff += "synthetic\ttest\tCDS\t\(start + 1)\t\(genome.count)\t.\t\(minus ? "-" : "+")\t0\tID=g\(k)\n"
        }
        genome += intergenic(200)
        var fasta = ">synthetic\n"
        var i = genome.startIndex
        while i < genome.endIndex {
            let j = genome.index(i, offsetBy: 80, limitedBy: genome.endIndex) ?? genome.endIndex
            fasta += genome[i..<j] + "\n"
            i = j
        }
        return (fasta, gff)
    }

    /// calls_mcc of `calls` against the genome's genes.
    private func callsMCC(_ dir: String, _ calls: String) throws -> Double {
        try evalColumn(dir, ["--calls", calls, "--track", dir + "/empty.bedgraph"], "calls_mcc")
    }

    /// One column of `codingscan eval` on the genome with `arguments`.
    private func evalColumn(_ dir: String, _ arguments: [String], _ column: String) throws -> Double {
        let r = try CLIRunner.run(["eval", "-q", "--genome", dir + "/g.fa", "--annotation", dir + "/g.gff3"] + arguments)
        XCTAssertEqual(r.status, 0, r.stderrText)
        let lines = r.stdoutText.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        return Double(lines[1][lines[0].firstIndex(of: column)!])!
    }

    func testAdaptingHelpsOnAGenomeOfUnseenCodonUsage() throws {
        let dir = try CLIRunner.temporaryDirectory("codingscan-adapt")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let genome = Self.syntheticGenome(seed: 7, proteins: try Self.pPCP1Proteins())
        try genome.fasta.write(toFile: dir + "/g.fa", atomically: true, encoding: .utf8)
        try genome.gff.write(toFile: dir + "/g.gff3", atomically: true, encoding: .utf8)
        try "synthetic\t0\t1\t0\n".write(toFile: dir + "/empty.bedgraph", atomically: true, encoding: .utf8)
        let plain = try CLIRunner.run(["-f", "gff", "-o", dir + "/plain.gff", dir + "/g.fa"])
        XCTAssertEqual(plain.status, 0, plain.stderrText)
        let adapted = try CLIRunner.run(["-f", "gff", "--adapt", "-o", dir + "/adapted.gff", dir + "/g.fa"])
        XCTAssertEqual(adapted.status, 0, adapted.stderrText)
        XCTAssertEqual(adapted.stderrText, "")
        let before = try callsMCC(dir, dir + "/plain.gff"), after = try callsMCC(dir, dir + "/adapted.gff")
        XCTAssertGreaterThan(after, before + 0.05, "calls MCC \(before) without --adapt, \(after) with it")

        // eval --decoded --adapt scores the same calls in one command.
        let evaluated = try CLIRunner.run(["eval", "-q", "--decoded", "--adapt", "--genome", dir + "/g.fa",
                                           "--annotation", dir + "/g.gff3"])
        XCTAssertEqual(evaluated.status, 0, evaluated.stderrText)
        let rows = evaluated.stdoutText.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        XCTAssertEqual(Double(rows[1][rows[0].firstIndex(of: "calls_mcc")!]), after)

        // `adapt` saves the same statistics in a model (the network as it was): -m with it decodes as --adapt did, in
        // one pass.
        let saved = try CLIRunner.run(["adapt", "-q", "-o", dir + "/species.safetensors", dir + "/g.fa"])
        XCTAssertEqual(saved.status, 0, saved.stderrText)
        XCTAssertEqual(saved.stderrText, "")
        let info = try CLIRunner.run(["model-info", dir + "/species.safetensors"])
        XCTAssertTrue(info.stdoutText.contains("format version:    5"), info.stdoutText)
        XCTAssertTrue(info.stdoutText.contains("gene model:        adapted (codingscan adapt)"), info.stdoutText)
        XCTAssertTrue(info.stdoutText.contains("\"genomes\": [\n      \"\(URL(fileURLWithPath: dir).lastPathComponent)/g.fa\""),
                      "the genome by parent folder and name")
        XCTAssertTrue(info.stdoutText.contains("\"network\": \"not fine-tuned: statistics only (no --fine-tune)\""),
                      info.stdoutText)
        XCTAssertTrue(info.stdoutText.contains("\"command\": \"codingscan adapt -q -o "), info.stdoutText)
        XCTAssertFalse(info.stdoutText.components(separatedBy: "gene model:").last!.contains(dir),
                       "no absolute path in what the model records")
        let reused = try CLIRunner.run(["-f", "gff", "-m", dir + "/species.safetensors", dir + "/g.fa"])
        XCTAssertEqual(reused.status, 0, reused.stderrText)
        let calls = { (text: String) in text.split(separator: "\n").filter { !$0.hasPrefix("#") } }
        XCTAssertEqual(calls(reused.stdoutText), calls(try String(contentsOfFile: dir + "/adapted.gff", encoding: .utf8)))
        // --fine-tune also fine-tunes the network, as --adapt does for the window track (checked below).
        let tuned = try CLIRunner.run(["adapt", "-q", "--fine-tune", "-o", dir + "/tuned.safetensors", dir + "/g.fa"])
        XCTAssertEqual(tuned.status, 0, tuned.stderrText)
        let tunedInfo = try CLIRunner.run(["model-info", dir + "/tuned.safetensors"])
        XCTAssertTrue(tunedInfo.stdoutText.contains("\"network\": \"fine-tuned on 3000 windows labelled by the calls\""),
                      tunedInfo.stdoutText)
        XCTAssertTrue(tunedInfo.stdoutText.contains("\"initial_model\""), "the fine-tuned network's provenance")

        // --prior marks pooled statistics (the built-in model's kind): they decode genomes of the genetic code they
        // were learnt with, and are left out for a code whose stops differ (table 4 reads TGA as tryptophan).
        let prior = try CLIRunner.run(["adapt", "-q", "--prior", "-o", dir + "/prior.safetensors", dir + "/g.fa"])
        XCTAssertEqual(prior.status, 0, prior.stderrText)
        let priorInfo = try CLIRunner.run(["model-info", dir + "/prior.safetensors"])
        XCTAssertTrue(priorInfo.stdoutText.contains("gene model:        prior (codingscan adapt)"), priorInfo.stdoutText)
        XCTAssertTrue(priorInfo.stdoutText.contains("\"genetic_code\": 11"), priorInfo.stdoutText)
        let gff = { (arguments: [String]) in calls(try CLIRunner.run(["-f", "gff"] + arguments + [dir + "/g.fa"]).stdoutText) }
        XCTAssertNotEqual(try gff(["-m", dir + "/prior.safetensors"]), try gff([]))
        XCTAssertEqual(try gff(["-m", dir + "/prior.safetensors", "--genetic-code", "4"]), try gff(["--genetic-code", "4"]))

        // The window track (--raw bedGraph): --adapt fine-tunes the network, which ranks bases better; the model
        // saved with --fine-tune writes the same track, and eval --adapt scores it.
        let track = try CLIRunner.run(["--raw", "-o", dir + "/plain.bedgraph", dir + "/g.fa"])
        XCTAssertEqual(track.status, 0, track.stderrText)
        let adaptedTrack = try CLIRunner.run(["--raw", "--adapt", "-o", dir + "/adapted.bedgraph", dir + "/g.fa"])
        XCTAssertEqual(adaptedTrack.status, 0, adaptedTrack.stderrText)
        XCTAssertEqual(adaptedTrack.stderrText, "")
        let aucBefore = try evalColumn(dir, ["--track", dir + "/plain.bedgraph"], "roc_auc")
        let aucAfter = try evalColumn(dir, ["--track", dir + "/adapted.bedgraph"], "roc_auc")
        XCTAssertGreaterThan(aucAfter, aucBefore + 0.01, "window track ROC-AUC \(aucBefore) without --adapt, \(aucAfter) with it")
        XCTAssertEqual(try evalColumn(dir, ["--adapt"], "roc_auc"), aucAfter)
        // The fine-tuning splits its mini-batches the same way whatever -t: the same track.
        let oneThread = try CLIRunner.run(["--raw", "--adapt", "-t", "1", dir + "/g.fa"])
        XCTAssertEqual(oneThread.stdoutText, try String(contentsOfFile: dir + "/adapted.bedgraph", encoding: .utf8))
        // With regions only the statistics adapt: the track is the network's own, with a warning.
        XCTAssertEqual(try CLIRunner.run([], shell: "samtools faidx '\(dir)/g.fa'").status, 0)
        let region = try CLIRunner.run(["--raw", "--adapt", "-r", "synthetic", dir + "/g.fa"])
        XCTAssertEqual(region.status, 0, region.stderrText)
        XCTAssertEqual(region.stderrText, "codingscan: warning: --adapt: the network is not fine-tuned: regions are scanned\n")
        XCTAssertEqual(region.stdoutText, try String(contentsOfFile: dir + "/plain.bedgraph", encoding: .utf8))
        // The decoder's outputs are never fine-tuned for: regions change nothing and warn of nothing.
        let regionCalls = try CLIRunner.run(["-f", "gff", "--adapt", "-r", "synthetic", dir + "/g.fa"])
        XCTAssertEqual(regionCalls.status, 0, regionCalls.stderrText)
        XCTAssertEqual(regionCalls.stderrText, "")
        XCTAssertEqual(calls(regionCalls.stdoutText), calls(try String(contentsOfFile: dir + "/adapted.gff", encoding: .utf8)))
        let reusedTrack = try CLIRunner.run(["--raw", "-m", dir + "/tuned.safetensors", dir + "/g.fa"])
        let body = { (text: String) in text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.hasPrefix("track") } }
        XCTAssertEqual(body(reusedTrack.stdoutText), body(try String(contentsOfFile: dir + "/adapted.bedgraph", encoding: .utf8)))
        // The decoded track (the default bedGraph) too: a species model decodes with --adapt's posterior temperature.
        let adaptedDecoded = try CLIRunner.run(["--adapt", dir + "/g.fa"])
        XCTAssertEqual(adaptedDecoded.status, 0, adaptedDecoded.stderrText)
        let reusedDecoded = try CLIRunner.run(["-m", dir + "/species.safetensors", dir + "/g.fa"])
        XCTAssertEqual(body(reusedDecoded.stdoutText), body(adaptedDecoded.stdoutText))

        // Standard input is spooled: the same calls as from the file (only the command line differs).
        let spoolDirectory = dir + "/tmp"
        try FileManager.default.createDirectory(atPath: spoolDirectory, withIntermediateDirectories: true)
        let piped = try CLIRunner.run(["-f", "gff", "--adapt", "-"], stdinData: Data(genome.fasta.utf8),
                                      environment: ["TMPDIR": spoolDirectory])
        XCTAssertEqual(piped.status, 0, piped.stderrText)
        let withoutCommand = { (text: String) in text.split(separator: "\n").filter { !$0.hasPrefix("# command=") } }
        XCTAssertEqual(withoutCommand(piped.stdoutText), withoutCommand(try String(contentsOfFile: dir + "/adapted.gff", encoding: .utf8)))
        // The spooled copy went to TMPDIR and is gone.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: spoolDirectory), [])
    }
}
