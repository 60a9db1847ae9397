@testable import ModelFormat
import XCTest

/// The documented caps on model files, checked before allocation.
final class ModelLimitsTests: XCTestCase {
    func testWorkPerBaseCountsConvolutionsAtTheirStride() {
        let layers: [LayerSpec] = [.conv1d(in: 4, out: 64, kernel: 9), .relu, .subsample1d(size: 3),
                                   .conv1d(in: 64, out: 64, kernel: 9), .maxPool1d(size: 3),
                                   .conv1d(in: 64, out: 64, kernel: 9), .globalAveragePool,
                                   .dense(in: 64, out: 1), .sigmoid]
        XCTAssertEqual(ModelLimits.workPerBase(layers), 2304 + 12288 + 4096, accuracy: 1e-9)
    }

    func testBuiltInSizedModelIsFarInsideEveryCap() {
        XCTAssertLessThan(2304.0 + 12288 + 4096, Double(ModelLimits.workPerBase) / 50)
        XCTAssertLessThan(100_000.0 * 18_688, Double(ModelLimits.workPerWindow) / 30)
    }

    func testFileReaderRefusesDevicesAndOverlongInput() throws {
        XCTAssertThrowsError(try FileReader.readAll(path: "/dev/zero")) { error in
            XCTAssertEqual((error as? ModelError)?.message,
                           "not a regular file or pipe (a device never ends); give a model file")
        }
        let path = NSTemporaryDirectory() + "limits-\(UUID().uuidString)"
        try Data(repeating: 7, count: 1000).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        XCTAssertEqual(try FileReader.readAll(path: path, limit: 1000).count, 1000)
        XCTAssertThrowsError(try FileReader.readAll(path: path, limit: 999)) { error in
            XCTAssertEqual((error as? ModelError)?.message,
                           "file is 1000 bytes, larger than the 999-byte limit of a model file")
        }
        // A pipe that goes on past the limit stops there (the writer then gets EPIPE, not SIGPIPE).
        signal(SIGPIPE, SIG_IGN)
        let fifo = path + ".fifo"
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        defer { unlink(fifo) }
        let writer = Thread {
            guard let handle = FileHandle(forWritingAtPath: fifo) else { return }
            for _ in 0..<64 { if (try? handle.write(contentsOf: Data(repeating: 1, count: 1 << 16))) == nil { break } }
            try? handle.close()
        }
        writer.start()
        XCTAssertThrowsError(try FileReader.readAll(path: fifo, limit: 200_000)) { error in
            XCTAssertEqual((error as? ModelError)?.message, "more than the 200000-byte limit of a model file")
        }
    }
}
