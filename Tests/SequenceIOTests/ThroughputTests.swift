import Foundation
import XCTest
@testable import SequenceIO

/// Throughput of a 250 Mb single-line FASTA, plain and gzip, read with a 1 MiB buffer. Skipped unless
/// `SEQIO_BENCH=1`; meaningful only in release builds (`swift test -c release`). Peak memory is
/// measured separately with `/usr/bin/time -v` on a driver (see the module report).
final class ThroughputTests: SequenceIOTestCase {
    func testLargeSingleLineRecord() throws {
        guard ProcessInfo.processInfo.environment["SEQIO_BENCH"] == "1" else {
            throw XCTSkip("set SEQIO_BENCH=1 to measure throughput")
        }
        let length = 250_000_000
        let file = path("big.fa")
        _ = FileManager.default.createFile(atPath: file, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
        var generator = SequenceGenerator(seed: 10)
        let chunk = Array(generator.sequence(1_000_000, alphabet: "ACGTacgtN").utf8)
        try handle.write(contentsOf: Array(">big single line\n".utf8))
        for _ in 0..<(length / chunk.count) { try handle.write(contentsOf: chunk) }
        try handle.write(contentsOf: [0x0A])
        try handle.close()
        try run("gzip", ["-n", "-k", "-1", file])

        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 1 << 20)
        defer { buffer.deallocate() }
        for input in [file, file + ".gz"] {
            let start = Date()
            let reader = try SequenceReader(path: input)
            var total = 0
            while try reader.nextRecord() != nil {
                while case let count = try reader.readBases(into: buffer), count > 0 { total += count }
            }
            let seconds = Date().timeIntervalSince(start)
            XCTAssertEqual(total, length)
            print(String(format: "%@: %.0f MB/s (%.2f s)", input, Double(total) / seconds / 1e6, seconds))
        }
    }
}
