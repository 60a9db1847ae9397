import Foundation
import TrackTestSupport
import Windows
import XCTest
@testable import Tracks

/// The bigWig writer stores exactly the bedGraph's bins and values, in both of its modes.
final class BigWigWriterTests: XCTestCase {
    let plan = WindowPlan(window: 10, step: 4, minLength: 5)

    /// Sequences with windows of varied, some unscored, values (values with 4-decimal ties included).
    func sequences() -> [(name: String, length: Int, windows: [ScoredWindow])] {
        var out: [(name: String, length: Int, windows: [ScoredWindow])] = []
        for (name, length) in [("chrA", 3000), ("b", 7), ("c-3", 47)] {
            let n = plan.windowCount(length: length)
            let plus: [Float?] = (0..<n).map { (i: Int) -> Float? in
                if i % 17 == 5 { return nil }
                let k: Int = (i * 7919) % 10001
                return Float(k) / 10000 + 0.00005
            }
            let minus: [Float?] = (0..<n).map { (i: Int) -> Float? in
                if i % 17 == 5 { return nil }
                let k: Int = (i * 104_729) % 9973
                return Float(k) / 9973
            }
            out.append((name, length, makeWindows(plan: plan, length: length, plus: plus, minus: minus)))
        }
        return out
    }

    /// bedGraph text → intervals as a bigWig reader returns them.
    func parse(_ bedGraph: String) -> [BigWigReader.Interval] {
        bedGraph.split(separator: "\n").map { line in
            let f = line.split(separator: "\t")
            return BigWigReader.Interval(chrom: String(f[0]), start: Int(f[1])!, end: Int(f[2])!, value: Float(f[3])!)
        }
    }

    func writeBigWig(settings: TrackSettings, sequences: [(name: String, length: Int, windows: [ScoredWindow])],
                     path: String) throws {
        let sink = try OutputSink(path: path)
        let writer = BigWigWriter(settings: settings, sink: sink)
        for s in sequences {
            try writer.begin(sequence: s.name)
            for w in s.windows { try writer.add(w) }
            try writer.end(sequenceLength: s.length)
        }
        try writer.finish()
        try sink.commit()
    }

    func testBothModesMatchTheBedGraph() throws {
        let dir = NSTemporaryDirectory() + "codingscan-bw-\(UUID().uuidString)/"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let seqs = sequences()
        let sizes = SequenceSizes(source: "x.fai", names: seqs.map(\.name), lengths: seqs.map(\.length))
        for strand in StrandChoice.allCases {
            let expected = parse(try render(.bedgraph, settings: TrackSettings(plan: plan, strand: strand), sequences: seqs))
            XCTAssertGreaterThan(expected.count, 700)
            for indexed in [nil, sizes] {
                let path = dir + "t.bw"
                try writeBigWig(settings: TrackSettings(plan: plan, strand: strand, sequenceSizes: indexed),
                                sequences: seqs, path: path)
                let reader = try BigWigReader(path: path)
                XCTAssertEqual(reader.sequences.map(\.name), ["chrA", "b", "c-3"])
                XCTAssertEqual(reader.sequences.map(\.length), [3000, 7, 47])
                let got = reader.allIntervals()
                XCTAssertEqual(got, expected, "\(strand), indexed: \(indexed != nil)")
                // The R-tree index finds every interval by its own range too.
                for i in stride(from: 0, to: expected.count, by: 37) {
                    let e = expected[i]
                    XCTAssertTrue(reader.intervals(chrom: e.chrom, start: e.start, end: e.end).contains(e), "\(e)")
                }
                XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), ["t.bw"], "no spool left")
            }
        }
    }

    func testDuplicateNamesAreRefused() throws {
        let w = [ScoredWindow(index: 0, start: 0, end: 7, plus: 0.7, minus: 0.2)]
        let path = NSTemporaryDirectory() + "codingscan-bw-\(UUID().uuidString).bw"
        defer { unlink(path) }
        XCTAssertThrowsError(try writeBigWig(settings: TrackSettings(plan: plan), sequences: [("r", 7, w), ("r", 7, w)],
                                             path: path)) { error in
            XCTAssertEqual("\(error)", "\(path): sequence name 'r' occurs twice; a bigWig needs unique names "
                + "(write bedGraph instead)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
    }

    func testIndexMismatchesAreReported() throws {
        let w = [ScoredWindow(index: 0, start: 0, end: 7, plus: 0.7, minus: 0.2)]
        let path = NSTemporaryDirectory() + "codingscan-bw-\(UUID().uuidString).bw"
        let sizes = SequenceSizes(source: "g.fa.fai", names: ["r", "q"], lengths: [7, 8])
        let settings = TrackSettings(plan: plan, sequenceSizes: sizes)
        XCTAssertThrowsError(try writeBigWig(settings: settings, sequences: [("r", 7, w), ("q", 7, w)], path: path)) {
            XCTAssertEqual("\($0)", "\(path): record 'q' is 7 bp but 8 bp in g.fa.fai; re-index the input (samtools faidx)")
        }
        XCTAssertThrowsError(try writeBigWig(settings: settings, sequences: [("z", 7, w)], path: path)) {
            XCTAssertEqual("\($0)", "\(path): record 'z' is not in g.fa.fai; re-index the input (samtools faidx)")
        }
        XCTAssertThrowsError(try writeBigWig(settings: settings, sequences: [("q", 8, w), ("r", 7, w)], path: path)) {
            XCTAssertEqual("\($0)", "\(path): record 'r' is out of the order of g.fa.fai; re-index the input (samtools faidx)")
        }
    }

    func testStdoutIsRefused() {
        let writer = BigWigWriter(settings: TrackSettings(plan: plan), sink: OutputSink())
        XCTAssertThrowsError(try writer.begin(sequence: "r")) {
            XCTAssertEqual("\($0)", "stdout: a bigWig needs an output file (-o FILE), not a stream")
        }
    }

    func testRoundedValuesEqualTheParsedText() {
        for k in 0...20000 {
            let p = Float(k) / 20000 + (k % 3 == 0 ? 0.00004999 : 0)
            var text: [UInt8] = []
            NumberFormat.appendProbability(p, to: &text)
            XCTAssertEqual(NumberFormat.roundedProbability(p), Float(String(decoding: text, as: UTF8.self))!, "\(p)")
        }
    }
}
