import Foundation
import ModelFormat
import Training
import XCTest

/// What `train --read-hexamers` counts: in-frame hexamers of each covered run (frame with the fewest
/// stop codons, the first on ties) on both strands, every hexamer of the records, GC; and the pooled
/// tables.
final class ReadHexamerCountsTests: XCTestCase {
    private func index(_ s: String) -> Int { s.reduce(0) { $0 * 4 + ["A": 0, "C": 1, "G": 2, "T": 3][$1]! } }

    private func reverseComplement(_ s: String) -> String {
        String(s.reversed().map { ["A": "T", "C": "G", "G": "C", "T": "A"][$0]! })
    }

    func testRunsAreReadInTheirLeastStoppedFrame() throws {
        // ATG AAA CCC GGG TTT TAA: frame 0 and frame 2 have no stop before the last codon (frame 1 reads
        // TGA first): frame 0, the first. A second run whose frame 0 reads TAA first, frames 1 and 2 none:
        // frame 1, T AAA TGT CCC TTT GA.
        let gene = "ATGAAACCCGGGTTTTAA", shifted = "TAAATGTCCCTTTGA"
        let text = "CC" + gene + "CC" + shifted + "GG"
        let plusCoverage = text.indices.map { i -> UInt8 in
            let x = text.distance(from: text.startIndex, to: i)
            return (2..<20).contains(x) || (22..<37).contains(x) ? 1 : 0
        }
        let none = [UInt8](repeating: 0, count: text.count)
        let plus = GenomeData(path: "/data/plus/genome.fa", annotationPath: "a.gff3",
                              records: [GenomeRecord(name: "r", sequence: text, plusCoverage: plusCoverage, minusCoverage: none)],
                              cdsCount: 2)
        let counts = ReadHexamerCounts(plus)
        let wanted = ["ATGAAA", "AAACCC", "CCCGGG", "GGGTTT", "TTTTAA", "AAATGT", "TGTCCC", "CCCTTT"]
        XCTAssertEqual(counts.coding.reduce(0, +), wanted.count)
        for hexamer in wanted { XCTAssertEqual(counts.coding[index(hexamer)], 1, hexamer) }
        XCTAssertEqual(counts.background.reduce(0, +), 2 * (text.count - 5))
        XCTAssertEqual(counts.gc, Double(text.filter { "CG".contains($0) }.count) / Double(text.count), accuracy: 1e-12)
        XCTAssertEqual(counts.genome, "plus/genome.fa")
        // The same genes on the minus strand count the same hexamers.
        let minusText = reverseComplement(text)
        let minus = GenomeData(path: "m.fa", annotationPath: "a.gff3",
                               records: [GenomeRecord(name: "r", sequence: minusText, plusCoverage: none,
                                                      minusCoverage: Array(plusCoverage.reversed()))], cdsCount: 2)
        XCTAssertEqual(ReadHexamerCounts(minus).coding, counts.coding)

        // One genome pooled: its own log ratio (pseudo-count 1) at every grid point, rounded to 4 decimals.
        let tables = ReadHexamerCounts.pooled([counts], grid: [0.3, 0.6])
        let h = index("ATGAAA")
        let want = log(2.0 / Double(wanted.count + 4096)) - log(Double(counts.background[h] + 1) / Double(2 * (text.count - 5) + 4096))
        XCTAssertEqual(Double(tables.tables[0][h]), want, accuracy: 1e-4)
        XCTAssertEqual(tables.tables[0], tables.tables[1])
        XCTAssertEqual(tables.weight, ReadHexamerCounts.weight)
    }

    /// Frames follow the genetic code the annotation states: TGA is a stop in table 11, tryptophan in
    /// table 4 (Mycoplasma), so ATG TGA AAA CCC TAA is read in frame 0 only with table 4.
    func testFramesFollowTheAnnotationsGeneticCode() {
        let text = "ATGTGAAAACCCTAA"
        let covered = [UInt8](repeating: 1, count: text.count), none = [UInt8](repeating: 0, count: text.count)
        func counts(_ table: Int?) -> ReadHexamerCounts {
            ReadHexamerCounts(GenomeData(path: "g.fa", annotationPath: "a.gff3",
                                         records: [GenomeRecord(name: "r", sequence: text, plusCoverage: covered, minusCoverage: none)],
                                         cdsCount: 1, translationTable: table))
        }
        let code4 = counts(4), code11 = counts(nil)
        for hexamer in ["ATGTGA", "TGAAAA", "AAACCC", "CCCTAA"] { XCTAssertEqual(code4.coding[index(hexamer)], 1, hexamer) }
        XCTAssertEqual(code4.coding.reduce(0, +), 4)
        for hexamer in ["TGTGAA", "GAAAAC", "AACCCT"] { XCTAssertEqual(code11.coding[index(hexamer)], 1, hexamer) }
        XCTAssertEqual(code11.coding.reduce(0, +), 3)
        XCTAssertEqual(counts(11).coding, code11.coding)
    }
}
