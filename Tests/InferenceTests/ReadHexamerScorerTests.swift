import Foundation
import Inference
import ModelFormat
import Windows
import XCTest

/// A read's hexamer scores (`ReadHexamerScorer`) against the definition in `ReadHexamers` written out
/// plainly: GC, the interpolated table, every frame of both strands as text, stop codons, N, and the
/// best frame of each strand (every read length modulo 3).
final class ReadHexamerScorerTests: XCTestCase {
    private let letters: [Character] = ["A", "C", "G", "T"]

    private func reverseComplement(_ s: [Character]) -> [Character] {
        s.reversed().map { ["A": "T", "C": "G", "G": "C", "T": "A", "N": "N"][$0]! }
    }

    /// Each frame's sum on each strand (frame f: the hexamers starting at f, f + 3, … on that strand).
    private func expected(_ read: [Character], _ h: ReadHexamers, stops: Set<String>) -> ([Double], [Double]) {
        let known = read.filter { "ACGT".contains($0) }
        let gc = known.isEmpty ? 0.5 : Double(known.filter { "CG".contains($0) }.count) / Double(known.count)
        func ratio(_ hexamer: [Character]) -> Double {
            let index = hexamer.reduce(0) { $0 * 4 + letters.firstIndex(of: $1)! }
            let grid = h.gc
            if gc <= grid[0] { return Double(h.tables[0][index]) }
            if gc >= grid[grid.count - 1] { return Double(h.tables[grid.count - 1][index]) }
            let u = grid.firstIndex { $0 >= gc }!
            if grid[u] == gc { return Double(h.tables[u][index]) }
            let t = (gc - grid[u - 1]) / (grid[u] - grid[u - 1])
            return Double(h.tables[u - 1][index]) + t * (Double(h.tables[u][index]) - Double(h.tables[u - 1][index]))
        }
        func frames(_ s: [Character]) -> [Double] {
            (0..<3).map { f in
                stride(from: f, through: s.count - 6, by: 3).reduce(0.0) { total, p in
                    let hexamer = Array(s[p..<(p + 6)])
                    guard !hexamer.contains("N") else { return total }
                    return total + ratio(hexamer) - (stops.contains(String(hexamer[0..<3])) ? h.stopPenalty : 0)
                }
            }
        }
        return (frames(read), frames(reverseComplement(read)))
    }

    func testScoresMatchTheDefinition() {
        var state: UInt64 = 11
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % bound
        }
        let tables = (0..<3).map { _ in (0..<4096).map { _ in Float(next(2001) - 1000) / 1000 } }
        let hexamers = ReadHexamers(gc: [0.3, 0.45, 0.7], tables: tables, weight: 0.5, length: 150, stopPenalty: 1.5)
        var checked = 0, interpolated = 0, uniqueBest = 0
        for (codeIndex, stops) in [Set(["TAA", "TAG", "TGA"]), Set(["TAA", "TAG"])].enumerated() {
            var stopTable = [Bool](repeating: false, count: 64)
            for codon in stops { stopTable[codon.reduce(0) { $0 * 4 + letters.firstIndex(of: $1)! }] = true }
            let scorer = ReadHexamerScorer(hexamers: hexamers, stops: stopTable)
            for k in 0..<150 {
                // GC-poor, balanced and GC-rich reads, 6 to 80 bases, now and then an N.
                let weights = [[4, 1, 1, 4], [1, 1, 1, 1], [1, 4, 4, 1]][k % 3]
                let read: [Character] = (0..<(6 + next(75))).map { _ in
                    if next(40) == 0 { return "N" }
                    var r = next(weights.reduce(0, +))
                    for (i, w) in weights.enumerated() { if r < w { return letters[i] }; r -= w }
                    return "A"
                }
                let masks = read.map { BaseEncoding.maskOfASCII[Int($0.asciiValue!)] }
                let got = masks.withUnsafeBufferPointer { scorer.strandScores($0) }
                let frames = masks.withUnsafeBufferPointer { scorer.frameScores($0) }
                let want = expected(read, hexamers, stops: stops)
                XCTAssertEqual(got.plus, want.0.max()!, accuracy: 1e-4, "code \(codeIndex) read \(String(read))")
                XCTAssertEqual(got.minus, want.1.max()!, accuracy: 1e-4, "code \(codeIndex) read \(String(read))")
                // The best frame: the written-out sums' largest; any frame whose sum ties it within
                // rounding may be reported.
                let best = masks.withUnsafeBufferPointer { scorer.bestFrames($0) }
                XCTAssertEqual(best.plus.score, got.plus)
                XCTAssertEqual(best.minus.score, got.minus)
                XCTAssertEqual(want.0[best.plus.frame], want.0.max()!, accuracy: 1e-4, "best plus frame of \(String(read))")
                XCTAssertEqual(want.1[best.minus.frame], want.1.max()!, accuracy: 1e-4, "best minus frame of \(String(read))")
                if want.0.filter({ abs($0 - want.0.max()!) < 1e-3 }).count == 1 { uniqueBest += 1 }
                for f in 0..<3 {
                    XCTAssertEqual(frames.plus[f], want.0[f], accuracy: 1e-4, "plus frame \(f) of \(String(read))")
                    XCTAssertEqual(frames.minus[f], want.1[f], accuracy: 1e-4, "minus frame \(f) of \(String(read))")
                }
                checked += 1
                let known = read.filter { "ACGT".contains($0) }
                let gc = Double(known.filter { "CG".contains($0) }.count) / Double(max(known.count, 1))
                if gc > 0.3 && gc < 0.7 && gc != 0.45 { interpolated += 1 }
            }
        }
        XCTAssertEqual(checked, 300)
        XCTAssertGreaterThan(uniqueBest, 200, "too few reads with one best plus frame to tell frames apart")
        XCTAssertGreaterThan(interpolated, 60, "too few reads between grid points")
        // The read model's probability moves by weight × (150 / length) × score on the logit, its input
        // clamped to [1e-4, 1 − 1e-4].
        let scorer = ReadHexamerScorer(hexamers: hexamers, stops: [Bool](repeating: false, count: 64))
        XCTAssertEqual(Double(scorer.adjusted(0.5, score: 2, length: 150)), 1 / (1 + exp(-1)), accuracy: 1e-6)
        XCTAssertEqual(Double(scorer.adjusted(0.2, score: -4, length: 150)), 1 / (1 + exp(-(log(0.25) - 2))), accuracy: 1e-6)
        XCTAssertEqual(Double(scorer.adjusted(0.5, score: 2, length: 300)), 1 / (1 + exp(-0.5)), accuracy: 1e-6)
        XCTAssertEqual(Double(scorer.adjusted(0.5, score: 2, length: 75)), 1 / (1 + exp(-2)), accuracy: 1e-6)
        XCTAssertEqual(Double(scorer.adjusted(0, score: 0, length: 150)), 1e-4, accuracy: 1e-9)
    }
}
