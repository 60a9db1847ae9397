import Foundation
import XCTest

/// `-o NAME.bw` without `-f` writes a bigWig; `-f` wins, with a warning, when it names a text format.
final class OutputNameFormatTests: XCTestCase {
    func testBigWigNameImpliesTheFormatAndFormatWins() throws {
        let dir = NSTemporaryDirectory() + "codingscan-bwname-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let model = "fixtures/models/tiny.safetensors"
        for name in ["t.bw", "t.BigWig"] {
            let r = try CLIRunner.run(["-m", model, "-o", "\(dir)/\(name)", "fixtures/seq/two.fa"])
            XCTAssertEqual(r.status, 0, r.stderrText)
            XCTAssertEqual(r.stderrText, "")
            let magic = try Data(contentsOf: URL(fileURLWithPath: "\(dir)/\(name)")).prefix(4)
            XCTAssertEqual(Array(magic), [0x26, 0xFC, 0x8F, 0x88], "\(name): bigWig magic")
        }
        let text = try CLIRunner.run(["-m", model, "-f", "bedgraph", "-o", "\(dir)/x.bw", "fixtures/seq/two.fa"])
        XCTAssertEqual(text.status, 0, text.stderrText)
        XCTAssertEqual(text.stderrText, "codingscan: warning: -o \(dir)/x.bw is named as a bigWig but -f bedgraph writes text\n")
        XCTAssertTrue(try String(contentsOfFile: "\(dir)/x.bw", encoding: .utf8).hasPrefix("alpha\t0\t"))
        let gz = try CLIRunner.run(["-m", model, "-f", "bigwig", "-o", "\(dir)/t.bw.gz", "fixtures/seq/two.fa"])
        XCTAssertEqual(gz.status, 0, gz.stderrText)
        XCTAssertEqual(gz.stderrText, "codingscan: warning: -o \(dir)/t.bw.gz is named as BGZF text but -f bigwig "
            + "writes a bigWig (compressed already)\n")
        let bigWigBytes = try Data(contentsOf: URL(fileURLWithPath: "\(dir)/t.bw.gz")).prefix(4)
        XCTAssertEqual(Array(bigWigBytes), [0x26, 0xFC, 0x8F, 0x88], "-f wins: a bigWig, not BGZF")
        let quiet = try CLIRunner.run(["-m", model, "-q", "-f", "bed", "-o", "\(dir)/y.bw", "fixtures/seq/two.fa"])
        XCTAssertEqual(quiet.stderrText, "")
        let plain = try CLIRunner.run(["-m", model, "-o", "\(dir)/t.bedgraph", "fixtures/seq/two.fa"])
        XCTAssertTrue(try String(contentsOfFile: "\(dir)/t.bedgraph", encoding: .utf8).hasPrefix("alpha\t0\t"), plain.stderrText)
    }
}
