import CHTSlib
import Foundation
import XCTest

/// Writes test inputs into a fresh temporary directory, removed on `deinit`.
final class TemporaryFiles {
    /// The directory holding the files.
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("annotation-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Writes `text` (UTF-8) as `name`, uncompressed; returns the path.
    func plain(_ name: String, _ text: String) throws -> String {
        try bytes(name, Array(text.utf8))
    }

    /// Writes `data` as `name`, uncompressed; returns the path.
    func bytes(_ name: String, _ data: [UInt8]) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(data).write(to: url)
        return url.path
    }

    /// Writes `text` compressed as `name` with htslib: `mode` "wg" is plain gzip, "w" is BGZF.
    func compressed(_ name: String, _ text: String, mode: String = "wg") throws -> String {
        let path = directory.appendingPathComponent(name).path
        guard let handle = bgzf_open(path, mode) else {
            throw XCTSkip("cannot write \(path) with htslib")
        }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { bgzf_write(handle, $0.baseAddress, $0.count) }
        let closed = bgzf_close(handle)
        XCTAssertEqual(written, bytes.count)
        XCTAssertEqual(closed, 0)
        return path
    }

    /// The bytes of the file at `path`.
    func contents(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
