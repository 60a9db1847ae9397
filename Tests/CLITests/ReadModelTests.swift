import Foundation
import XCTest

/// The read model (issue 17): records shorter than the window are scored whole by the read model, longer
/// ones by the model's windows as before; `--read-model FILE|none` and `--min-length` choose and bound it.
final class ReadModelTests: XCTestCase {
    /// The tiny fixture model's expected probabilities (an independent numpy forward pass), by name.
    static func tinyExpected() throws -> [(name: String, sequence: String, plus: Double, minus: Double)] {
        let text = try String(contentsOf: CLIRunner.root.appendingPathComponent("fixtures/models/tiny-expected.tsv"),
                              encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { line in
            let f = line.split(separator: "\t").map(String.init)
            return (f[0], f[1], Double(f[2])!, Double(f[3])!)
        }
    }

    /// TSV rows (name, start, end, p_plus, p_minus, frame_plus, frame_minus) of a run's stdout.
    static func rows(_ text: String) -> [[String]] {
        text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.hasPrefix("sequence\t") }
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    /// Each record shorter than twice the read model's window (the tiny fixture's 60: 120 bases; its numpy
    /// reference gives the expected values) is one window scored by the read model; the 200-base ones
    /// are one window of the built-in model; records shorter than the read model's minimum (20) are
    /// skipped with a warning.
    func testShortRecordsAreScoredWholeByTheReadModel() throws {
        let dir = try CLIRunner.temporaryDirectory("readmodel")
        let expected = try Self.tinyExpected()
        let fasta = ">too_short\nACGTACGTACGTACGTACG\n" + expected.map { ">\($0.name)\n\($0.sequence)\n" }.joined()
        try fasta.write(toFile: "\(dir)/short.fa", atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["--read-model", "fixtures/models/tiny.safetensors", "-f", "tsv", "\(dir)/short.fa"])
        XCTAssertEqual(r.status, 0, r.stderrText)
        let rows = Self.rows(r.stdoutText)
        XCTAssertEqual(rows.map { $0[0] }, expected.map(\.name))
        let none = Self.rows(try CLIRunner.run(["--read-model", "none", "-f", "tsv", "\(dir)/short.fa"]).stdoutText)
        XCTAssertEqual(rows.filter { Int($0[2])! >= 120 }, none)
        XCTAssertEqual(none.map { $0[2] }, ["200", "200"])
        for (row, want) in zip(rows, expected) where want.sequence.count < 120 {
            XCTAssertEqual(row[1], "0")
            XCTAssertEqual(row[2], String(want.sequence.count))
            // Windows with fewer than half of their bases A/C/G/T (U counts as T) are not scored.
            let unambiguous = want.sequence.uppercased().filter { "ACGTU".contains($0) }.count
            if 2 * unambiguous < want.sequence.count {
                XCTAssertEqual(row[3...4], ["NA", "NA"], want.name)
                continue
            }
            XCTAssertEqual(Double(row[3])!, want.plus, accuracy: 6e-5, want.name)
            XCTAssertEqual(Double(row[4])!, want.minus, accuracy: 6e-5, want.name)
        }
        XCTAssertTrue(r.stderrText.contains("1 of \(expected.count + 1) sequences shorter than 20 bp were not scored "
            + "(first: \(dir)/short.fa: record 'too_short' (line 1))"), r.stderrText)
        XCTAssertTrue(r.stdoutText.contains("##read_model=tiny-fixture\n"), r.stdoutText)
        XCTAssertTrue(r.stdoutText.contains("##read_model_sha256="), r.stdoutText)
    }

    /// A record of at least the window is scored by the model's windows, exactly as without a read model.
    func testLongRecordsKeepTheModelsWindows() throws {
        let with = try CLIRunner.run(["--read-model", "fixtures/models/tiny.safetensors", "-f", "bedgraph",
                                      "fixtures/real/pPCP1.fa.gz"])
        let without = try CLIRunner.run(["--read-model", "none", "-f", "bedgraph", "fixtures/real/pPCP1.fa.gz"])
        XCTAssertEqual(with.status, 0, with.stderrText)
        XCTAssertEqual(with.stdoutText, without.stdoutText)
        XCTAssertGreaterThan(with.stdout.count, 1000)
    }

    /// `--read-model none` scores short records with the model itself, down to its minimum (113 bases for
    /// the built-in model): 100 bp reads are then not scored at all (an empty track and a warning).
    func testNoReadModelSkipsReadsBelowTheModelsMinimum() throws {
        let r = try CLIRunner.run(["--read-model", "none", "-f", "tsv", "fixtures/seq/reads-100.bam"])
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stderrText.contains("40 of 40 sequences shorter than 113 bp were not scored"), r.stderrText)
        XCTAssertEqual(Self.rows(r.stdoutText).count, 0)
        XCTAssertFalse(r.stdoutText.contains("##read_model="))
    }

    /// `--min-length` skips records below it and may not go below what the models accept, nor above the
    /// window.
    func testMinLength() throws {
        let tiny = "fixtures/models/tiny.safetensors"
        let r = try CLIRunner.run(["--read-model", tiny, "--min-length", "100", "-f", "tsv", "fixtures/seq/reads-mixed.fq"])
        XCTAssertEqual(r.status, 0, r.stderrText)
        let lengths = Self.rows(r.stdoutText).map { Int($0[2])! - Int($0[1])! }
        XCTAssertFalse(lengths.isEmpty)
        XCTAssertTrue(lengths.allSatisfy { $0 >= 100 }, "\(lengths)")
        XCTAssertTrue(r.stderrText.contains("3 of 11 sequences shorter than 100 bp were not scored"), r.stderrText)
        for (value, status) in [("19", Int32(64)), ("361", 64), ("0", 64), ("20", 0), ("360", 0)] {
            let bad = try CLIRunner.run(["--read-model", tiny, "--min-length", value, "-f", "tsv", "fixtures/seq/reads-mixed.fq"])
            XCTAssertEqual(bad.status, status, value + ": " + bad.stderrText)
        }
        let low = try CLIRunner.run(["--read-model", tiny, "--min-length", "19", "fixtures/seq/reads-mixed.fq"])
        XCTAssertEqual(low.stderrText, "codingscan: --min-length 19 is outside 20...360 (the shortest record models "
            + "'codingscan-default' and 'tiny-fixture' score, and the window)\n")
    }

    /// A read model trained by `codingscan train` on short windows (saved, loaded) scores each short read
    /// exactly as the same network does as the model with one window per record, and `model-info` shows
    /// its window and minimum length.
    func testTrainedReadModelRoundTrip() throws {
        let dir = try CLIRunner.temporaryDirectory("readmodel-train")
        let model = "\(dir)/read.safetensors"
        let train = try CLIRunner.run(["train", "--genome", "fixtures/real/pPCP1.fa.gz", "--annotation",
                                       "fixtures/real/pPCP1.gff3.gz", "--validate-genome", "fixtures/real/pPCP1.fa.gz",
                                       "--validate-annotation", "fixtures/real/pPCP1.gff3.gz", "--epochs", "1", "--windows-per-epoch", "256",
                                       "--validation-windows", "64", "--threads", "1", "--channels", "8,8",
                                       "--kernels", "9,5", "--pools", "3,1", "--pool-kinds", "subsample,max", "--hidden", "4",
                                       "--window", "80", "--label-span", "80", "--min-length", "40", "--smooth", "0",
                                       "--orf-gate", "0", "--mutation-rate", "0.01", "--reproducible", "-q", "-o", model])
        XCTAssertEqual(train.status, 0, train.stderrText)
        let info = try CLIRunner.run(["model-info", model]).stdoutText
        XCTAssertTrue(info.contains("window:            80 bases\n"), info)
        XCTAssertTrue(info.contains("min length:        40 bases\n"), info)
        let asRead = try CLIRunner.run(["--read-model", model, "-f", "tsv", "fixtures/seq/reads-mixed.fq"])
        XCTAssertEqual(asRead.status, 0, asRead.stderrText)
        let asModel = try CLIRunner.run(["-m", model, "-w", "360", "--read-model", "none", "-f", "tsv",
                                         "fixtures/seq/reads-mixed.fq"])
        XCTAssertEqual(asModel.status, 0, asModel.stderrText)
        // Reads of 40 to 159 bases (under twice the read model's window): one row each, the same
        // probabilities both ways.
        let reads = Self.rows(asRead.stdoutText).filter { Int($0[2])! < 160 }
        XCTAssertEqual(reads.count, 6)
        XCTAssertEqual(reads, Self.rows(asModel.stdoutText).filter { Int($0[2])! < 160 })
    }

    /// `train --epochs 0 --read-hexamers --initial-model FILE` adds the training genomes' read hexamers
    /// to a model without training it: the network is the same, `model-info` shows the tables, and the
    /// reads it scores (and only they) move; `--epochs 0` alone is refused.
    func testReadHexamersMoveTheReadScoresOnly() throws {
        let dir = try CLIRunner.temporaryDirectory("readmodel-hexamers")
        let model = "\(dir)/read.safetensors"
        let genome = ["--genome", "fixtures/real/pPCP1.fa.gz", "--annotation", "fixtures/real/pPCP1.gff3.gz"]
        let add = try CLIRunner.run(["train", "--epochs", "0", "--read-hexamers", "--initial-model",
                                     "fixtures/models/tiny.safetensors", "-o", model] + genome)
        XCTAssertEqual(add.status, 0, add.stderrText)
        XCTAssertEqual(add.stderrText, "codingscan: wrote \(model): read hexamers of 1 genome at GC 0.20, 0.30, 0.40, 0.50, "
            + "0.60, 0.70, 0.80\n")
        let info = try CLIRunner.run(["model-info", model]).stdoutText
        XCTAssertTrue(info.contains("read hexamers:     7 tables at GC 0.20 to 0.80, weight 0.50 at 150 bases, stop codon -2.00"), info)
        XCTAssertTrue(info.contains("\"genome\": \"real/pPCP1.fa.gz\""), info)
        let section = { (text: String) in text.components(separatedBy: "layers:")[1].components(separatedBy: "read hexamers:")[0] }
        let tiny = try CLIRunner.run(["model-info", "fixtures/models/tiny.safetensors"]).stdoutText
        XCTAssertEqual(section(info), section(tiny).components(separatedBy: "provenance:")[0])
        let with = Self.rows(try CLIRunner.run(["--read-model", model, "-f", "tsv", "fixtures/seq/reads-mixed.fq"]).stdoutText)
        let without = Self.rows(try CLIRunner.run(["--read-model", "fixtures/models/tiny.safetensors", "-f", "tsv",
                                                   "fixtures/seq/reads-mixed.fq"]).stdoutText)
        XCTAssertEqual(with.map { $0[0...2] }, without.map { $0[0...2] })
        let short = zip(with, without).filter { Int($0.0[2])! < 120 }
        XCTAssertGreaterThan(short.count, 3)
        XCTAssertTrue(short.allSatisfy { $0.0[3...4] != $0.1[3...4] }, "every read scored by the read model moves")
        XCTAssertEqual(zip(with, without).filter { Int($0.0[2])! >= 120 }.map(\.0), zip(with, without).filter { Int($0.0[2])! >= 120 }.map(\.1))
        // An annotation without CDS gives no statistics: refused, nothing written.
        let empty = "\(dir)/empty.gff3"
        try "##gff-version 3\n".write(toFile: empty, atomically: true, encoding: .utf8)
        let none = try CLIRunner.run(["train", "--epochs", "0", "--read-hexamers", "--initial-model", "fixtures/models/tiny.safetensors",
                                      "--genome", "fixtures/real/pPCP1.fa.gz", "--annotation", empty, "-o", "\(dir)/none.safetensors"])
        XCTAssertEqual(none.status, 1, none.stderrText)
        XCTAssertEqual(none.stderrText, "codingscan: --read-hexamers: real/pPCP1.fa.gz has no CDS of 8 bases or more in its annotation\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(dir)/none.safetensors"))
        for extra in [[], ["--initial-model", "default"], ["--read-hexamers"]] {
            let refused = try CLIRunner.run(["train", "--epochs", "0", "-o", "\(dir)/x.safetensors"] + extra + genome)
            XCTAssertEqual(refused.status, 64, refused.stderrText)
            XCTAssertTrue(refused.stderrText.contains("--epochs 0 needs --read-hexamers and --initial-model FILE"), refused.stderrText)
        }
    }

    /// The TSV's best frames: reads of 100 to 102 bases cut from pPCP1's CDS at every codon offset, and
    /// their reverse complements; on the gene's strand the frame is where the gene's codons start in the
    /// read (or in its reverse complement), a read and its reverse complement swap their frames, and
    /// windows of a long sequence have none.
    func testBestFramesOfReads() throws {
        let dir = try CLIRunner.temporaryDirectory("readmodel-frames")
        let genome = try CLIRunner.run([], shell: "gzip -dc fixtures/real/pPCP1.fa.gz").stdoutText
            .split(separator: "\n").filter { !$0.hasPrefix(">") }.joined().uppercased()
        let bases = Array(genome.utf8)
        let gff = try CLIRunner.run([], shell: "gzip -dc fixtures/real/pPCP1.gff3.gz").stdoutText
        let cds = gff.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
            .filter { $0.count > 8 && $0[2] == "CDS" }.map { (start: Int($0[3])! - 1, end: Int($0[4])!, plus: $0[6] == "+") }
            .filter { $0.end - $0.start >= 300 }
        XCTAssertGreaterThan(cds.count, 4)
        let complement: [UInt8: UInt8] = [65: 84, 67: 71, 71: 67, 84: 65]
        func reverseComplement(_ s: [UInt8]) -> [UInt8] { s.reversed().map { complement[$0] ?? 78 } }
        var fasta = "", truth: [String: (plus: Bool, frame: Int)] = [:]
        for (g, gene) in cds.enumerated() {
            for offset in 0..<3 {
                let length = 100 + offset, start = gene.start + 30 + 7 * offset
                let read = Array(bases[start..<(start + length)])
                // Plus genes' codons start at gene.start; minus genes' at gene.end − 1, read downwards.
                let frame = gene.plus ? ((gene.start - start) % 3 + 3) % 3 : ((start + length - gene.end) % 3 + 3) % 3
                fasta += ">g\(g)_\(offset)\n\(String(decoding: read, as: UTF8.self))\n"
                fasta += ">g\(g)_\(offset)_rc\n\(String(decoding: reverseComplement(read), as: UTF8.self))\n"
                truth["g\(g)_\(offset)"] = (gene.plus, frame)
                truth["g\(g)_\(offset)_rc"] = (!gene.plus, frame)
            }
        }
        try fasta.write(toFile: "\(dir)/reads.fa", atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["-f", "tsv", "\(dir)/reads.fa"])
        XCTAssertEqual(r.status, 0, r.stderrText)
        XCTAssertTrue(r.stdoutText.contains("#chrom\tstart\tend\tp_plus\tp_minus\tframe_plus\tframe_minus\n"), r.stdoutText)
        let rows = Self.rows(r.stdoutText)
        XCTAssertEqual(rows.count, truth.count)
        var right = 0
        var frames: [String: (String, String)] = [:]
        for row in rows {
            let want = truth[row[0]]!
            XCTAssertTrue(["0", "1", "2"].contains(row[5]) && ["0", "1", "2"].contains(row[6]), row.joined(separator: " "))
            if row[want.plus ? 5 : 6] == String(want.frame) { right += 1 }
            frames[row[0]] = (row[5], row[6])
        }
        // 42 of 48: every read of YP_pPCP04 (a hypothetical protein) reads best one frame over.
        XCTAssertGreaterThanOrEqual(Double(right) / Double(rows.count), 0.85, "\(right) of \(rows.count) frames right")
        for name in truth.keys where !name.hasSuffix("_rc") {
            XCTAssertEqual(frames[name]!.0, frames[name + "_rc"]!.1, name)
            XCTAssertEqual(frames[name]!.1, frames[name + "_rc"]!.0, name)
        }
        let long = Self.rows(try CLIRunner.run(["-f", "tsv", "fixtures/real/pPCP1.fa.gz"]).stdoutText)
        XCTAssertGreaterThan(long.count, 100)
        XCTAssertTrue(long.allSatisfy { $0[5] == "NA" && $0[6] == "NA" })
    }

    /// Reads scored by the built-in read model (its read hexamers included) give the same bytes for any
    /// thread count, in TSV and in the decoded bedGraph.
    func testReadScoresAreTheSameForEveryThreadCount() throws {
        for format in ["tsv", "bedgraph"] {
            let outputs = try ["1", "2", "5"].map { threads in
                let r = try CLIRunner.run(["-f", format, "-t", threads, "fixtures/seq/reads-mixed.fq", "fixtures/seq/reads-100.bam"])
                XCTAssertEqual(r.status, 0, r.stderrText)
                return r.stdoutText.split(separator: "\n").filter { !$0.contains("command=") }
            }
            XCTAssertGreaterThan(outputs[0].count, 10, format)
            XCTAssertEqual(outputs[0], outputs[1], format)
            XCTAssertEqual(outputs[0], outputs[2], format)
        }
    }

    /// `--adapt` on a sample of reads scores them with hexamers learnt from the sample (the reads the
    /// read model scores coding), in place of the model's GC tables: 2,000 reads of pPCP1 move, the
    /// same bytes for 1 and 3 threads; a sample with too few reads scored coding keeps the GC tables.
    func testAdaptLearnsTheReadsOwnHexamers() throws {
        let dir = try CLIRunner.temporaryDirectory("readmodel-adapt")
        let fasta = try CLIRunner.run([], shell: "gzip -dc fixtures/real/pPCP1.fa.gz").stdoutText
        let genome = Array(fasta.split(separator: "\n").dropFirst().joined())
        var state: UInt64 = 5
        /// `count` reads of `length` bases from uniform positions of the genome, as FASTQ.
        func reads(_ count: Int, length: Int, name: String) -> String {
            (0..<count).map { k in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                let start = Int(state >> 33) % (genome.count - length)
                return "@\(name)\(k)\n\(String(genome[start..<(start + length)]))\n+\n\(String(repeating: "I", count: length))\n"
            }.joined()
        }
        let fastq = reads(2_000, length: 100, name: "r")
        try fastq.write(toFile: "\(dir)/reads.fq", atomically: true, encoding: .utf8)
        let plain = Self.rows(try CLIRunner.run(["-q", "-f", "tsv", "\(dir)/reads.fq"]).stdoutText)
        let adapted = try ["1", "3"].map { threads in
            let r = try CLIRunner.run(["-q", "--adapt", "-f", "tsv", "-t", threads, "\(dir)/reads.fq"])
            XCTAssertEqual(r.status, 0, r.stderrText)
            return Self.rows(r.stdoutText)
        }
        XCTAssertEqual(adapted[0].count, 2_000)
        XCTAssertEqual(adapted[0], adapted[1], "the same bytes for any thread count")
        XCTAssertEqual(adapted[0].map { $0[0] }, plain.map { $0[0] })
        let moved = zip(adapted[0], plain).filter { $0.0[3...4] != $0.1[3...4] }.count
        XCTAssertGreaterThan(moved, 1_500, "the reads' own hexamers move their scores")
        // 300 reads: fewer than 1,000 scored coding, the model's GC tables stay.
        let few = fastq.split(separator: "\n").prefix(4 * 300).joined(separator: "\n") + "\n"
        try few.write(toFile: "\(dir)/few.fq", atomically: true, encoding: .utf8)
        let fewPlain = try CLIRunner.run(["-q", "-f", "tsv", "\(dir)/few.fq"]).stdoutText
        let fewAdapted = try CLIRunner.run(["-q", "--adapt", "-f", "tsv", "\(dir)/few.fq"]).stdoutText
        XCTAssertEqual(Self.rows(fewAdapted), Self.rows(fewPlain))
        // 1,300 reads of 75 bases: under the gene decoder's 100,000 bases, but enough coding reads; the
        // warning says which half adapted.
        let short = reads(1_300, length: 75, name: "s")
        try short.write(toFile: "\(dir)/short.fq", atomically: true, encoding: .utf8)
        let halfAdapted = try CLIRunner.run(["--adapt", "-f", "tsv", "\(dir)/short.fq"])
        XCTAssertEqual(halfAdapted.status, 0)
        XCTAssertTrue(halfAdapted.stderrText.contains("adapting needs 100000 and 50: the gene decoder is not adapted (the reads are)"),
                      halfAdapted.stderrText)
        XCTAssertNotEqual(Self.rows(halfAdapted.stdoutText), Self.rows(try CLIRunner.run(["-q", "-f", "tsv", "\(dir)/short.fq"]).stdoutText))
    }

    /// A missing or broken read model fails before anything is written, naming the file.
    func testBadReadModel() throws {
        let r = try CLIRunner.run(["--read-model", "fixtures/models/nope.safetensors", "fixtures/seq/reads-mixed.fq"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderrText.hasPrefix("codingscan: fixtures/models/nope.safetensors: cannot open"), r.stderrText)
        XCTAssertEqual(r.stdout.count, 0)
    }

    /// Output never replaces the read model it names.
    func testOutputNeverReplacesTheReadModel() throws {
        let dir = try CLIRunner.temporaryDirectory("readmodel-out")
        let copy = "\(dir)/read.safetensors"
        try FileManager.default.copyItem(atPath: CLIRunner.root.appendingPathComponent("fixtures/models/tiny.safetensors").path,
                                         toPath: copy)
        let before = try Data(contentsOf: URL(fileURLWithPath: copy))
        let r = try CLIRunner.run(["--read-model", copy, "-o", copy, "fixtures/seq/reads-mixed.fq"])
        XCTAssertEqual(r.status, 64, r.stderrText)
        XCTAssertTrue(r.stderrText.contains("the read model (--read-model)"), r.stderrText)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: copy)), before)
    }
}
