import Foundation
import ReadingFrames
import Tracks
import Windows
import XCTest
@testable import GeneCalling

/// The eukaryote gene model streamed through `GeneDecodingWriter`, and `--gene-model auto`'s choice.
final class EukaryoteDecodingTests: XCTestCase {
    private var eukaryote: GeneModel {
        var model = GeneModel(maximumLength: 3_000)
        model.kind = .eukaryote
        return model
    }

    /// Which bases the calls cover.
    private func coveredBases(_ calls: [GeneCall], length: Int) -> [Bool] {
        var covered = [Bool](repeating: false, count: length)
        for call in calls { for x in call.start..<call.end { covered[x] = true } }
        return covered
    }

    func testExonModelCallsPlantedSpliceSites() throws {
        let (record, donors) = DecodingHarness.plantedSplicedRecord(length: 80_000, seed: 3)
        XCTAssertGreaterThan(donors.count, 40)
        let calls = try DecodingHarness.decode(record, model: eukaryote, lookBack: 3_000)
        let called = Set(calls.filter(\.endsAtDonor).map { "\($0.minusStrand ? $0.start : $0.end)\($0.strandText)" })
        let found = donors.filter { called.contains("\($0.position)\($0.minus ? "-" : "+")") }.count
        XCTAssertGreaterThan(Double(found) / Double(donors.count), 0.5, "planted donors called exactly: \(found) of \(donors.count)")
        // Exons report their phase and splice ends in GFF terms.
        XCTAssertTrue(calls.contains { $0.startType == "Splice" })
        XCTAssertTrue(calls.contains { $0.phase != 0 })
        // The prokaryote model cannot follow the introns: fewer planted exon bases covered.
        let prokaryote = try DecodingHarness.decode(record, model: GeneModel(maximumLength: 3_000), lookBack: 3_000)
        let truth = (0..<record.bases.count).map { record.plus[$0] > 0.5 || record.minus[$0] > 0.5 }
        func agreement(_ calls: [GeneCall]) -> Int {
            zip(coveredBases(calls, length: truth.count), truth).filter { $0 == $1 }.count
        }
        XCTAssertGreaterThan(agreement(calls), agreement(prokaryote))
    }

    func testBoundedLookBackDecidesAsTheWholeRecord() throws {
        let (record, _) = DecodingHarness.plantedSplicedRecord(length: 60_000, seed: 8)
        let streamed = try DecodingHarness.decode(record, model: eukaryote, lookBack: 3_000)
        let whole = try DecodingHarness.decode(record, model: eukaryote, lookBack: 1_000_000)
        XCTAssertGreaterThan(whole.count, 30)
        XCTAssertEqual(streamed, whole)
    }

    /// A translated exon starts at its phase and leaves out the bases of a codon cut by its donor.
    func testExonTranslationFollowsPhase() {
        // Phase 2: "GC" then ATG GCC AAA, then "GT" of a split codon before the donor.
        let text = "GCATGGCCAAAGT"
        let masks = text.utf8.map { BaseEncoding.maskOfASCII[Int($0)] }
        var exon = DecodedGene(start: 0, end: 13, minusStrand: false, startCodon: nil, partialLeft: false,
                               partialRight: false, score: 0)
        exon.phase = 2
        exon.splicedLeft = true
        exon.splicedRight = true
        let plus = masks.withUnsafeBufferPointer { GeneDecodingWriter.translate($0, gene: exon, code: .standard) }
        XCTAssertEqual(String(decoding: plus, as: UTF8.self), "MAK")
        var minusExon = exon
        minusExon.minusStrand = true
        let reversed = masks.reversed().map(BaseEncoding.complement)
        let minus = reversed.withUnsafeBufferPointer { GeneDecodingWriter.translate($0, gene: minusExon, code: .standard) }
        XCTAssertEqual(String(decoding: minus, as: UTF8.self), "MAK")
    }

    func testAutoChoosesPerRecordAndShortRecordsFollow() throws {
        var auto = GeneModel(maximumLength: 3_000)
        auto.kind = .auto
        let dense = DecodingHarness.plantedRecord(length: 60_000, seed: 4)
        let (sparse, _) = DecodingHarness.plantedSplicedRecord(length: 60_000, seed: 5)
        let short = DecodingHarness.plantedRecord(length: 8_000, seed: 6)
        let (calls, writer) = try DecodingHarness.decode([dense, sparse, short, dense, short], model: auto, lookBack: 3_000) {
            $0.autoMinimum = 20_000
        }
        XCTAssertEqual(writer.recordKinds, [.prokaryote, .eukaryote, .eukaryote, .prokaryote, .prokaryote])
        // Each record decoded as its chosen model alone would.
        var eukaryote = auto, prokaryote = auto
        eukaryote.kind = .eukaryote
        prokaryote.kind = .prokaryote
        let expected = try DecodingHarness.decode(dense, model: prokaryote, lookBack: 3_000)
            + DecodingHarness.decode(sparse, model: eukaryote, lookBack: 3_000)
        XCTAssertEqual(Array(calls.prefix(expected.count)), expected)
    }

    /// Statistics that favour the gene model (here every hexamer scores +2) tip auto's choice to it
    /// when they are the genome's own, but not when they are a prior pooled over other genomes.
    func testAutoChoosesWithoutAPriorsStatistics() throws {
        var auto = GeneModel(maximumLength: 3_000)
        auto.kind = .auto
        auto.hexamers = HexamerTable(ratios: [Float](repeating: 2, count: 4096))
        auto.hexamerWeight = 1
        let (sparse, _) = DecodingHarness.plantedSplicedRecord(length: 60_000, seed: 5)
        let own = try DecodingHarness.decode([sparse], model: auto, lookBack: 3_000) { $0.autoMinimum = 20_000 }.writer
        XCTAssertEqual(own.recordKinds, [.prokaryote])
        auto.statisticsArePrior = true
        let (calls, prior) = try DecodingHarness.decode([sparse], model: auto, lookBack: 3_000) { $0.autoMinimum = 20_000 }
        XCTAssertEqual(prior.recordKinds, [.eukaryote])
        // Chosen without the prior, decoded with it: the exon model, which does not read hexamers.
        var eukaryote = auto
        eukaryote.kind = .eukaryote
        XCTAssertEqual(calls, try DecodingHarness.decode(sparse, model: eukaryote, lookBack: 3_000))
    }
}
