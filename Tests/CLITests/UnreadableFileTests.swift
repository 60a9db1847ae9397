#if canImport(Glibc)
import Glibc
#endif
import Foundation
import XCTest

/// Unreadable inputs and unwritable outputs through the binary. Permission bits do not stop root, and
/// tests often run as root (CI containers), so then the binary runs as user `nobody` (uid 65534) through
/// `setpriv` (util-linux) or else `runuser`, from a copy in a fresh 0755 directory (the build directory
/// may not be reachable for `nobody`). The test skips only when neither tool can start it as `nobody`.
final class UnreadableFileTests: XCTestCase {
    /// A fresh directory (0755, owned by whoever runs the tests) holding a copy of the binary, the
    /// readable `two.fa`, mode-000 `secret.fa`, `secret.gff3` and `secret.safetensors`.
    private var dir: URL!
    /// The command prefix that runs a program as an unprivileged user; empty when not root.
    private var asUser: [String] = []

    override func setUpWithError() throws {
        let fm = FileManager.default
        dir = fm.temporaryDirectory.appendingPathComponent("codingscan-unreadable-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        chmod(dir.path, 0o755)
        let binary = dir.appendingPathComponent("codingscan").path
        try fm.copyItem(atPath: CLIRunner.binary.path, toPath: binary)
        chmod(binary, 0o755)
        try fm.copyItem(atPath: CLIRunner.root.appendingPathComponent("fixtures/seq/two.fa").path,
                        toPath: path("two.fa"))
        chmod(path("two.fa"), 0o644)
        try fm.copyItem(atPath: CLIRunner.root.appendingPathComponent("fixtures/seq/two.fa").path,
                        toPath: path("secret.fa"))
        try fm.copyItem(atPath: CLIRunner.root.appendingPathComponent("fixtures/bad/cds-past-end.gff3").path,
                        toPath: path("secret.gff3"))
        try fm.copyItem(atPath: CLIRunner.root.appendingPathComponent("fixtures/models/tiny.safetensors").path,
                        toPath: path("secret.safetensors"))
        for name in ["secret.fa", "secret.gff3", "secret.safetensors"] { chmod(path(name), 0) }
        try fm.createDirectory(atPath: path("out"), withIntermediateDirectories: false)
        chmod(path("out"), 0o777)
        guard geteuid() == 0 else { return }
        var tried: [String] = []
        for prefix in [["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"],
                       ["runuser", "-u", "nobody", "--"]] {
            let probe = try run(prefix + [binary, "--version"])
            if probe.status == 0 {
                asUser = prefix
                return
            }
            tried.append("\(prefix[0]): exit \(probe.status) \(probe.stderrText.prefix(200))")
        }
        throw XCTSkip("running as root and cannot run the binary as user nobody (uid 65534) with setpriv or "
            + "runuser (\(tried.joined(separator: "; "))), so permission bits cannot be tested")
    }

    override func tearDownWithError() throws {
        if let dir { try? FileManager.default.removeItem(at: dir) }
    }

    private func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    /// Runs `words` (a program and its arguments) through `/bin/sh`, each word single-quoted.
    private func run(_ words: [String]) throws -> CLIRunner.Result {
        let quoted = words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        return try CLIRunner.run([], shell: quoted.joined(separator: " "))
    }

    /// Runs the copied binary (as `nobody` when root) and checks stdout, stderr and exit status.
    private func assertFails(_ args: [String], _ message: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try run(asUser + [path("codingscan")] + args)
        XCTAssertEqual(result.stderrText, "codingscan: \(message)\n", "\(args)", file: file, line: line)
        XCTAssertEqual(result.status, 1, "\(args)", file: file, line: line)
        XCTAssertEqual(result.stdoutText, "", "\(args)", file: file, line: line)
    }

    func testUnreadableSequenceFile() throws {
        try assertFails([path("secret.fa")], "\(path("secret.fa")): cannot open: Permission denied")
        try assertFails(["-f", "bed", "-"], "stdin: input is empty")  // the harness itself works as nobody
    }

    func testUnreadableModel() throws {
        try assertFails(["-m", path("secret.safetensors"), path("two.fa")],
                        "\(path("secret.safetensors")): cannot open: Permission denied")
    }

    func testUnreadableEvalAndTrainInputs() throws {
        try assertFails(["eval", "--genome", path("two.fa"), "--annotation", path("secret.gff3")],
                        "\(path("secret.gff3")): cannot open: Permission denied")
        try assertFails(["eval", "--genome", path("secret.fa"), "--annotation", path("secret.gff3")],
                        "\(path("secret.gff3")): cannot open: Permission denied")
        try assertFails(["train", "--genome", path("secret.fa"), "--annotation", path("secret.gff3"),
                         "-o", path("out/model.safetensors")],
                        "\(path("secret.fa")): cannot open: Permission denied")
    }

    func testUnwritableOutputDirectory() throws {
        // As nobody the root-owned 0755 directory is not writable; as an ordinary user make it read-only.
        if asUser.isEmpty { chmod(dir.path, 0o555) }
        defer { chmod(dir.path, 0o755) }
        try assertFails(["-o", path("out.bed"), path("two.fa")],
                        "\(path("out.bed")): cannot create output: Permission denied")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("out.bed")))
    }
}
