import Assessment
import Foundation
import Pipeline
import Tracks
import XCTest

/// The collector sees the same bins as `codingscan scan`'s bedGraph.
final class BinCollectorTests: XCTestCase {
    /// The bedGraph lines `codingscan scan` writes for `path` with these options.
    private func bedGraph(_ path: String, window: Int?, step: Int?, in scratch: ScratchDirectory) throws -> [String] {
        let scanner = try TrackScanner(model: AssessmentFixtures.tinyModel, options: ScanOptions(window: window, step: step))
        let out = scratch.path("track.bedgraph")
        let sink = try OutputSink(path: out)
        _ = try scanner.scan(paths: [path], sink: sink)
        try sink.commit()
        return try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    /// The collector's scored bins as bedGraph lines (4 decimals, as the bedGraph writer rounds).
    private func lines(_ genome: ScoredGenome) -> [String] {
        genome.sequences.flatMap { sequence in
            sequence.bins.compactMap { bin in
                bin.score.map { "\(sequence.name)\t\(bin.start)\t\(bin.end)\t\(EvalReport.decimal(Double($0))!)" }
            }
        }
    }

    private func check(_ relative: String, window: Int? = nil, step: Int? = nil,
                       file: StaticString = #filePath, line: UInt = #line) throws -> ScoredGenome {
        let scratch = try ScratchDirectory()
        let path = AssessmentFixtures.path(relative)
        let scorer = try GenomeScorer(model: AssessmentFixtures.tinyModel,
                                      options: ScanOptions(window: window, step: step))
        let genome = try scorer.score(path: path)
        let expected = try bedGraph(path, window: window, step: step, in: scratch)
        XCTAssertFalse(expected.isEmpty, file: file, line: line)
        XCTAssertEqual(lines(genome), expected, relative, file: file, line: line)
        for sequence in genome.sequences where !sequence.bins.isEmpty {
            // Bins tile the record: first at 0, each starts where the previous ended, last at the end.
            XCTAssertEqual(sequence.bins.first?.start, 0, file: file, line: line)
            XCTAssertEqual(sequence.bins.last?.end, sequence.length, file: file, line: line)
            for (a, b) in zip(sequence.bins, sequence.bins.dropFirst()) {
                XCTAssertEqual(a.end, b.start, file: file, line: line)
            }
        }
        return genome
    }

    func testSmallFixtureMatchesBedGraph() throws {
        let genome = try check("fixtures/seq/small.fa")
        XCTAssertEqual(genome.sequences.map(\.name),
                       ["tiny", "short", "exact", "orf_in_noise", "n_run", "soft_masked", "iupac"])
        XCTAssertEqual(genome.skipped.map(\.name), ["tiny"], "15 bp is below the minimum length 20")
        XCTAssertGreaterThan(genome.unscoredBins, 0, "the N run leaves unscored bins")
        XCTAssertEqual(genome.bases, 15 + 24 + 60 + 356 + 260 + 160 + 111)
    }

    func testOtherWindowAndStepMatchBedGraph() throws {
        let genome = try check("fixtures/seq/two.fa", window: 40, step: 7)
        XCTAssertEqual(genome.window, 40)
        XCTAssertEqual(genome.step, 7)
    }

    func testRealPlasmidMatchesBedGraph() throws {
        let genome = try check("fixtures/real/pPCP1.fa.gz")
        XCTAssertEqual(genome.sequences.count, 1)
        XCTAssertEqual(genome.bases, 9609)
        XCTAssertEqual(genome.displayName, "pPCP1.fa.gz")
        XCTAssertEqual(genome.sequences[0].bins.count, (9609 - 60) / 20 + 1)
    }

    func testScoreIsTheLargerStrand() throws {
        let collector = BinCollector(plan: AssessmentFixtures.tinyPlan)
        try collector.begin(sequence: "s")
        try collector.add(ScoredWindow(index: 0, start: 0, end: 60, plus: 0.25, minus: 0.75))
        try collector.add(ScoredWindow(index: 1, start: 20, end: 80, plus: 0.5, minus: 0.125))
        try collector.add(ScoredWindow(index: 2, start: 40, end: 100, plus: nil, minus: nil))
        try collector.end(sequenceLength: 110)
        XCTAssertEqual(collector.take(), [ScoredSequence(name: "s", length: 110, bins: [
            ScoredBin(start: 0, end: 40, score: 0.75),
            ScoredBin(start: 40, end: 60, score: 0.5),
            ScoredBin(start: 60, end: 110, score: nil),
        ])])
        XCTAssertEqual(collector.sequences, [])
    }
}

