import ReadingFrames
import Windows
import XCTest
@testable import GeneCalling

/// What `--adapt` counts: hexamers on both strands whatever the blocks the bases come in, in-frame
/// hexamers of genes on their strand, start codons; and when it has too little to adapt.
final class GeneStatisticsTests: XCTestCase {
    private func masks(_ text: String) -> [UInt8] { text.utf8.map { BaseEncoding.maskOfASCII[Int($0)] } }

    func testBackgroundCountsBothStrandsAcrossBlocks() {
        var state: UInt64 = 3
        let text = String((0..<5_000).map { _ -> Character in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Array("ACGTN")[Int(state >> 33) % 5]
        })
        let whole = GeneStatistics(), split = GeneStatistics()
        masks(text).withUnsafeBufferPointer { whole.countBackground($0) }
        let m = masks(text)
        for range in [0..<7, 7..<8, 8..<2_000, 2_000..<5_000] {
            m[range].withUnsafeBufferPointer { split.countBackground($0) }
        }
        XCTAssertEqual(whole.background, split.background)
        // Each hexamer without N counts once per strand: ACGTAC and its reverse complement GTACGT.
        let one = GeneStatistics()
        masks("ACGTAC").withUnsafeBufferPointer { one.countBackground($0) }
        let index = { (s: String) in s.reduce(0) { $0 * 4 + ["A": 0, "C": 1, "G": 2, "T": 3][$1]! } }
        XCTAssertEqual(one.background[index("ACGTAC")], 1)
        XCTAssertEqual(one.background[index("GTACGT")], 1)
        XCTAssertEqual(one.background.reduce(0, +), 2)
        // A new record: no hexamer across the boundary.
        let records = GeneStatistics()
        masks("ACG").withUnsafeBufferPointer { records.countBackground($0) }
        records.beginRecord()
        masks("TAC").withUnsafeBufferPointer { records.countBackground($0) }
        XCTAssertEqual(records.background.reduce(0, +), 0)
    }

    func testGenesCountInFrameHexamersAndStarts() {
        let statistics = GeneStatistics()
        // ATG AAA CCC TAA on the plus strand: hexamers ATGAAA, AAACCC and CCCTAA (the stop's own hexamer
        // would leave the gene).
        let plus = masks("ATGAAACCCTAA")
        let gene = DecodedGene(start: 0, end: 12, minusStrand: false, startCodon: GeneticCode.codonIndex("ATG"),
                               partialLeft: false, partialRight: false, score: 1)
        plus.withUnsafeBufferPointer { statistics.countGene(gene, masks: $0, motif: true, upstream: [2, 2, -1, 0]) }
        // The same gene on the minus strand counts the same hexamers.
        let minus = plus.reversed().map(BaseEncoding.complement)
        var minusGene = gene
        minusGene.minusStrand = true
        minus.withUnsafeBufferPointer { statistics.countGene(minusGene, masks: $0, motif: false) }
        let index = { (s: String) in s.reduce(0) { $0 * 4 + ["A": 0, "C": 1, "G": 2, "T": 3][$1]! } }
        XCTAssertEqual(statistics.coding[index("ATGAAA")], 2)
        XCTAssertEqual(statistics.coding[index("AAACCC")], 2)
        XCTAssertEqual(statistics.coding[index("CCCTAA")], 2)
        XCTAssertEqual(statistics.coding.reduce(0, +), 6)
        XCTAssertEqual(statistics.starts["ATG"], 2)
        XCTAssertEqual(statistics.withMotif, 1)
        // The start context: G at 1 and 2 bases before the start, nothing at 3, A at 4.
        XCTAssertEqual(statistics.upstream[4 * 0 + 2], 1)
        XCTAssertEqual(statistics.upstream[4 * 1 + 2], 1)
        XCTAssertEqual(statistics.upstream[4 * 3 + 0], 1)
        XCTAssertEqual(statistics.upstream.reduce(0, +), 3)
        // Far too little to adapt: the model comes back unchanged.
        XCTAssertEqual(statistics.adapted(GeneModel()), GeneModel())
    }

    /// Enough bases and calls adapt a model: its statistics, and the posterior temperature of adapted
    /// models; too few leave it as it was.
    func testAdaptedModelsDecodeAtTheirOwnTemperature() {
        let statistics = GeneStatistics()
        var state: UInt64 = 11
        let text = String((0..<GeneStatistics.minimumBases).map { _ -> Character in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Array("ACGT")[Int(state >> 33) % 4]
        })
        masks(text).withUnsafeBufferPointer { statistics.countBackground($0) }
        let gene = DecodedGene(start: 0, end: 12, minusStrand: false, startCodon: GeneticCode.codonIndex("ATG"),
                               partialLeft: false, partialRight: false, score: 1)
        XCTAssertEqual(statistics.adapted(GeneModel()), GeneModel(), "no calls yet")
        for _ in 0..<GeneStatistics.minimumGenes {
            masks("ATGAAACCCTAA").withUnsafeBufferPointer { statistics.countGene(gene, masks: $0, motif: false) }
        }
        let adapted = statistics.adapted(GeneModel())
        XCTAssertNotNil(adapted.hexamers)
        XCTAssertFalse(adapted.statisticsArePrior)
        XCTAssertEqual(GeneModel().posteriorTemperature, 2)
        XCTAssertEqual(adapted.posteriorTemperature, GeneModel.adaptedPosteriorTemperature)
        XCTAssertEqual(GeneModel.adaptedPosteriorTemperature, 2.5)
    }

    /// An exon counts the hexamers of its own frame: its first whole codon lies `phase` bases in.
    func testExonsCountHexamersFromTheirFirstWholeCodon() {
        let statistics = GeneStatistics()
        // GT | ATG AAA CCC | GTA: an exon of 14 bases with phase 2 and two bases of an unfinished codon.
        let plus = masks("GTATGAAACCCGTA")
        var exon = DecodedGene(start: 0, end: 14, minusStrand: false, startCodon: nil, partialLeft: false,
                               partialRight: false, score: 1)
        exon.phase = 2
        plus.withUnsafeBufferPointer { statistics.countGene(exon, masks: $0, motif: false) }
        // The same exon on the minus strand (its phase counts from its 5' end, the right end).
        let minus = plus.reversed().map(BaseEncoding.complement)
        var minusExon = exon
        minusExon.minusStrand = true
        minus.withUnsafeBufferPointer { statistics.countGene(minusExon, masks: $0, motif: false) }
        let index = { (s: String) in s.reduce(0) { $0 * 4 + ["A": 0, "C": 1, "G": 2, "T": 3][$1]! } }
        XCTAssertEqual(statistics.coding[index("ATGAAA")], 2)
        XCTAssertEqual(statistics.coding[index("AAACCC")], 2)
        XCTAssertEqual(statistics.coding[index("CCCGTA")], 2)
        XCTAssertEqual(statistics.coding.reduce(0, +), 6)
        XCTAssertEqual(statistics.completeGenes, 0)
    }
}
