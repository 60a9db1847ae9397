import Foundation
@testable import GenomeCore
import XCTest

/// `OutputFile`: atomic replacement of regular files, direct writes to devices and FIFOs, refusals.
final class OutputFileTests: XCTestCase {
    var directory = ""

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "genomecore-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func entries() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    }

    func testRegularFileIsReplacedOnlyOnCommit() throws {
        let path = directory + "/out.bed"
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: path))
        let file = try OutputFile(path: path)
        try file.write(Array("new\n".utf8))
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "old\n", "replaced before commit")
        XCTAssertEqual(try entries().count, 2, "a temporary file beside the target")
        try file.commit()
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "new\n")
        XCTAssertEqual(try entries(), ["out.bed"])
    }

    func testAbandonLeavesTheOldFile() throws {
        let path = directory + "/out.bed"
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: path))
        let file = try OutputFile(path: path)
        try file.write(Array("partial".utf8))
        file.abandon()
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "old\n")
        XCTAssertEqual(try entries(), ["out.bed"])
    }

    func testLongestLegalNameKeepsTheTemporaryNameWithinNameMax() throws {
        for length in [243, 244, 253, 255] {
            let name = String(repeating: "n", count: length)
            let path = directory + "/" + name
            try OutputFile.write(Array("x\n".utf8), to: path)
            XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "x\n", "name of \(length) bytes")
            try FileManager.default.removeItem(atPath: path)
        }
        let template = OutputFile.temporaryTemplate(for: "/d/" + String(repeating: "é", count: 127))
        let name = template.dropLast().split(separator: CChar(bitPattern: UInt8(ascii: "/"))).last!
        XCTAssertLessThanOrEqual(name.count, 255)
        XCTAssertNotNil(String(validating: name.map { UInt8(bitPattern: $0) }, as: UTF8.self), "cut at a character boundary")
    }

    func testSymbolicLinkIsKeptAndItsFileReplaced() throws {
        let real = directory + "/real.bed"
        let link = directory + "/link.bed"
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: real))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.bed")
        try OutputFile.write(Array("new\n".utf8), to: link)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), "real.bed")
        XCTAssertEqual(try String(contentsOfFile: real, encoding: .utf8), "new\n")
    }

    func testRefusals() throws {
        XCTAssertThrowsError(try OutputFile(path: directory)) {
            XCTAssertEqual($0 as? OutputFileError, .cannotCreate(path: directory, errno: EISDIR))
        }
        let missing = directory + "/no/such/dir/out.bed"
        XCTAssertThrowsError(try OutputFile(path: missing)) {
            XCTAssertEqual($0 as? OutputFileError, .cannotCreate(path: missing, errno: ENOENT))
        }
        let dangling = directory + "/dangling"
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "nowhere/x")
        XCTAssertThrowsError(try OutputFile(path: dangling)) { error in
            guard case .unsuitable = error as? OutputFileError else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(try entries(), ["dangling"], "nothing created")
    }

    /// `check` refuses what `init` refuses, without creating anything.
    func testCheckAgreesWithOpening() throws {
        XCTAssertNoThrow(try OutputFile.check(directory + "/new.bed"))
        XCTAssertNoThrow(try OutputFile.check("/dev/null"))
        XCTAssertThrowsError(try OutputFile.check(directory)) {
            XCTAssertEqual($0 as? OutputFileError, .cannotCreate(path: directory, errno: EISDIR))
        }
        XCTAssertThrowsError(try OutputFile.check(directory + "/no/x.bed")) {
            XCTAssertEqual($0 as? OutputFileError, .cannotCreate(path: directory + "/no/x.bed", errno: ENOENT))
        }
        XCTAssertEqual(try entries(), [], "nothing created")
    }

    func testFIFOIsWrittenDirectlyAndKept() throws {
        let fifo = directory + "/pipe"
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let received = Locked<Data>(Data())
        let reader = Thread {
            let handle = FileHandle(forReadingAtPath: fifo)!
            received.value = handle.readDataToEndOfFile()
        }
        reader.start()
        let file = try OutputFile(path: fifo)
        XCTAssertNil(file.temporary)
        try file.write(Array("through the pipe\n".utf8))
        try file.commit()
        let deadline = Date().addingTimeInterval(10)
        while received.value.isEmpty && Date() < deadline { usleep(10_000) }
        XCTAssertEqual(String(decoding: received.value, as: UTF8.self), "through the pipe\n")
        var s = stat()
        XCTAssertEqual(stat(fifo, &s), 0)
        XCTAssertEqual(UInt32(s.st_mode) & UInt32(S_IFMT), UInt32(S_IFIFO), "the FIFO is still a FIFO")
    }

    /// Character devices made with mknod in the scratch directory (root only): the real /dev/null and
    /// /dev/full are never touched.
    func testCharacterDevicesAreWrittenInPlaceAndWriteErrorsReported() throws {
        try XCTSkipUnless(getuid() == 0, "mknod needs root; skipped")
        let null = directory + "/null", full = directory + "/full"
        XCTAssertEqual(mknod(null, S_IFCHR | 0o666, makedev(1, 3)), 0)
        XCTAssertEqual(mknod(full, S_IFCHR | 0o666, makedev(1, 7)), 0)
        try OutputFile.write(Array(repeating: 65, count: 100_000), to: null)
        XCTAssertThrowsError(try OutputFile.write(Array(repeating: 65, count: 100_000), to: full)) {
            XCTAssertEqual($0 as? OutputFileError, .writeFailed(path: full, errno: ENOSPC))
        }
        for device in [null, full] {
            var s = stat()
            XCTAssertEqual(stat(device, &s), 0)
            XCTAssertEqual(UInt32(s.st_mode) & UInt32(S_IFMT), UInt32(S_IFCHR), "\(device) is still a device")
        }
        XCTAssertEqual(try entries(), ["full", "null"], "no temporary files")
        let block = directory + "/block"
        XCTAssertEqual(mknod(block, S_IFBLK | 0o600, makedev(7, 200)), 0)
        XCTAssertThrowsError(try OutputFile(path: block)) { error in
            guard case .unsuitable = error as? OutputFileError else { return XCTFail("\(error)") }
        }
    }

    private func makedev(_ major: UInt32, _ minor: UInt32) -> dev_t {
        dev_t(major) << 8 | dev_t(minor)
    }
}

/// A value shared with a thread.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value {
        get { lock.lock(); defer { lock.unlock() }; return stored }
        set { lock.lock(); stored = newValue; lock.unlock() }
    }
}
