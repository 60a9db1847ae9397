import Foundation
import XCTest
@testable import Tracks

final class OutputSinkTests: XCTestCase {
    func testFileAppearsOnlyOnCommit() throws {
        let dir = NSTemporaryDirectory() + "codingscan-sink-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/out.bedgraph"
        try "old\n".write(toFile: path, atomically: false, encoding: .utf8)
        let sink = try OutputSink(path: path)
        try sink.write("new\n")
        try sink.flush()
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "old\n")
        try sink.commit()
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "new\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), ["out.bedgraph"])

        let failed = try OutputSink(path: path)
        try failed.write("partial")
        failed.abandon()
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "new\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), ["out.bedgraph"])
    }

    func testUncreatableDirectory() {
        XCTAssertThrowsError(try OutputSink(path: "/nonexistent-dir-codingscan/x.bed")) { error in
            XCTAssertEqual((error as? TrackError)?.description,
                           "/nonexistent-dir-codingscan/x.bed: cannot create output: No such file or directory")
        }
    }
}
