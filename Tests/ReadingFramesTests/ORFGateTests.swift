import Foundation
import Windows
import XCTest
@testable import ReadingFrames

final class ORFGateTests: XCTestCase {
    private func masks(_ text: String) -> [UInt8] {
        text.utf8.map { BaseEncoding.maskOfASCII[Int($0)] }
    }

    /// Every codon of every supported table: the plus strand stops are the table's, the minus strand
    /// ones their reverse complements; ambiguity codes never stop; U reads as T.
    func testStopCodonsOfEveryTableOnBothStrands() {
        let bases = Array("ACGT")
        let expected: [Int: [String]] = [1: ["TAA", "TAG", "TGA"], 11: ["TAA", "TAG", "TGA"], 4: ["TAA", "TAG"],
                                         25: ["TAA", "TAG"], 6: ["TGA"]]
        XCTAssertEqual(GeneticCode.supportedTables, [1, 4, 6, 11, 25])
        for table in GeneticCode.supportedTables {
            let code = GeneticCode.ncbi(table)!
            XCTAssertEqual(code.table, table)
            XCTAssertEqual(code.stops, expected[table])
            var plus: [String] = [], minus: [String] = []
            for a in bases { for b in bases { for c in bases {
                let codon = String([a, b, c])
                let m = masks(codon)
                if code.isStop(m[0], m[1], m[2], minusStrand: false) { plus.append(codon) }
                if code.isStop(m[0], m[1], m[2], minusStrand: true) { minus.append(codon) }
            } } }
            XCTAssertEqual(plus, expected[table], "table \(table)")
            XCTAssertEqual(minus, expected[table]!.map(reverseComplement).sorted(), "table \(table)")
        }
        XCTAssertNil(GeneticCode.ncbi(2))
        XCTAssertNil(GeneticCode.ncbi(0))
        XCTAssertEqual(GeneticCode.standard, GeneticCode.ncbi(11))
        let code = GeneticCode.standard
        let n = masks("TNA"), r = masks("TRA"), u = masks("uaa")
        XCTAssertFalse(code.isStop(n[0], n[1], n[2], minusStrand: false), "an N never makes a stop codon")
        XCTAssertFalse(code.isStop(r[0], r[1], r[2], minusStrand: false), "TRA may be TAA or TGA: not a stop")
        XCTAssertTrue(code.isStop(u[0], u[1], u[2], minusStrand: false))
    }

    private func reverseComplement(_ codon: String) -> String {
        String(codon.reversed().map { ["A": "T", "C": "G", "G": "C", "T": "A"][$0]! as Character })
    }

    func testGateCurve() {
        let gate = ORFGate(midpoint: 200)
        XCTAssertEqual(gate.value(length: 200), 0.5, accuracy: 1e-12)
        XCTAssertEqual(gate.value(length: 100), 1 / (1 + pow(2, 1 / 0.3)), accuracy: 1e-12)
        XCTAssertEqual(gate.value(length: ORFGate.lengthCap), gate.value(length: 50_000), "lengths are capped")
        XCTAssertGreaterThan(gate.value(length: ORFGate.lengthCap), 0.999)
        XCTAssertLessThan(gate.value(length: 60), 0.02)
        var previous = 0.0
        for length in stride(from: 1, through: 2_500, by: 7) {
            let g = gate.value(length: length)
            XCTAssertGreaterThanOrEqual(g, previous)
            previous = g
        }
    }

    /// A hand-made stretch: one plus-strand ORF of known length, the other two frames cut every 12
    /// bases by stops.
    func testKnownPlusStrandORF() {
        // CTA AGC GCT AAC has no stop in its own frame; shifted by 1 it reads TAA GCG CTA ACC, by 2
        // AAG CGC TAA CCT. The ORF runs from after one TAA up to and including the next.
        let stops = "GGGTAAGGG"
        let body = String(repeating: "CTAAGCGCTAAC", count: 25)
        let text = stops + "TAA" + body + "TAA" + stops
        let m = masks(text)
        let orfStart = stops.count + 3, orfEnd = orfStart + 303  // after the first TAA, up to and including the second
        let gate = ORFGate(midpoint: 200)
        let bin = (orfStart + 100)..<(orfStart + 130)
        let result = m.withUnsafeBufferPointer { gate.binGates(masks: $0, bins: [bin]) }
        XCTAssertEqual(Double(result[0].plus), gate.value(length: orfEnd - orfStart), accuracy: 1e-6)
        // On the minus strand, CTA (TAG read backwards) cuts two frames; the third has no stop in the
        // whole stretch, so its ORF is open at both edges and counts as the cap.
        XCTAssertEqual(Double(result[0].minus), gate.value(length: ORFGate.lengthCap), accuracy: 1e-6)
        XCTAssertEqual(result.count, 1)
        XCTAssertEqual(m.withUnsafeBufferPointer { gate.binGates(masks: $0, bins: [5..<5]) }[0].plus, 1)
    }

    /// Under table 4 TGA reads through: an ORF cut by TGA under the standard code runs on.
    func testTable4ReadsThroughTGA() {
        let stops = "GGGTAAGGG"
        let body = String(repeating: "CTAAGCGCTAAC", count: 10)
        let m = masks(stops + "TAA" + body + "TGA" + body + "TAA" + stops)
        let orfStart = stops.count + 3
        let bin = (orfStart + 40)..<(orfStart + 50)  // away from the stretch's open first segments
        let standard = ORFGate(midpoint: 200)
        let table4 = ORFGate(midpoint: 200, code: GeneticCode.ncbi(4)!)
        let a = m.withUnsafeBufferPointer { standard.binGates(masks: $0, bins: [bin]) }
        let b = m.withUnsafeBufferPointer { table4.binGates(masks: $0, bins: [bin]) }
        XCTAssertEqual(Double(a[0].plus), standard.value(length: 123), accuracy: 1e-6)
        XCTAssertEqual(Double(b[0].plus), table4.value(length: 246), accuracy: 1e-6)
    }

    /// An ORF running into either edge of the stretch is open: it counts as the cap.
    func testOpenORFsAtTheEdges() {
        let m = masks(String(repeating: "GCC", count: 20))
        let gate = ORFGate(midpoint: 1_000)
        let result = m.withUnsafeBufferPointer { gate.binGates(masks: $0, bins: [0..<60, 10..<20]) }
        let capped = Float(gate.value(length: ORFGate.lengthCap))
        XCTAssertEqual(result[0].plus, capped, accuracy: 1e-6)
        XCTAssertEqual(result[1].minus, capped, accuracy: 1e-6)
    }

    /// The sweep against a base-by-base walk to the nearest stop codons, on random sequences with
    /// ambiguity codes, random bins (edges included) and several midpoints.
    func testMatchesTheNaiveReference() {
        var state: UInt64 = 11
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % bound
        }
        let alphabet = Array("ACGTACGTACGTTTAAN")
        for round in 0..<12 {
            let n = 50 + next(5_000)
            let m = masks(String((0..<n).map { _ in alphabet[next(alphabet.count)] }))
            var bins: [Range<Int>] = []
            var low = next(20)
            while low < n {
                let high = min(n, low + 1 + next(80))
                bins.append(low..<high)
                low = high + next(40)
            }
            let gate = ORFGate(midpoint: [30, 150, 200, 2_000][round % 4],
                               code: GeneticCode.ncbi(GeneticCode.supportedTables[round % 5])!)
            let fast = m.withUnsafeBufferPointer { gate.binGates(masks: $0, bins: bins) }
            XCTAssertEqual(fast.count, bins.count)
            for (k, bin) in bins.enumerated() {
                let plus = bin.map { naiveGate(gate, m, $0, minusStrand: false) }.reduce(0, +) / Double(bin.count)
                let minus = bin.map { naiveGate(gate, m, $0, minusStrand: true) }.reduce(0, +) / Double(bin.count)
                XCTAssertEqual(Double(fast[k].plus), plus, accuracy: 1e-6, "round \(round) bin \(bin)")
                XCTAssertEqual(Double(fast[k].minus), minus, accuracy: 1e-6, "round \(round) bin \(bin)")
            }
        }
    }

    /// The gate of base `x`: for each frame, walk codon by codon to the nearest stops on both sides.
    private func naiveGate(_ gate: ORFGate, _ m: [UInt8], _ x: Int, minusStrand: Bool) -> Double {
        let letters: [UInt8: Character] = [1: "A", 2: "C", 4: "G", 8: "T"]
        let stops = Set(minusStrand ? gate.code.stops.map(reverseComplement) : gate.code.stops)
        func stop(_ s: Int) -> Bool {
            guard s >= 0 && s + 2 < m.count, let a = letters[m[s]], let b = letters[m[s + 1]], let c = letters[m[s + 2]]
            else { return false }
            return stops.contains(String([a, b, c]))
        }
        var best = 0.0
        for frame in 0..<3 {
            // The codon of this frame holding x (it may hang over an edge).
            let codon = x - ((x - frame) % 3 + 3) % 3
            var left: Int?, right: Int?
            if minusStrand {
                // The ORF starts at a stop codon at or before `codon` and ends before the next one.
                var s = codon
                while s >= 0 { if stop(s) { left = s; break }; s -= 3 }
                s = codon + 3
                while s + 2 < m.count { if stop(s) { right = s; break }; s += 3 }
            } else {
                // The ORF starts after a stop codon before `codon` and ends with one at or after it.
                var s = codon - 3
                while s >= 0 { if stop(s) { left = s + 3; break }; s -= 3 }
                s = codon
                while s + 2 < m.count { if stop(s) { right = s + 3; break }; s += 3 }
            }
            let length = (left != nil && right != nil) ? right! - left! : ORFGate.lengthCap
            best = max(best, gate.value(length: length))
        }
        return best
    }
}
