import Foundation
import GenomeCore
import XCTest

/// Small files read whole, with the failures callers turn into their messages.
final class WholeFileTests: XCTestCase {
    func testReadsAndRefuses() throws {
        let directory = NSTemporaryDirectory() + "wholefile-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/x.txt"
        try Data(repeating: 65, count: 70_000).write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(try WholeFile.read(path).count, 70_000, "more than one 64 KiB chunk")
        XCTAssertEqual(try WholeFile.read(path, limit: 70_000).count, 70_000)
        XCTAssertThrowsError(try WholeFile.read(path, limit: 69_999)) {
            XCTAssertEqual($0 as? WholeFile.Failure, .tooLarge(size: 70_000, limit: 69_999))
        }
        XCTAssertThrowsError(try WholeFile.read(directory)) {
            XCTAssertEqual(($0 as? WholeFile.Failure)?.reason, "Is a directory")
        }
        XCTAssertThrowsError(try WholeFile.read(directory + "/missing")) {
            XCTAssertEqual($0 as? WholeFile.Failure, .cannotOpen(errno: ENOENT))
        }
        XCTAssertThrowsError(try WholeFile.read("/dev/zero", limit: 10, refuseDevices: true)) {
            XCTAssertEqual($0 as? WholeFile.Failure, .device)
        }
        XCTAssertEqual(try WholeFile.read("/dev/null"), [], "a device that ends may be read when not refused")
    }
}
