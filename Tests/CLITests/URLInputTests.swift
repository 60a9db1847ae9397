import Foundation
import XCTest

/// Inputs are read from any URL this htslib opens (as samtools does), here from a loopback HTTP
/// server the test starts (python3 -m http.server on 127.0.0.1; skipped without python3).
final class URLInputTests: XCTestCase {
    func testHTTPInputGivesTheSameTrackAsTheFile() throws {
        try CLIRunner.require("python3", install: "needed for a loopback HTTP server")
        let dir = NSTemporaryDirectory() + "codingscan-url-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for name in ["two.fa", "small.bam"] {
            try FileManager.default.copyItem(atPath: CLIRunner.root.path + "/fixtures/seq/" + name, toPath: dir + "/" + name)
        }
        let port = Int.random(in: 20_000...60_000)
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = ["python3", "-m", "http.server", "\(port)", "--bind", "127.0.0.1", "--directory", dir]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { server.terminate(); server.waitUntilExit() }
        let model = "fixtures/models/tiny.safetensors"
        let base = "http://127.0.0.1:\(port)/"
        var remote = try CLIRunner.run(["-m", model, base + "two.fa"])
        for _ in 0..<50 where remote.status != 0 && server.isRunning {   // until the server listens
            Thread.sleep(forTimeInterval: 0.1)
            remote = try CLIRunner.run(["-m", model, base + "two.fa"])
        }
        guard server.isRunning else { throw XCTSkip("the loopback server could not start on port \(port)") }
        XCTAssertEqual(remote.status, 0, remote.stderrText)
        XCTAssertEqual(remote.stdoutText, try CLIRunner.run(["-m", model, "fixtures/seq/two.fa"]).stdoutText)
        let bam = try CLIRunner.run(["-m", model, "-q", "-f", "tsv", base + "small.bam"])
        let localBam = try CLIRunner.run(["-m", model, "-q", "-f", "tsv", "fixtures/seq/small.bam"])
        XCTAssertEqual(bam.status, 0, bam.stderrText)
        XCTAssertEqual(bam.stdoutText.split(separator: "\n").filter { !$0.hasPrefix("##command") },
                       localBam.stdoutText.split(separator: "\n").filter { !$0.hasPrefix("##command") })
        let missing = try CLIRunner.run(["-m", model, base + "missing.fa"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.stderrText, "codingscan: \(base)missing.fa: cannot open: No such file or directory\n")
    }
}
