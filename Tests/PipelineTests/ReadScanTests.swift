import Foundation
import ModelFormat
import ScalarInference
import Tracks
import Windows
import XCTest
@testable import Pipeline

/// Reads scored by a read model: consecutive reads of one length share one scoring call (aligned to the
/// read model's pooling stride in the batch), which gives the same bytes as one call per read (batches of
/// one base hold one read each), for any thread count, and each read's scores match the reference
/// forward pass of the read model over the whole read.
final class ReadScanTests: XCTestCase {
    /// The model: window 150 (reads below it go to the read model), minimum 113.
    static let model = try! RandomModels.make("random-model", [
        .conv1d(in: 4, out: 16, kernel: 9), .relu, .maxPool1d(size: 3), .conv1d(in: 16, out: 16, kernel: 9), .relu,
        .maxPool1d(size: 3), .conv1d(in: 16, out: 16, kernel: 9), .relu, .globalAveragePool,
        .dense(in: 16, out: 8), .relu, .dense(in: 8, out: 1), .sigmoid,
    ], window: 150, minLength: 113, seed: 5)

    /// The read model's shape (kernels 9, 5, 5; subsample 3, then max pool 2: total stride 6; minimum 50).
    static let readModel = try! RandomModels.make("random-read-model", [
        .conv1d(in: 4, out: 16, kernel: 9), .relu, .subsample1d(size: 3), .conv1d(in: 16, out: 24, kernel: 5), .relu,
        .maxPool1d(size: 2), .conv1d(in: 24, out: 16, kernel: 5), .relu, .globalAveragePool,
        .dense(in: 16, out: 8), .relu, .dense(in: 8, out: 1), .sigmoid,
    ], window: 120, minLength: 50, seed: 9)

    /// 400 reads in runs of equal lengths (40 to 149 bases, some 150 and longer for the model's windows),
    /// a few with IUPAC codes, one mostly N; FASTQ.
    static func writeReads() throws -> (path: String, reads: [String: [UInt8]]) {
        var rng = UInt64(31)
        func next() -> Int { rng = rng &* 6364136223846793005 &+ 1442695040888963407; return Int(rng >> 33) }
        let letters = Array("ACGTacgtRYN".utf8)
        var text = "", reads: [String: [UInt8]] = [:]
        var length = 100
        for k in 0..<400 {
            if k % 7 == 0 { length = [40, 50, 51, 77, 100, 101, 149, 150, 233][next() % 9] }
            var read = (0..<length).map { _ in next() % 40 == 0 ? letters[8 + next() % 3] : letters[next() % 8] }
            if k == 123 { read = read.map { _ in UInt8(ascii: "N") } }
            reads["r\(k)"] = read.map { BaseEncoding.maskOfASCII[Int($0)] }
            text += "@r\(k)\n" + String(decoding: read, as: UTF8.self) + "\n+\n" + String(repeating: "I", count: read.count) + "\n"
        }
        let path = NSTemporaryDirectory() + "codingscan-reads-\(UUID().uuidString).fq"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return (path, reads)
    }

    private func scan(_ path: String, threads: Int, batch: Int) throws -> String {
        let out = NSTemporaryDirectory() + "codingscan-reads-out-\(UUID().uuidString)"
        defer { unlink(out) }
        let scanner = try TrackScanner(model: Self.model, readModel: Self.readModel, options: ScanOptions(format: .tsv),
                                       threads: threads, batchBases: batch)
        let sink = try OutputSink(path: out)
        _ = try scanner.scan(paths: [path], sink: sink)
        try sink.commit()
        return try String(contentsOfFile: out, encoding: .utf8)
    }

    func testGroupedReadsEqualOneCallPerReadForAnyThreadsAndBatches() throws {
        let (path, _) = try Self.writeReads()
        defer { unlink(path) }
        let alone = try scan(path, threads: 1, batch: 1)   // every batch holds one read: one call per read
        XCTAssertGreaterThan(alone.split(separator: "\n").count, 300)
        for threads in [1, 2, 5] {
            for batch in [29, 4_096, 1 << 20] {
                XCTAssertEqual(try scan(path, threads: threads, batch: batch), alone, "threads \(threads) batch \(batch)")
            }
        }
    }

    func testReadScoresMatchTheReferenceOverTheWholeRead() throws {
        let (path, reads) = try Self.writeReads()
        defer { unlink(path) }
        let text = try scan(path, threads: 2, batch: 16_384)
        let reference = ReferenceNetwork(Self.readModel)
        var checked = 0, unscored = 0
        for row in text.split(separator: "\n") where !row.hasPrefix("#") {
            let f = row.split(separator: "\t").map(String.init)
            let masks = reads[f[0]]!
            guard masks.count < 150 else { continue }   // the model's windows
            XCTAssertGreaterThanOrEqual(masks.count, 50)
            XCTAssertEqual([f[1], f[2]], ["0", String(masks.count)])
            if f[3] == "NA" {
                XCTAssertLessThan(masks.filter(BaseEncoding.isUnambiguous).count * 2, masks.count)
                unscored += 1
                continue
            }
            let p = masks.withUnsafeBufferPointer { reference.predict(masks: $0, reverseComplement: false) }
            let m = masks.withUnsafeBufferPointer { reference.predict(masks: $0, reverseComplement: true) }
            XCTAssertEqual(Double(f[3])!, Double(p), accuracy: 0.00005 + 1e-6, f[0])
            XCTAssertEqual(Double(f[4])!, Double(m), accuracy: 0.00005 + 1e-6, f[0])
            checked += 1
        }
        XCTAssertGreaterThan(checked, 200)
        XCTAssertEqual(unscored, 1)
        let tooShort = reads.filter { $0.value.count < 50 }.map(\.key)
        XCTAssertFalse(tooShort.isEmpty)
        for name in tooShort { XCTAssertFalse(text.contains("\n\(name)\t")) }
    }
}
