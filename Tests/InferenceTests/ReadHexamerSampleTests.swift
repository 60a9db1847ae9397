import Foundation
import Inference
import ModelFormat
import Windows
import XCTest

/// What `--adapt` counts on reads (`ReadHexamerSample`): every hexamer of every read on both strands,
/// the best frame's hexamers of each read scored coding; the table it learns, and none from too few.
final class ReadHexamerSampleTests: XCTestCase {
    private func index(_ s: String) -> Int { s.reduce(0) { $0 * 4 + ["A": 0, "C": 1, "G": 2, "T": 3][$1]! } }

    func testCountsAndTable() throws {
        // A table that likes AAACCC and CCCAAA: the read AAACCCAAACCC scores best in plus frame 0.
        var ratios = [Float](repeating: -0.1, count: 4096)
        ratios[index("AAACCC")] = 2
        ratios[index("CCCAAA")] = 2
        let model = ReadHexamers(gc: [0.5], tables: [ratios], weight: 0.5, length: 150, stopPenalty: 2)
        let scorer = ReadHexamerScorer(hexamers: model, stops: [Bool](repeating: false, count: 64))
        let read = "AAACCCAAACCC".utf8.map { BaseEncoding.maskOfASCII[Int($0)] }
        let frames = read.withUnsafeBufferPointer { scorer.frameScores($0) }
        let strands = read.withUnsafeBufferPointer { scorer.strandScores($0) }
        XCTAssertEqual(frames.plus[0], 6, accuracy: 1e-6)   // AAACCC at 0 and 6, CCCAAA at 3
        XCTAssertEqual(frames.plus.max()!, strands.plus, accuracy: 1e-5)
        XCTAssertEqual(frames.minus.max()!, strands.minus, accuracy: 1e-5)

        let sample = ReadHexamerSample()
        read.withUnsafeBufferPointer { sample.count($0, plus: 0.9, minus: 0.1, frames: scorer.bestFrames($0)) }
        read.withUnsafeBufferPointer { sample.count($0, plus: 0.2, minus: nil, frames: scorer.bestFrames($0)) }
        XCTAssertEqual(sample.reads, 2)
        XCTAssertEqual(sample.codingReads, 1)
        XCTAssertEqual(sample.bases, 24)
        XCTAssertNil(sample.table(like: model), "too few reads scored coding")
        for _ in 0..<(ReadHexamerSample.minimumCodingReads - 1) {
            read.withUnsafeBufferPointer { sample.count($0, plus: nil, minus: 0.6, frames: scorer.bestFrames($0)) }
        }
        let learnt = try XCTUnwrap(sample.table(like: model))
        XCTAssertEqual(learnt.gc, [0.5])
        XCTAssertEqual(learnt.weight, 0.5)
        XCTAssertEqual(learnt.length, 150)
        XCTAssertEqual(learnt.stopPenalty, 2)
        // Coding: 1000 reads × their best frame's three hexamers (AAACCC twice, CCCAAA); background: 1001
        // reads × 7 hexamers × 2 strands, AAACCC twice per read forward and GGGTTT twice on the reverse
        // complement (one pseudo-count each).
        let codingTotal = 3000.0 + 4096, backgroundTotal = 1001.0 * 14 + 4096
        XCTAssertEqual(Double(learnt.tables[0][index("AAACCC")]),
                       log(2001 / codingTotal) - log(2003 / backgroundTotal), accuracy: 1e-4)
        XCTAssertEqual(Double(learnt.tables[0][index("GGGTTT")]),
                       log(1 / codingTotal) - log(2003 / backgroundTotal), accuracy: 1e-4)
    }
}
