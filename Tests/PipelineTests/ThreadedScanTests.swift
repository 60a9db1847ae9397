import Foundation
import Inference
import ModelFormat
import ReadingFrames
import ScalarInference
import Tracks
import Windows
import XCTest
@testable import Pipeline

/// The threaded, batched scan writes the same bytes whatever the thread count and batch size, in
/// every format; its scores match the reference forward pass of each window.
final class ThreadedScanTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    let tiny = try! Model.load(path: ThreadedScanTests.root.appendingPathComponent("fixtures/models/tiny.safetensors").path)

    private func temporary(_ name: String) -> String {
        NSTemporaryDirectory() + "codingscan-threads-\(UUID().uuidString)-\(name)"
    }

    /// A FASTA file of several records: a long one with N runs and IUPAC codes (longer than a read
    /// block and than many batches), records shorter than the window, one too short to score, one
    /// exactly a window long, one entirely N.
    private func writeGenome() throws -> String {
        var rng = UInt64(2024)
        func next() -> Int { rng = rng &* 6364136223846793005 &+ 1442695040888963407; return Int(rng >> 33) }
        let letters = Array("ACGTacgtACGTRYKMSWBDHVN".utf8)
        func sequence(_ length: Int) -> [UInt8] {
            (0..<length).map { _ in next() % 50 == 0 ? letters[8 + next() % 15] : letters[next() % 8] }
        }
        var long = sequence(150_011)
        for start in [9_000, 70_000, 149_900] {
            for i in start..<min(long.count, start + 300) { long[i] = UInt8(ascii: "N") }
        }
        var text = Data()
        func record(_ name: String, _ bases: [UInt8]) {
            text += Data(">\(name)\n".utf8)
            for lineStart in stride(from: 0, to: bases.count, by: 70) {
                text += Data(bases[lineStart..<min(bases.count, lineStart + 70)]) + Data("\n".utf8)
            }
        }
        record("long", long)
        record("short", sequence(130))
        record("tooShort", sequence(12))
        record("exact", sequence(150))
        record("allN", [UInt8](repeating: UInt8(ascii: "N"), count: 400))
        record("medium", sequence(4_321))
        let path = temporary("genome.fa")
        try text.write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The IUPAC masks of every record of a FASTA file written by `writeGenome`, by name.
    private func readMasks(_ path: String) throws -> [String: [UInt8]] {
        var sequences: [String: [UInt8]] = [:]
        var name = ""
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
            if line.hasPrefix(">") { name = String(line.dropFirst()); sequences[name] = [] } else {
                sequences[name]! += line.utf8.map { BaseEncoding.maskOfASCII[Int($0)] }
            }
        }
        return sequences
    }

    private func scan(_ model: Model, _ path: String, _ options: ScanOptions, threads: Int, batch: Int) throws -> Data {
        let out = temporary("out")
        defer { unlink(out) }
        let scanner = try TrackScanner(model: model, options: options, threads: threads, batchBases: batch)
        let sink = try OutputSink(path: out)
        _ = try scanner.scan(paths: [path], sink: sink)
        try sink.commit()
        return try Data(contentsOf: URL(fileURLWithPath: out))
    }

    /// A model of the default architecture with random weights (conv 4→32→64→64, kernels 9, pools 3, 3).
    private func defaultArchitectureModel() throws -> Model {
        let layers: [LayerSpec] = [
            .conv1d(in: 4, out: 32, kernel: 9), .relu, .maxPool1d(size: 3), .conv1d(in: 32, out: 64, kernel: 9), .relu,
            .maxPool1d(size: 3), .conv1d(in: 64, out: 64, kernel: 9), .relu, .globalAveragePool,
            .dense(in: 64, out: 32), .relu, .dense(in: 32, out: 1), .sigmoid,
        ]
        return try RandomModels.make("random-default", layers, window: 150, minLength: 113, seed: 77)
    }

    /// `options` with BED as thresholded bins (`--raw`).
    private static func raw(_ options: ScanOptions) -> ScanOptions {
        var options = options
        options.raw = true
        return options
    }

    /// `options` with the decoder's posterior as the bedGraph (`--decoded`).
    private static func decoded(_ options: ScanOptions) -> ScanOptions {
        var options = options
        options.decodedTrack = true
        return options
    }

    /// `options` with the gene calls' threshold set.
    private static func calls(_ options: ScanOptions, threshold: Float) -> ScanOptions {
        var options = options
        options.callThreshold = threshold
        return options
    }

    func testOutputIsIdenticalForEveryThreadCountAndBatchSize() throws {
        let genome = try writeGenome()
        defer { unlink(genome) }
        let big = try defaultArchitectureModel()
        let cases: [(Model, ScanOptions)] = [
            (tiny, ScanOptions()), (tiny, ScanOptions(window: 40, step: 7, format: .tsv)),
            (tiny, Self.raw(ScanOptions(format: .bed, threshold: 0.45))), (tiny, ScanOptions(strand: .minus)),
            (big, ScanOptions()), (big, ScanOptions(format: .tsv)), (big, ScanOptions(step: 10, format: .tsv)),
            (big, Self.raw(ScanOptions(window: 120, step: 9, format: .bed))),
            (tiny, ScanOptions(orfGate: 200, format: .tsv)),
            (tiny, Self.raw(ScanOptions(window: 40, step: 7, smooth: 30, orfGate: 90, format: .bed, threshold: 0.2))),
            (big, ScanOptions(orfGate: 150, format: .tsv)),
            // Decoded gene calls (the decoder sees windows in input order, whatever the batches); a low
            // threshold makes the random models call genes in the random genome's open reading frames.
            (big, Self.calls(ScanOptions(format: .gff), threshold: 0.05)),
            (tiny, Self.calls(ScanOptions(smooth: 60, format: .gff), threshold: 0.05)),
            (big, Self.calls(ScanOptions(step: 10, format: .bed, strand: .plus), threshold: 0.05)),
            (big, Self.decoded(Self.calls(ScanOptions(), threshold: 0.05))),
        ]
        for (model, options) in cases {
            let expected = try scan(model, genome, options, threads: 1, batch: TrackScanner.defaultBatchBases)
            XCTAssertGreaterThan(expected.count, 1_000)
            // Batches of one window are slow with the large model (and with the ORF gate's context
            // copied into every piece): those run with the tiny model without a gate.
            let batches = model === tiny && options.orfGate == nil ? [1, 29, 16_384, 1 << 20]
                                                                 : [29, 4_096, 16_384, 1 << 20]
            for threads in [1, 2, 5] {
                for batch in batches where threads > 1 || batch != 16_384 {
                    let output = try scan(model, genome, options, threads: threads, batch: batch)
                    XCTAssertEqual(output, expected, "\(model.metadata.name) \(options) threads \(threads) batch \(batch)")
                }
            }
        }
    }

    /// Every window of the multi-record genome against `Model.predict` (TSV has 4 decimals).
    func testThreadedScoresMatchTheReference() throws {
        let genome = try writeGenome()
        defer { unlink(genome) }
        let model = try defaultArchitectureModel()
        let text = String(decoding: try scan(model, genome, ScanOptions(format: .tsv), threads: 3, batch: 2_000),
                          as: UTF8.self)
        let sequences = try readMasks(genome)
        var checked = 0
        for (n, row) in text.split(separator: "\n").dropFirst().enumerated() where n % 37 == 0 || n < 5 {
            let f = row.split(separator: "\t")
            let masks = Array(sequences[String(f[0])]![Int(f[1])!..<Int(f[2])!])
            if f[3] == "NA" {
                XCTAssertLessThan(masks.filter(BaseEncoding.isUnambiguous).count * 2, masks.count); continue
            }
            let p = masks.withUnsafeBufferPointer { ReferenceNetwork(model).predict(masks: $0, reverseComplement: false) }
            let m = masks.withUnsafeBufferPointer { ReferenceNetwork(model).predict(masks: $0, reverseComplement: true) }
            XCTAssertEqual(Double(f[3])!, Double(p), accuracy: 0.00005 + 1e-6, "row \(n)")
            XCTAssertEqual(Double(f[4])!, Double(m), accuracy: 0.00005 + 1e-6, "row \(n)")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 50)
        XCTAssertTrue(text.contains("short\t0\t130\t"), "a record shorter than the window is one window")
        XCTAssertFalse(text.contains("tooShort"))
    }

    /// With the ORF gate, each window's probabilities are the ungated ones times the gates of its
    /// bin computed over the whole record at once, however the scan cut the record into pieces.
    func testGatesMatchTheWholeRecordReference() throws {
        let genome = try writeGenome()
        defer { unlink(genome) }
        let sequences = try readMasks(genome)
        let gate = ORFGate(midpoint: 120)
        let plan = try TrackScanner(model: tiny, options: ScanOptions()).plan
        let plain = try collect(tiny, genome, ScanOptions(orfGate: 0), threads: 1, batch: 16_384)
        for (threads, batch) in [(1, 50), (2, 2_000), (3, 16_384)] {
            let gated = try collect(tiny, genome, ScanOptions(orfGate: 120), threads: threads, batch: batch)
            XCTAssertEqual(gated.map(\.0), plain.map(\.0))
            var checked = 0, belowHalf = 0
            var reference: [String: [(plus: Float, minus: Float)]] = [:]
            for ((record, window), (_, ungated)) in zip(gated, plain) {
                if reference[record] == nil {
                    let masks = sequences[record]!
                    let count = plan.windowCount(length: masks.count)
                    let bins = (0..<count).map { i in
                        masks.count < plan.window ? 0..<masks.count
                            : (plan.windowStart(i) + plan.binOffset)..<(plan.windowStart(i) + plan.binOffset + plan.step)
                    }
                    reference[record] = masks.withUnsafeBufferPointer { gate.binGates(masks: $0, bins: bins) }
                }
                let expected = reference[record]![window.index]
                XCTAssertEqual(window.plus == nil, ungated.plus == nil)
                if let p = window.plus, let q = ungated.plus, let m = window.minus, let n = ungated.minus {
                    XCTAssertEqual(p, q * expected.plus, accuracy: 1e-6, "\(record) window \(window.index)")
                    XCTAssertEqual(m, n * expected.minus, accuracy: 1e-6, "\(record) window \(window.index)")
                    checked += 1
                    if expected.plus < 0.5 { belowHalf += 1 }
                }
                XCTAssertEqual(window.gatePlus, 1, "the gate is applied once")
            }
            XCTAssertGreaterThan(checked, 7_000)
            XCTAssertGreaterThan(belowHalf, 100, "the gate has to bite for the test to mean something")
        }
    }

    /// Every window a scan hands its writer, with the name of its record.
    private func collect(_ model: Model, _ path: String, _ options: ScanOptions, threads: Int,
                         batch: Int) throws -> [(String, ScoredWindow)] {
        final class Collector: TrackWriter {
            var windows: [(String, ScoredWindow)] = []
            var record = ""
            func begin(sequence name: String) throws(TrackError) { record = name }
            func add(_ window: ScoredWindow) throws(TrackError) { windows.append((record, window)) }
            func end(sequenceLength length: Int) throws(TrackError) {}
            func finish() throws(TrackError) {}
        }
        let collector = Collector()
        let scanner = try TrackScanner(model: model, options: options, threads: threads, batchBases: batch)
        _ = try scanner.scan(paths: [path], writer: collector)
        return collector.windows
    }

    /// `--adapt`'s output pass for the decoder's outputs replays the first pass's scores
    /// (`ScoreRecording`): the same bytes as scoring again, with no window scored by the network; a
    /// recording of batches of another size does not fit and the pass scores instead (same bytes).
    func testReplayedScoresGiveTheSameOutputWithoutScoring() throws {
        let path = try writeGenome()
        defer { unlink(path) }
        let options = ThreadedScanTests.decoded(ScanOptions(orfGate: 0, format: .bedgraph))
        for threads in [1, 3] {
            let expected = try scan(tiny, path, options, threads: threads, batch: 5_000)
            for recordedBatch in [5_000, 7_000] {
                let recording = ScoreRecording()
                _ = try TrackScanner(model: tiny, options: options, threads: threads, batchBases: recordedBatch)
                    .geneStatistics(paths: [path], recording: recording)
                XCTAssertTrue(recording.isComplete)
                let scanner = try TrackScanner(model: tiny, options: options, threads: threads, batchBases: 5_000)
                scanner.replay = recording
                let out = temporary("replayed")
                defer { unlink(out) }
                let sink = try OutputSink(path: out)
                _ = try scanner.scan(paths: [path], sink: sink)
                try sink.commit()
                let label = "\(threads) threads, recorded in batches of \(recordedBatch) bases"
                XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: out)), expected, label)
                if recordedBatch == 5_000 {
                    XCTAssertEqual(scanner.statistics.strandWindows, 0, label)
                } else {
                    XCTAssertGreaterThan(scanner.statistics.strandWindows, 0, label)
                }
                XCTAssertNil(scanner.replay, "a recording is replayed once")
            }
        }
    }

    /// A recording keeps every field of a window's score, each optional present or not.
    func testPackedScoresRoundTrip() {
        for scored in [false, true] {
            for plus in [nil, Float(0), 0.123_456_7, 1] as [Float?] {
                for minus in [nil, Float(0.987_654_3)] as [Float?] {
                    for frames in [(nil, nil), (0, 2), (1, nil), (nil, 0)] as [(UInt8?, UInt8?)] {
                        let score = WindowScore(scored: scored, plus: plus, minus: minus, framePlus: frames.0,
                                                frameMinus: frames.1)
                        XCTAssertEqual(ScoreRecording.Packed(score).score, score)
                    }
                }
            }
        }
        XCTAssertEqual(MemoryLayout<ScoreRecording.Packed>.stride, 12)
    }

    /// A replay stops at a batch of another window count or strands, and for good.
    func testReplayStopsAtAMismatch() {
        func batch(_ windows: Int) -> ScanBatch {
            let b = ScanBatch()
            b.windowCount = windows
            b.results = (0..<windows).map { WindowScore(scored: true, plus: Float($0) / 10, minus: 0.5) }
            return b
        }
        let recording = ScoreRecording()
        for n in [3, 4, 5] { recording.record(batch(n), plus: true, minus: true) }
        let first = ScanBatch()
        first.windowCount = 3
        XCTAssertTrue(recording.replay(into: first, plus: true, minus: true))
        XCTAssertEqual(first.results, batch(3).results)
        let otherStrands = ScanBatch()
        otherStrands.windowCount = 4
        XCTAssertFalse(recording.replay(into: otherStrands, plus: true, minus: false))
        let later = ScanBatch()
        later.windowCount = 5
        XCTAssertFalse(recording.replay(into: later, plus: true, minus: true), "no replay after a mismatch")
        let other = ScoreRecording()
        other.record(batch(3), plus: true, minus: true)
        let bigger = ScanBatch()
        bigger.windowCount = 4
        XCTAssertFalse(other.replay(into: bigger, plus: true, minus: true))
    }

    func testThreadsMustBePositive() {
        XCTAssertThrowsError(try TrackScanner(model: tiny, options: ScanOptions(), threads: 0)) { error in
            XCTAssertEqual("\(error)", "threads must be between 1 and 1024 (got 0)")
        }
        XCTAssertThrowsError(try TrackScanner(model: tiny, options: ScanOptions(), threads: 1025)) { error in
            XCTAssertEqual("\(error)", "threads must be between 1 and 1024 (got 1025)")
        }
        XCTAssertEqual(try TrackScanner(model: tiny, options: ScanOptions()).threads,
                       ProcessInfo.processInfo.activeProcessorCount)
    }
}
