import Foundation
import GenomeCore
import XCTest

/// `FileRole.clash`: the same file by device and inode, through links, `./` and hard links.
final class FileRoleTests: XCTestCase {
    func testClashesThroughLinksAndRelativePaths() throws {
        let directory = NSTemporaryDirectory() + "genomecore-roles-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let model = directory + "/m.safetensors", other = directory + "/other"
        try Data("m".utf8).write(to: URL(fileURLWithPath: model))
        try Data("o".utf8).write(to: URL(fileURLWithPath: other))
        XCTAssertEqual(link(model, directory + "/hard"), 0)
        try FileManager.default.createSymbolicLink(atPath: directory + "/soft", withDestinationPath: model)
        let reads = [FileRole("the input file", other), FileRole("the model file (--model)", model)]
        for alias in [model, directory + "/./m.safetensors", directory + "/hard", directory + "/soft"] {
            XCTAssertEqual(FileRole.clash(output: FileRole("--output", alias), reads: reads), reads[1], alias)
        }
        XCTAssertNil(FileRole.clash(output: FileRole("--output", directory + "/new"), reads: reads))
        XCTAssertNil(FileRole.clash(output: FileRole("--output", "/dev/null"),
                                    reads: [FileRole("the input file", "/dev/null")]),
                     "a character device may be read and written")
    }

    func testIndexesBesideAnInput() throws {
        let directory = NSTemporaryDirectory() + "genomecore-index-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for name in ["a.fa", "a.fa.fai", "r.bam", "r.bai"] {
            try Data().write(to: URL(fileURLWithPath: directory + "/" + name))
        }
        XCTAssertEqual(FileRole.indexes(of: directory + "/a.fa").map(\.path), [directory + "/a.fa.fai"])
        XCTAssertEqual(FileRole.indexes(of: directory + "/r.bam").map(\.path), [directory + "/r.bai"])
        XCTAssertEqual(FileRole.indexes(of: "-"), [])
    }
}
