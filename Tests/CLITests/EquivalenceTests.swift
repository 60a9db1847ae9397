import Foundation
import XCTest

/// The same sequences in every container give byte-identical tracks.
final class EquivalenceTests: XCTestCase {
    let model = "fixtures/models/tiny.safetensors"
    let forms = ["fixtures/seq/small.fa", "fixtures/seq/small-crlf.fa", "fixtures/seq/small.fa.gz",
                 "fixtures/seq/small.fa.bgz", "fixtures/seq/small.fq", "fixtures/seq/small.sam",
                 "fixtures/seq/small.bam", "fixtures/seq/small.cram"]

    /// The output without TSV's `##command=` and GFF3's `# command=` lines (which name the input).
    static func track(_ r: CLIRunner.Result) -> String {
        r.stdoutText.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("##command=") && !$0.hasPrefix("# command=") }.joined(separator: "\n")
    }

    func testEveryInputFormGivesTheSameTrack() throws {
        // Raw BED bins, and gene calls at a threshold the tiny model reaches (small.fa's ORF record).
        for format in ["bedgraph", "bed --raw", "tsv", "gff -T 0.3"] {
            let options = format.split(separator: " ").map(String.init)
            let reference = try CLIRunner.run(["-m", model, "-f"] + options + ["-q", forms[0]])
            XCTAssertEqual(reference.status, 0, reference.stderrText)
            XCTAssertFalse(reference.stdout.isEmpty)
            for form in forms.dropFirst() {
                let other = try CLIRunner.run(["-m", model, "-f"] + options + ["-q", form])
                XCTAssertEqual(other.status, 0, "\(form): \(other.stderrText)")
                XCTAssertEqual(Self.track(other), Self.track(reference), "\(form) as \(format)")
            }
            for form in [forms[0], "fixtures/seq/small.bam", "fixtures/seq/small.fa.gz"] {
                let piped = try CLIRunner.run(["-m", model, "-f"] + options + ["-q"], stdinFile: form)
                XCTAssertEqual(piped.status, 0, piped.stderrText)
                XCTAssertEqual(Self.track(piped), Self.track(reference), "stdin \(form) as \(format)")
            }
        }
    }

    /// `--precision int8` writes the same bytes whichever kernel variant runs (its sums are integers),
    /// on the genome model's windows and the read model's reads; and not the bytes of the float path.
    func testEightBitTracksAreTheSameOnEveryKernelVariant() throws {
        for input in ["fixtures/real/pPCP1.fa.gz", "fixtures/seq/reads-mixed.fq"] {
            let arguments = ["--precision", "int8", "-f", "tsv", "-q", input]
            let reference = try CLIRunner.run(arguments)
            XCTAssertEqual(reference.status, 0, reference.stderrText)
            for variant in ["portable", "avx2", "avxvnni", "avx512"] {
                let other = try CLIRunner.run(arguments, environment: ["CODINGSCAN_KERNELS": variant])
                XCTAssertEqual(other.status, 0, other.stderrText)
                XCTAssertEqual(other.stdoutText, reference.stdoutText, "\(input) with CODINGSCAN_KERNELS=\(variant)")
            }
            let floats = try CLIRunner.run(["-f", "tsv", "-q", input])
            XCTAssertNotEqual(Self.track(floats), Self.track(reference), input)
        }
    }

    func testWindowCountsMatchTheFormula() throws {
        // two.fa: alpha 1000 bp, beta 383 bp; windows = (L - W) / S + 1.
        let r = try CLIRunner.run(["-m", model, "-f", "tsv", "-w", "40", "-s", "7", "fixtures/seq/two.fa"])
        XCTAssertEqual(r.status, 0)
        let rows = r.stdoutText.split(separator: "\n").dropFirst()
        XCTAssertEqual(rows.filter { $0.hasPrefix("alpha\t") }.count, (1000 - 40) / 7 + 1)
        XCTAssertEqual(rows.filter { $0.hasPrefix("beta\t") }.count, (383 - 40) / 7 + 1)
        let last = rows.last!.split(separator: "\t")
        XCTAssertEqual(last[1], "\((383 - 40) / 7 * 7)")
        XCTAssertEqual(last[2], "\((383 - 40) / 7 * 7 + 40)")
    }

    func testBedGraphTilesEachSequence() throws {
        let r = try CLIRunner.run(["-m", model, "-w", "40", "-s", "7", "fixtures/seq/two.fa"])
        var ends: [String: Int] = [:]
        for line in r.stdoutText.split(separator: "\n") {
            let f = line.split(separator: "\t")
            let (name, start, end) = (String(f[0]), Int(f[1])!, Int(f[2])!)
            XCTAssertEqual(start, ends[name] ?? 0, "bins abut: \(line)")
            XCTAssertLessThan(start, end)
            ends[name] = end
        }
        XCTAssertEqual(ends, ["alpha": 1000, "beta": 383])
    }
}
