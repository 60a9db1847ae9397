import Foundation
import XCTest

/// Runs the built `codingscan` binary from the package root and captures what it did.
struct CLIRunner {
    struct Result: Equatable {
        var stdout: Data
        var stderr: Data
        var status: Int32
        var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    }

    /// The package root (…/Tests/CLITests/CLIRunner.swift → …).
    /// Skips the calling test unless every one of `tools` is on the PATH.
    static func require(_ tools: String..., install: String) throws {
        for tool in tools where try run([], shell: "command -v \(tool)").status != 0 {
            throw XCTSkip("\(tool) is not available (\(install))")
        }
    }

    /// A new empty directory under the system's temporary directory; the caller removes it.
    static func temporaryDirectory(_ prefix: String) throws -> String {
        let dir = NSTemporaryDirectory() + "\(prefix)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `codingscan` executable beside the test bundle.
    static let binary: URL = {
        var dir = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("codingscan")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL.appendingPathComponent("codingscan")
    }()

    /// Runs `codingscan args` in the package root, feeding `stdin` (a file path relative to the root, or
    /// raw data), through `/bin/sh -c` when `shell` is given (then `$CODINGSCAN` names the binary).
    static func run(_ args: [String], stdinFile: String? = nil, stdinData: Data? = nil,
                    shell: String? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.currentDirectoryURL = root
        if let shell {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", shell]
        } else {
            process.executableURL = binary
            process.arguments = args
        }
        var env = ProcessInfo.processInfo.environment
        env["CODINGSCAN"] = binary.path
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        if let stdinFile {
            process.standardInput = try FileHandle(forReadingFrom: root.appendingPathComponent(stdinFile))
        } else if let stdinData {
            let input = Pipe()
            process.standardInput = input
            try process.run()
            input.fileHandleForWriting.write(stdinData)
            try input.fileHandleForWriting.close()
            return finish(process, out, err)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        return finish(process, out, err)
    }

    private static func finish(_ process: Process, _ out: Pipe, _ err: Pipe) -> Result {
        // Read both pipes fully before waiting, so a large output cannot block the child.
        final class Box: @unchecked Sendable { var data = Data() }
        let stderr = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            stderr.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus
                                                                  : process.terminationStatus
        return Result(stdout: stdout, stderr: stderr.data, status: status)
    }
}
