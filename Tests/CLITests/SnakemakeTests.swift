import Foundation
import XCTest

/// Runs the scale-out workflow `scripts/snakemake/Snakefile` locally on two genomes (a generated
/// multi-contig one, with a contig too short to score and names that samtools would read as regions,
/// and the bundled plasmid, gzip-compressed) and checks that each merged bedGraph is byte-identical to
/// one whole-genome `codingscan` run. Skips when `snakemake` or `samtools` is not installed.
final class SnakemakeTests: XCTestCase {
    /// Contigs of the generated genome: name, length. Deterministic bases (a fixed LCG).
    static let contigs: [(String, Int)] = [("chr1", 700), ("chr2:1-50", 260), ("short", 12), ("c|3", 333),
                                           ("chr4", 95)]

    static func genome() -> String {
        var state: UInt64 = 12345
        var text = ""
        for (name, length) in contigs {
            text += ">\(name) generated contig\n"
            var line = ""
            for _ in 0..<length {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                line.append(["A", "C", "G", "T"][Int(state >> 62)])
                if line.count == 70 { text += line + "\n"; line = "" }
            }
            if !line.isEmpty { text += line + "\n" }
        }
        return text
    }

    func testWorkflowMatchesWholeGenomeRuns() throws {
        for tool in ["snakemake", "samtools"] {
            let which = try CLIRunner.run([], shell: "command -v \(tool)")
            if which.status != 0 {
                throw XCTSkip("\(tool) is not installed (pip install snakemake; apt-get install samtools)")
            }
        }
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("codingscan-snakemake-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: dir) }
        let generated = dir.appendingPathComponent("generated.fa")
        try Self.genome().write(to: generated, atomically: true, encoding: .utf8)
        let plasmid = CLIRunner.root.appendingPathComponent("fixtures/real/pPCP1.fa.gz")
        let samples = dir.appendingPathComponent("samples.tsv")
        try "sample\tfasta\ngenerated\t\(generated.path)\npPCP1\t\(plasmid.path)\n"
            .write(to: samples, atomically: true, encoding: .utf8)
        let model = CLIRunner.root.appendingPathComponent("fixtures/models/tiny.safetensors").path

        let args = ["snakemake", "-s", "scripts/snakemake/Snakefile", "--cores", "2", "--directory", dir.path,
                    "--config", "samples=\(samples.path)", "codingscan=\(CLIRunner.binary.path)", "model=\(model)",
                    "threads=2", "args=-s 7"]
        let quoted = args.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let run = try CLIRunner.run([], shell: quoted)
        XCTAssertEqual(run.status, 0, "snakemake failed:\n\(run.stderrText.suffix(3000))")

        for (sample, genome) in [("generated", generated.path), ("pPCP1", plasmid.path)] {
            let merged = dir.appendingPathComponent("results/\(sample).bedGraph")
            let whole = try CLIRunner.run(["-m", model, "-s", "7", genome])
            XCTAssertEqual(whole.status, 0, whole.stderrText)
            XCTAssertFalse(whole.stdout.isEmpty)
            XCTAssertEqual(try? Data(contentsOf: merged), whole.stdout, "\(sample): merged shards differ from one run")
        }
        // Every scorable contig kept its name (the one shorter than the model's 20 bp has no lines).
        let merged = try String(contentsOf: dir.appendingPathComponent("results/generated.bedGraph"), encoding: .utf8)
        let names = merged.split(separator: "\n").map { String($0.split(separator: "\t")[0]) }
        var seen: [String] = []
        for name in names where seen.last != name { seen.append(name) }
        XCTAssertEqual(seen, ["chr1", "chr2:1-50", "c|3", "chr4"])
    }
}
