import Foundation
import XCTest

/// Runs the scale-out workflow `scripts/snakemake/Snakefile` locally on two genomes (a generated
/// multi-contig one, with a contig too short to score and names that samtools would read as regions,
/// and the bundled plasmid, gzip-compressed) and checks that each merged bedGraph is byte-identical to
/// one whole-genome `codingscan` run, and that each bigWig (`bigwig=true`, written from the merged
/// bedGraph by `bedgraph_to_bigwig.py` with pyBigWig) is byte-identical to `codingscan -f bigwig` of
/// the genome. Skips when `snakemake` or `samtools` is not installed, the bigWig tests also when
/// `python3` cannot import pyBigWig.
final class SnakemakeTests: XCTestCase {
    /// Contigs of the generated genome: name, length. Deterministic bases (a fixed LCG).
    static let contigs: [(String, Int)] = [("chr1", 700), ("chr2:1-50", 260), ("short", 12), ("c|3", 333),
                                           ("chr4", 95)]
    static let model = CLIRunner.root.appendingPathComponent("fixtures/models/tiny.safetensors").path
    static let plasmid = CLIRunner.root.appendingPathComponent("fixtures/real/pPCP1.fa.gz").path
    static let converter = CLIRunner.root.appendingPathComponent("scripts/snakemake/bedgraph_to_bigwig.py").path

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

    static func quoted(_ words: [String]) -> String {
        words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
    }

    /// Skips unless every tool is on PATH and, with `pyBigWig`, python3 can import pyBigWig.
    func require(_ tools: [String], pyBigWig: Bool = false) throws {
        for tool in tools {
            let which = try CLIRunner.run([], shell: "command -v \(tool)")
            if which.status != 0 {
                throw XCTSkip("\(tool) is not installed (pip install snakemake; apt-get install samtools)")
            }
        }
        if pyBigWig, try CLIRunner.run([], shell: "python3 -c 'import pyBigWig'").status != 0 {
            throw XCTSkip("python3 cannot import pyBigWig (pip install pyBigWig==0.3.29)")
        }
    }

    /// A fresh temporary directory (removed by the caller).
    func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("codingscan-snakemake-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Writes the generated genome and the sample sheet into `dir` and runs the workflow there with
    /// `-s 7`, the tiny model and `extra` config; returns the samples (name, FASTA path).
    @discardableResult
    func runWorkflow(in dir: URL, extra: [String] = []) throws -> [(String, String)] {
        let generated = dir.appendingPathComponent("generated.fa")
        try Self.genome().write(to: generated, atomically: true, encoding: .utf8)
        let samples = dir.appendingPathComponent("samples.tsv")
        try "sample\tfasta\ngenerated\t\(generated.path)\npPCP1\t\(Self.plasmid)\n"
            .write(to: samples, atomically: true, encoding: .utf8)
        let args = ["snakemake", "-s", "scripts/snakemake/Snakefile", "--cores", "2", "--directory", dir.path,
                    "--config", "samples=\(samples.path)", "codingscan=\(CLIRunner.binary.path)",
                    "model=\(Self.model)", "threads=2", "args=-s 7"] + extra
        let run = try CLIRunner.run([], shell: Self.quoted(args))
        XCTAssertEqual(run.status, 0, "snakemake failed:\n\(run.stderrText.suffix(3000))")
        return [("generated", generated.path), ("pPCP1", Self.plasmid)]
    }

    func testWorkflowMatchesWholeGenomeRuns() throws {
        try require(["snakemake", "samtools"])
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (sample, genome) in try runWorkflow(in: dir) {
            let merged = dir.appendingPathComponent("results/\(sample).bedGraph")
            let whole = try CLIRunner.run(["-m", Self.model, "-s", "7", genome])
            XCTAssertEqual(whole.status, 0, whole.stderrText)
            XCTAssertFalse(whole.stdout.isEmpty)
            XCTAssertEqual(try? Data(contentsOf: merged), whole.stdout, "\(sample): merged shards differ from one run")
            // bigWig is off unless asked for.
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("results/\(sample).bw").path))
        }
        // Every scorable contig kept its name (the one shorter than the model's 20 bp has no lines).
        let merged = try String(contentsOf: dir.appendingPathComponent("results/generated.bedGraph"), encoding: .utf8)
        let names = merged.split(separator: "\n").map { String($0.split(separator: "\t")[0]) }
        var seen: [String] = []
        for name in names where seen.last != name { seen.append(name) }
        XCTAssertEqual(seen, ["chr1", "chr2:1-50", "c|3", "chr4"])
    }

    /// Every sequence (name, length) in header order, then every interval with its value, as pyBigWig reads them.
    static let dumpBigWig = """
        import sys, pyBigWig
        bw = pyBigWig.open(sys.argv[1])
        chroms = list(bw.chroms().items())
        for name, length in chroms:
            print("chrom", name, length, sep="\\t")
        for name, _ in chroms:
            for start, end, value in bw.intervals(name) or []:
                print(name, start, end, repr(value), sep="\\t")
        """

    func dump(_ path: String) throws -> String {
        let run = try CLIRunner.run([], shell: Self.quoted(["python3", "-c", Self.dumpBigWig, path]))
        XCTAssertEqual(run.status, 0, "\(path): \(run.stderrText)")
        return run.stdoutText
    }

    func testWorkflowBigWigIsCodingscansBigWig() throws {
        try require(["snakemake", "samtools"], pyBigWig: true)
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (sample, genome) in try runWorkflow(in: dir, extra: ["bigwig=true"]) {
            let made = dir.appendingPathComponent("results/\(sample).bw").path
            let whole = dir.appendingPathComponent("whole-\(sample).bw").path
            let run = try CLIRunner.run(["-m", Self.model, "-s", "7", "-f", "bigwig", "-o", whole, genome])
            XCTAssertEqual(run.status, 0, run.stderrText)
            // Same sequences, lengths, intervals and values (readable on failure) ...
            let expected = try dump(whole)
            XCTAssertEqual(try dump(made), expected, "\(sample): workflow bigWig reads back differently")
            // ... and in fact the same bytes (pyBigWig and codingscan both write through libBigWig).
            XCTAssertEqual(FileManager.default.contents(atPath: made), FileManager.default.contents(atPath: whole),
                           "\(sample): workflow bigWig differs from codingscan -f bigwig")
            let intervals = expected.split(separator: "\n").filter { !$0.hasPrefix("chrom\t") }
            XCTAssertGreaterThan(intervals.count, 10, "\(sample): too few intervals to compare")
        }
        // The header lists every .fai sequence in FASTA order, the unscored short contig too.
        let header = try dump(dir.appendingPathComponent("results/generated.bw").path)
            .split(separator: "\n").filter { $0.hasPrefix("chrom\t") }.map(String.init)
        XCTAssertEqual(header, Self.contigs.map { "chrom\t\($0.0)\t\($0.1)" })
    }

    func testBigWigNeedsBedGraphFormat() throws {
        try require(["snakemake"])
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let samples = dir.appendingPathComponent("samples.tsv")
        try "sample\tfasta\npPCP1\t\(Self.plasmid)\n".write(to: samples, atomically: true, encoding: .utf8)
        let args = ["snakemake", "-n", "-s", "scripts/snakemake/Snakefile", "--cores", "1", "--directory", dir.path,
                    "--config", "samples=\(samples.path)", "format=bed", "bigwig=true"]
        let run = try CLIRunner.run([], shell: Self.quoted(args))
        XCTAssertNotEqual(run.status, 0)
        // Snakemake reports errors in the Snakefile on stdout.
        let said = run.stdoutText + run.stderrText
        XCTAssertTrue(said.contains("config 'bigwig: true' needs 'format: bedgraph'"), said)
    }

    func testConverterRejectsUnsortedBedGraph() throws {
        try require([], pyBigWig: true)
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fai = dir.appendingPathComponent("genome.fa.fai").path
        let bedGraph = dir.appendingPathComponent("track.bedGraph").path
        let output = dir.appendingPathComponent("track.bw").path
        try "a\t100\t3\t60\t61\nb\t50\t110\t60\t61\n".write(toFile: fai, atomically: true, encoding: .utf8)
        try "b\t0\t10\t0.5000\na\t0\t10\t0.2500\n".write(toFile: bedGraph, atomically: true, encoding: .utf8)
        let run = try CLIRunner.run([], shell: Self.quoted(["python3", Self.converter, fai, bedGraph, output]))
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stderrText, "bedgraph_to_bigwig.py: \(bedGraph): line 2: sequence 'a' is out of the "
            + "order of \(fai)\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(),
                       ["genome.fa.fai", "track.bedGraph"], "no output or partial file is left")
    }
}
