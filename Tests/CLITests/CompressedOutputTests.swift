import Foundation
import XCTest

/// `-o NAME.gz` (or `.bgz`) writes BGZF: `bgzip -d` gives the plain track and `tabix` indexes it.
final class CompressedOutputTests: XCTestCase {
    func testGzNameWritesTabixReadyBGZF() throws {
        try CLIRunner.require("tabix", "bgzip", install: "apt-get install tabix")
        let dir = NSTemporaryDirectory() + "codingscan-bgzf-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let model = "fixtures/models/tiny.safetensors"
        // Eight renamed copies of pPCP1 at step 1: a track several 65,280-byte BGZF blocks long.
        let genome = dir + "/eight.fa"
        XCTAssertEqual(try CLIRunner.run([], shell: """
            for i in 1 2 3 4 5 6 7 8; do gzip -cd fixtures/real/pPCP1.fa.gz | sed "s/^>.*/>copy$i/"; done > '\(genome)'
            """).status, 0)
        for (format, name) in [("bedgraph", "t.bedgraph.gz"), ("bed", "t.bed.bgz"), ("tsv", "t.tsv.gz")] {
            let path = dir + "/" + name
            let raw = format == "tsv" ? [] : ["--raw"]   // the window bins, not the decoder's runs: many lines
            let written = try CLIRunner.run(["-m", model, "-s", "1", "-f", format, "-o", path] + raw + [genome])
            XCTAssertEqual(written.status, 0, written.stderrText)
            let plain = try CLIRunner.run(["-m", model, "-s", "1", "-f", format] + raw + [genome])
            XCTAssertGreaterThan(plain.stdout.count, 3 * 65_280)
            let round = try CLIRunner.run([], shell: "bgzip -dc '\(path)'")
            XCTAssertEqual(round.status, 0, round.stderrText)
            let withoutCommand = { (text: String) in text.split(separator: "\n").filter { !$0.hasPrefix("##command") } }
            XCTAssertEqual(withoutCommand(round.stdoutText), withoutCommand(plain.stdoutText), format)
            let magic = try Data(contentsOf: URL(fileURLWithPath: path))
            XCTAssertEqual(Array(magic.prefix(4)), [0x1f, 0x8b, 0x08, 0x04], "\(name): BGZF header")
            XCTAssertEqual(Array(magic.suffix(28).prefix(4)), [0x1f, 0x8b, 0x08, 0x04], "\(name): EOF block")
        }
        let indexed = try CLIRunner.run([], shell: """
            set -e
            tabix -p bed '\(dir)/t.bedgraph.gz'
            tabix '\(dir)/t.bedgraph.gz' copy5:101-110 | head -n 2
            """)
        XCTAssertEqual(indexed.status, 0, indexed.stderrText)
        XCTAssertTrue(indexed.stdoutText.hasPrefix("copy5\t"), indexed.stdoutText)
        // eval's report too.
        let report = try CLIRunner.run(["eval", "-m", model, "--genome", "fixtures/real/pPCP1.fa.gz", "--annotation",
                                        "fixtures/real/pPCP1.gff3.gz", "-o", dir + "/r.tsv.gz"])
        XCTAssertEqual(report.status, 0, report.stderrText)
        XCTAssertTrue(try CLIRunner.run([], shell: "bgzip -dc '\(dir)/r.tsv.gz'").stdoutText.hasPrefix("genome\tmodel\t"))
    }
}
