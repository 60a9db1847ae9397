import Foundation
import XCTest

/// codingscan between the real tools of a genomics pipeline: samtools faidx/view/fastq, bgzip and
/// tabix (installed by .ci/run; each test skips where one is missing). bedtools is covered by
/// BedtoolsTests.
final class PipelineToolTests: XCTestCase {
    let model = "fixtures/models/tiny.safetensors"
    var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("pipeline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let scratch { try? FileManager.default.removeItem(at: scratch) }
    }

    /// Skips the test unless every tool is on the PATH.
    private func require(_ tools: String...) throws {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for tool in tools {
            let found = path.split(separator: ":").contains {
                FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)")
            }
            if !found { throw XCTSkip("\(tool) is not installed (apt-get install samtools tabix)") }
        }
    }

    /// Runs a shell script in the package root with `$T` the scratch directory; fails on a non-zero status.
    private func sh(_ script: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let r = try CLIRunner.run([], shell: "set -e\n" + script, environment: ["T": scratch.path])
        XCTAssertEqual(r.status, 0, "stderr: \(r.stderrText)", file: file, line: line)
        return r.stdoutText
    }

    /// Data lines (no `#`/`##` header or provenance lines).
    private func data(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
    }

    /// `lines` with column 1 renamed to `name` and columns 2-3 shifted by `offset`.
    private func shifted(_ lines: [String], name: String, by offset: Int) -> [String] {
        lines.map { line in
            var f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            f[0] = name
            f[1] = String(Int(f[1])! + offset)
            f[2] = String(Int(f[2])! + offset)
            return f.joined(separator: "\t")
        }
    }

    /// (a) `samtools faidx ref.fa R | codingscan` is `codingscan -r R ref.fa` once its record is renamed
    /// to the contig and its coordinates moved by the region start (plain and bgzip FASTA).
    func testSamtoolsFaidxRegionMatchesRegionOption() throws {
        try require("samtools", "bgzip")
        _ = try sh("""
            gzip -dc fixtures/real/pPCP1.fa.gz > "$T/ref.fa"
            samtools faidx "$T/ref.fa"
            bgzip -c "$T/ref.fa" > "$T/ref.fa.bgz"
            samtools faidx "$T/ref.fa.bgz"
            """)
        let region = "NC_005816.1:1001-6000"
        for (format, modelArgs) in [("bedgraph", "-m \(model)"), ("bed", "-m \(model) --raw -T 0.45"),
                                    ("tsv", "-m \(model)"), ("bedgraph", "")] {
            let piped = try sh("samtools faidx \"$T/ref.fa\" \(region) | \"$CODINGSCAN\" \(modelArgs) -f \(format)")
            XCTAssertTrue(piped.contains("NC_005816.1:1001-6000\t0\t"), "samtools names the record after the region")
            let expected = shifted(data(piped), name: "NC_005816.1", by: 1000)
            XCTAssertGreaterThan(expected.count, 10)
            for file in ["ref.fa", "ref.fa.bgz"] {
                let direct = try sh("\"$CODINGSCAN\" \(modelArgs) -f \(format) -r \(region) \"$T/\(file)\"")
                XCTAssertEqual(data(direct), expected, "\(format) \(modelArgs) \(file)")
            }
        }
    }

    /// (b) bgzip + tabix index the bedGraph and BED output as written (already sorted), and a tabix
    /// query returns exactly the lines overlapping the region.
    func testTabixIndexesBedGraphAndBed() throws {
        try require("bgzip", "tabix")
        for format in ["bedgraph", "bed"] {
            let plain = try sh("""
                "$CODINGSCAN" -m \(model) -f \(format) -T 0.45 fixtures/real/pPCP1.fa.gz fixtures/seq/two.fa > "$T/out.\(format)"
                bgzip -c "$T/out.\(format)" > "$T/out.\(format).gz"
                tabix -p bed "$T/out.\(format).gz"
                cat "$T/out.\(format)"
                """)
            let lines = data(plain)
            var found = 0
            for (contig, start, end) in [("NC_005816.1", 2000, 3000), ("NC_005816.1", 0, 150), ("alpha", 500, 501)] {
                let expected = lines.filter { line in
                    let f = line.split(separator: "\t")
                    return f[0] == contig && Int(f[1])! < end && Int(f[2])! > start
                }
                let got = try sh("tabix \"$T/out.\(format).gz\" \(contig):\(start + 1)-\(end)")
                XCTAssertEqual(data(got), expected, "\(format) \(contig):\(start + 1)-\(end)")
                if format == "bedgraph" { XCTAssertFalse(expected.isEmpty, "\(contig):\(start + 1)-\(end) finds bins") }
                found += expected.count
            }
            XCTAssertGreaterThan(found, 0, "\(format): the queries find lines")
        }
    }

    /// (c) BAM through a pipe is the same as the BAM file.
    func testSamtoolsViewPipeMatchesFile() throws {
        try require("samtools")
        for file in ["fixtures/seq/aligned.bam", "fixtures/seq/small.bam", "fixtures/seq/aligned.cram"] {
            let piped = try sh("samtools view -b \(file) | \"$CODINGSCAN\" -m \(model) -f tsv")
            let direct = try sh("\"$CODINGSCAN\" -m \(model) -f tsv \(file)")
            XCTAssertGreaterThan(data(direct).count, 20, file)
            XCTAssertEqual(data(piped), data(direct), file)
        }
    }

    /// (d) `samtools fastq` (primary reads, reverse-strand reads turned back) scores as the BAM does.
    func testSamtoolsFastqRoundTrip() throws {
        try require("samtools")
        for file in ["fixtures/seq/aligned.bam", "fixtures/seq/small.bam"] {
            let viaFastq = try sh("samtools fastq \(file) 2>/dev/null | \"$CODINGSCAN\" -m \(model) -q")
            let direct = try sh("\"$CODINGSCAN\" -m \(model) -q \(file)")
            XCTAssertGreaterThan(data(direct).count, 20, file)
            XCTAssertEqual(viaFastq, direct, file)
        }
    }

    /// (e) `-r` on BAM/CRAM scores exactly the reads `samtools view` reports for the region (primary
    /// alignments: codingscan skips secondary and supplementary ones, as everywhere).
    func testRegionOnAlignmentsMatchesSamtoolsView() throws {
        try require("samtools")
        for file in ["fixtures/seq/aligned.bam", "fixtures/seq/aligned.cram"] {
            for region in ["chr2:101-400", "chr1:1,001-1,200", "chr1", "chr2:1-3"] {
                let names = try sh("samtools view -F 0x900 \(file) \(region) | cut -f1")
                if names.isEmpty {
                    // No reads there: empty output, status 0 (a pipe of no reads is "no records", an error).
                    XCTAssertEqual(try sh("\"$CODINGSCAN\" -m \(model) -r \(region) \(file)"), "", "\(file) \(region)")
                    continue
                }
                let viaSamtools = try sh("samtools view -u -F 0x900 \(file) \(region) | \"$CODINGSCAN\" -m \(model) -f tsv -q")
                let direct = try sh("\"$CODINGSCAN\" -m \(model) -f tsv -q -r \(region) \(file)")
                XCTAssertEqual(data(direct), data(viaSamtools), "\(file) \(region)")
                var seen: [String] = []
                for line in data(direct) {
                    let name = String(line.prefix { $0 != "\t" })
                    if seen.last != name { seen.append(name) }
                }
                XCTAssertEqual(seen, names.split(separator: "\n").map(String.init), "\(file) \(region): the same reads")
            }
        }
    }
}
