import Foundation
import XCTest
@testable import SequenceIO

/// One record as read back through `SequenceReader`: name, 0-based index, header line, bases.
struct ReadRecord: Equatable, CustomStringConvertible {
    var name: String
    var index: Int
    var line: Int
    var bases: String

    var description: String { "#\(index) \(name) @\(line): \(bases.count) bases" }
}

/// A fresh temporary directory per test case, removed at tear-down.
class SequenceIOTestCase: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("seqio-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    /// Writes `bytes` to `name` in the temporary directory and returns its path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Writes the UTF-8 of `text` to `name` and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Array(text.utf8))
    }

    /// Path of `name` in the temporary directory.
    func path(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }

    /// Reads every record of `path`, with text blocks of `blockSize` bytes and reads of at most
    /// `bufferSize` bases.
    func readAll(_ path: String, blockSize: Int = 1 << 20, bufferSize: Int = 4096) throws -> [ReadRecord] {
        let reader = try SequenceReader(path: path, blockSize: blockSize)
        defer { reader.close() }
        return try readRecords(reader, bufferSize: bufferSize)
    }

    /// Reads every remaining record of `reader`.
    func readRecords(_ reader: SequenceReader, bufferSize: Int = 4096) throws -> [ReadRecord] {
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bufferSize)
        defer { buffer.deallocate() }
        var records: [ReadRecord] = []
        while let info = try reader.nextRecord() {
            var bases: [UInt8] = []
            while case let count = try reader.readBases(into: buffer), count > 0 {
                XCTAssertLessThanOrEqual(count, bufferSize)
                bases.append(contentsOf: buffer[0..<count])
            }
            XCTAssertEqual(try reader.readBases(into: buffer), 0, "a finished record stays finished")
            records.append(ReadRecord(name: info.name, index: info.index, line: info.line,
                                      bases: String(decoding: bases, as: UTF8.self)))
        }
        XCTAssertNil(try reader.nextRecord(), "the end stays the end")
        return records
    }

    /// Asserts that opening and fully reading `path` throws an error whose description is `expected`,
    /// and returns that error.
    @discardableResult
    func assertFails(_ path: String, _ expected: String, blockSize: Int = 1 << 20, bufferSize: Int = 4096,
                     file: StaticString = #filePath, line: UInt = #line) -> SequenceIOError? {
        do {
            let records = try readAll(path, blockSize: blockSize, bufferSize: bufferSize)
            XCTFail("expected failure '\(expected)', read \(records)", file: file, line: line)
            return nil
        } catch let error as SequenceIOError {
            XCTAssertEqual(error.description, expected, "block size \(blockSize)", file: file, line: line)
            return error
        } catch {
            XCTFail("unexpected error type \(error)", file: file, line: line)
            return nil
        }
    }

    /// The error thrown by opening and fully reading `path`; fails the test when there is none.
    func failure(of path: String, blockSize: Int = 1 << 20, bufferSize: Int = 4096,
                 file: StaticString = #filePath, line: UInt = #line) -> SequenceIOError? {
        do {
            let records = try readAll(path, blockSize: blockSize, bufferSize: bufferSize)
            XCTFail("expected a failure, read \(records)", file: file, line: line)
        } catch let error as SequenceIOError {
            return error
        } catch {
            XCTFail("unexpected error type \(error)", file: file, line: line)
        }
        return nil
    }

    /// The absolute path of `tool` on PATH; skips the test when it is missing.
    func requireTool(_ tool: String) throws -> String {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for directory in directories {
            let candidate = "\(directory)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw XCTSkip("\(tool) not found on PATH")
    }

    /// Runs `tool` with `arguments`, stdout to `stdoutPath` if given; fails the test on a non-zero exit.
    func run(_ tool: String, _ arguments: [String], stdoutPath: String? = nil,
             file: StaticString = #filePath, line: UInt = #line) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try requireTool(tool))
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if let stdoutPath {
            _ = FileManager.default.createFile(atPath: stdoutPath, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: stdoutPath))
        }
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "\(tool) \(arguments)", file: file, line: line)
    }

    /// The first `count` bytes of the file at `source`, written to `name`; returns the new path.
    func truncatedCopy(of source: String, to name: String, keeping count: Int) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: source))
        return try write(name, Array(data.prefix(max(0, count))))
    }

    /// Size of the file at `path` in bytes.
    func size(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? -1
    }
}

/// Deterministic pseudo-random DNA (a 64-bit LCG), so inputs are the same on every run.
struct SequenceGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed &* 6364136223846793005 &+ 1442695040888963407 }

    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state >> 33
    }

    /// `count` letters drawn from `alphabet`.
    mutating func sequence(_ count: Int, alphabet: String = "ACGT") -> String {
        let letters = Array(alphabet)
        return String((0..<count).map { _ in letters[Int(next() % UInt64(letters.count))] })
    }
}

/// `sequence` split into lines of `width` letters, each followed by `newline`.
func wrap(_ sequence: String, width: Int, newline: String = "\n") -> String {
    var text = ""
    var line = ""
    for letter in sequence {
        line.append(letter)
        if line.count == width { text += line + newline; line = "" }
    }
    if !line.isEmpty { text += line + newline }
    return text
}

/// The reverse complement of an UPPERCASE IUPAC sequence.
func reverseComplement(_ sequence: String) -> String {
    let pairs: [Character: Character] = [
        "A": "T", "T": "A", "C": "G", "G": "C", "R": "Y", "Y": "R", "K": "M", "M": "K",
        "B": "V", "V": "B", "D": "H", "H": "D", "S": "S", "W": "W", "N": "N",
    ]
    return String(sequence.reversed().map { pairs[$0]! })
}
