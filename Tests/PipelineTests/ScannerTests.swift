import Foundation
import ModelFormat
import ReadingFrames
import ScalarInference
import Tracks
import Windows
import XCTest
@testable import Pipeline

final class ScannerTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    let model = try! Model.load(path: ScannerTests.root.appendingPathComponent("fixtures/models/tiny.safetensors").path)

    private func temporary(_ name: String) -> String {
        NSTemporaryDirectory() + "codingscan-scanner-\(UUID().uuidString)-\(name)"
    }

    /// Scans fixtures/seq/two.fa to TSV with `options`; the scanner and the text.
    private func scanTwoAsTSV(_ model: Model, _ options: ScanOptions) throws -> (Pipeline.TrackScanner, String) {
        let out = temporary("two.tsv")
        defer { unlink(out) }
        var options = options
        options.format = .tsv
        let scanner = try TrackScanner(model: model, options: options)
        let sink = try OutputSink(path: out)
        _ = try scanner.scan(paths: [ScannerTests.root.appendingPathComponent("fixtures/seq/two.fa").path], sink: sink)
        try sink.commit()
        return (scanner, try String(contentsOfFile: out, encoding: .utf8))
    }

    /// A record longer than the read block: every window's scores equal the model on that slice.
    func testStreamingMatchesPerWindowPredictions() throws {
        var rng = UInt64(12345)
        func next() -> UInt64 { rng = rng &* 6364136223846793005 &+ 1442695040888963407; return rng >> 33 }
        let letters = Array("ACGTacgtN".utf8)
        var seq = (0..<150_007).map { _ in letters[Int(next() % 9)] }
        for i in 70_000..<70_500 { seq[i] = UInt8(ascii: "N") }  // an N run across windows
        let fasta = temporary("long.fa")
        try (Data(">long\n".utf8) + Data(seq) + Data("\n".utf8)).write(to: URL(fileURLWithPath: fasta))
        defer { unlink(fasta) }
        let out = temporary("long.tsv")
        defer { unlink(out) }
        let scanner = try TrackScanner(model: model, options: ScanOptions(window: 60, step: 7, format: .tsv))
        let sink = try OutputSink(path: out)
        let summary = try scanner.scan(paths: [fasta], sink: sink)
        try sink.commit()
        XCTAssertEqual(summary.windows, (150_007 - 60) / 7 + 1)
        XCTAssertEqual(summary.bases, 150_007)
        let rows = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").dropFirst()
        XCTAssertEqual(rows.count, summary.windows)
        let masks = seq.map { BaseEncoding.maskOfASCII[Int($0)] }
        var unscored = 0
        for (i, row) in rows.enumerated() where i % 97 == 0 || (9_990...10_080).contains(i) {
            let f = row.split(separator: "\t")
            let start = i * 7
            XCTAssertEqual(Int(f[1]), start)
            XCTAssertEqual(Int(f[2]), start + 60)
            let slice = Array(masks[start..<(start + 60)])
            if slice.filter(BaseEncoding.isUnambiguous).count * 2 < 60 {
                XCTAssertEqual(f[3], "NA"); unscored += 1; continue
            }
            let p = slice.withUnsafeBufferPointer { ReferenceNetwork(model).predict(masks: $0, reverseComplement: false) }
            let m = slice.withUnsafeBufferPointer { ReferenceNetwork(model).predict(masks: $0, reverseComplement: true) }
            XCTAssertEqual(Double(f[3])!, Double(p), accuracy: 0.00005 + 1e-6, "window \(i)")
            XCTAssertEqual(Double(f[4])!, Double(m), accuracy: 0.00005 + 1e-6, "window \(i)")
        }
        XCTAssertGreaterThan(unscored, 0, "the N run leaves unscored windows")
        XCTAssertEqual(summary.unscoredWindows, rows.filter { $0.split(separator: "\t")[3] == "NA" }.count)
    }

    /// The model's stored smoothing span applies by default, --smooth overrides it, and the
    /// radius is ⌊smooth / (2 · step)⌋ windows.
    func testSmoothingSpanFromModelAndOptions() throws {
        let m = model.metadata
        let smoothed = try Model.load(bytes: Model.serialize(
            metadata: ModelMetadata(name: m.name, window: m.window, step: m.step, smooth: 50, minLength: m.minLength,
                                    maxWindow: m.maxWindow, layers: m.layers, tensorNames: m.tensorNames),
            tensors: model.tensors), source: "smoothed")
        func tsv(_ model: Model, _ options: ScanOptions) throws -> (radius: Int, text: String) {
            let (scanner, text) = try scanTwoAsTSV(model, options)
            return (scanner.smoothingRadius, text)
        }
        let plain = try tsv(model, ScanOptions())
        let fromModel = try tsv(smoothed, ScanOptions())
        XCTAssertEqual(plain.radius, 0)
        XCTAssertEqual(fromModel.radius, 1, "50 bp at step 20: one window on each side")
        XCTAssertNotEqual(fromModel.text, plain.text)
        XCTAssertEqual(try tsv(model, ScanOptions(smooth: 50)).text, fromModel.text)
        XCTAssertEqual(try tsv(smoothed, ScanOptions(smooth: 0)).text, plain.text)
        XCTAssertEqual(try tsv(smoothed, ScanOptions(smooth: 39)).radius, 0)
        XCTAssertEqual(try tsv(smoothed, ScanOptions(step: 5, smooth: 50)).radius, 5)
        XCTAssertThrowsError(try TrackScanner(model: model, options: ScanOptions(smooth: -1))) { error in
            XCTAssertEqual("\(error)", "smooth must be at least 0 (got -1)")
        }
    }

    func testORFGateFromModelAndOptions() throws {
        let m = model.metadata
        let gated = try Model.load(bytes: Model.serialize(
            metadata: ModelMetadata(name: m.name, window: m.window, step: m.step, orfGate: 150, minLength: m.minLength,
                                    maxWindow: m.maxWindow, layers: m.layers, tensorNames: m.tensorNames),
            tensors: model.tensors), source: "gated")
        func tsv(_ model: Model, _ options: ScanOptions) throws -> (gate: ORFGate?, text: String) {
            let (scanner, text) = try scanTwoAsTSV(model, options)
            return (scanner.gate, text)
        }
        let plain = try tsv(model, ScanOptions())
        let fromModel = try tsv(gated, ScanOptions())
        XCTAssertNil(plain.gate)
        XCTAssertEqual(fromModel.gate, ORFGate(midpoint: 150))
        XCTAssertNotEqual(fromModel.text, plain.text)
        XCTAssertEqual(try tsv(model, ScanOptions(orfGate: 150)).text, fromModel.text)
        XCTAssertEqual(try tsv(gated, ScanOptions(orfGate: 0)).text, plain.text)
        XCTAssertNotEqual(try tsv(gated, ScanOptions(orfGate: 60)).text, fromModel.text)
        // The genetic code picks the gate's stop codons: table 1 has those of 11, table 4 reads TGA through.
        func withCode(_ table: Int, gate: Int) throws -> String {
            var options = ScanOptions(orfGate: gate)
            options.geneticCode = GeneticCode.ncbi(table)!
            return try tsv(model, options).text
        }
        XCTAssertEqual(try withCode(11, gate: 150), fromModel.text)
        XCTAssertEqual(try withCode(1, gate: 150), fromModel.text)
        XCTAssertNotEqual(try withCode(4, gate: 150), fromModel.text)
        XCTAssertEqual(try withCode(4, gate: 0), plain.text, "without the gate the code does not matter")
        for bad in [-1, 2_001] {
            XCTAssertThrowsError(try TrackScanner(model: model, options: ScanOptions(orfGate: bad))) { error in
                XCTAssertEqual("\(error)", "ORF gate must be between 0 and 2000 (got \(bad))")
            }
        }
    }

    func testOptionsOutsideTheModelAreUsageErrors() {
        XCTAssertThrowsError(try TrackScanner(model: model, options: ScanOptions(window: 10))) { error in
            XCTAssertEqual("\(error)", "window 10 is outside what model 'tiny-fixture' accepts (20...100000)")
        }
        XCTAssertThrowsError(try TrackScanner(model: model, options: ScanOptions(window: 30, step: 40)))
        XCTAssertThrowsError(try TrackScanner(model: model, options: ScanOptions(threshold: -0.1)))
        XCTAssertEqual(try TrackScanner(model: model, options: ScanOptions(window: 25)).plan.step, 20)
        XCTAssertEqual(try TrackScanner(model: model, options: ScanOptions(window: 20)).plan.step, 20)
    }
}
