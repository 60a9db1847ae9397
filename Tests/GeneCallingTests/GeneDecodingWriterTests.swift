import ReadingFrames
import Tracks
import Windows
import Foundation
import XCTest
@testable import GeneCalling

/// The streaming decoder: decisions made with a bounded look-back equal those of one pass over the
/// whole record; translation of calls on both strands and per genetic code.
final class GeneDecodingWriterTests: XCTestCase {
    func testBoundedLookBackDecidesAsTheWholeRecord() throws {
        let model = GeneModel(maximumLength: 3_000)
        for seed in [1, 2, 3] as [UInt64] {
            let record = DecodingHarness.plantedRecord(length: 60_000, seed: seed)
            let streamed = try DecodingHarness.decode(record, model: model, lookBack: 3_000)
            let whole = try DecodingHarness.decode(record, model: model, lookBack: 1_000_000)
            XCTAssertGreaterThan(whole.count, 20, "seed \(seed): the planted genes should be called")
            let a = streamed.map { "\($0.start)-\($0.end)\($0.strandText)" }, b = whole.map { "\($0.start)-\($0.end)\($0.strandText)" }
            XCTAssertEqual(a, b, "seed \(seed): spans")
            XCTAssertTrue(streamed == whole, "seed \(seed): calls differ beyond their spans")
        }
    }

    /// The posterior track written with decisions every 8 look-backs against one pass over the record:
    /// the same bases, values within 0.001 with posterior temperature 1 and 0.005 with the default 2 (the
    /// stretch's posterior is conditioned on the genes decided before it and cut off at its front, so
    /// bases next to a decision point may differ in the last digits; the softer posterior of a higher
    /// temperature feels that further).
    func testStreamedPosteriorMatchesTheWholeRecord() throws {
        for (temperature, bound) in [(1.0, 0.001), (GeneModel().posteriorTemperature, 0.005)] {
            var model = GeneModel(maximumLength: 3_000)
            model.posteriorTemperature = temperature
            try checkStreamedPosterior(model: model, bound: bound)
        }
    }

    private func checkStreamedPosterior(model: GeneModel, bound: Double) throws {
        let record = DecodingHarness.plantedRecord(length: 60_000, seed: 5)
        let dir = NSTemporaryDirectory() + "codingscan-posterior-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var tracks: [[(Int, Int, Double)]] = []
        for lookBack in [3_000, 1_000_000] {
            let sink = try OutputSink(path: dir + "/\(lookBack).bedgraph")
            _ = try DecodingHarness.decode(record, model: model, lookBack: lookBack, posterior: sink)
            try sink.commit()
            let text = try String(contentsOfFile: dir + "/\(lookBack).bedgraph", encoding: .utf8)
            tracks.append(text.split(separator: "\n").map { line in
                let f = line.split(separator: "\t")
                return (Int(f[1])!, Int(f[2])!, Double(f[3])!)
            })
        }
        // Every base once, from 0 to the end, in both.
        for track in tracks {
            XCTAssertEqual(track.first?.0, 0)
            XCTAssertEqual(track.last?.1, 60_000)
            for (a, b) in zip(track, track.dropFirst()) { XCTAssertEqual(a.1, b.0) }
        }
        func values(_ track: [(Int, Int, Double)]) -> [Double] {
            track.flatMap { repeatElement($0.2, count: $0.1 - $0.0) }
        }
        let streamed = values(tracks[0]), whole = values(tracks[1])
        let worst = zip(streamed, whole).map { abs($0 - $1) }.max() ?? 0
        XCTAssertLessThanOrEqual(worst, bound, "temperature \(model.posteriorTemperature)")
        // The planted genes are there: most bases are near 0 or 1.
        XCTAssertGreaterThan(whole.filter { $0 > 0.99 }.count, 20_000)
        XCTAssertGreaterThan(whole.filter { $0 < 0.01 }.count, 5_000)
    }

    func testTranslationOnBothStrandsAndPerCode() {
        // ATG TGG TGA CCC TAA: table 11 stops at TGA; table 4 reads TGA as W.
        let plusText = "ATGTGGTGACCCTAA"
        let masks = plusText.utf8.map { BaseEncoding.maskOfASCII[Int($0)] }
        let minusMasks = masks.reversed().map(BaseEncoding.complement)
        let atg = GeneticCode.codonIndex("ATG")
        let plusGene = DecodedGene(start: 0, end: 15, minusStrand: false, startCodon: atg, partialLeft: false,
                                   partialRight: false, score: 0)
        let minusGene = DecodedGene(start: 0, end: 15, minusStrand: true, startCodon: atg, partialLeft: false,
                                    partialRight: false, score: 0)
        let code4 = GeneticCode.ncbi(4)!
        let plus = masks.withUnsafeBufferPointer { GeneDecodingWriter.translate($0, gene: plusGene, code: code4) }
        let minus = minusMasks.withUnsafeBufferPointer { GeneDecodingWriter.translate($0, gene: minusGene, code: code4) }
        XCTAssertEqual(String(decoding: plus, as: UTF8.self), "MWWP")
        XCTAssertEqual(String(decoding: minus, as: UTF8.self), "MWWP")
        let standard = masks.withUnsafeBufferPointer { GeneDecodingWriter.translate($0, gene: plusGene, code: .standard) }
        XCTAssertEqual(String(decoding: standard, as: UTF8.self), "MW*P")
        // A partial gene (no start codon, runs off the right end) keeps its first codon and its last.
        let partial = DecodedGene(start: 0, end: 15, minusStrand: false, startCodon: nil, partialLeft: true,
                                  partialRight: true, score: 0)
        let open = masks.withUnsafeBufferPointer { GeneDecodingWriter.translate($0, gene: partial, code: code4) }
        XCTAssertEqual(String(decoding: open, as: UTF8.self), "MWWP*")
    }

    func testGeneticCodeTables() {
        XCTAssertEqual(GeneticCode.codonText(GeneticCode.reverseComplement(GeneticCode.codonIndex("ATG")!)), "CAT")
        let standard = GeneticCode.standard
        XCTAssertEqual(standard.aminoAcid(GeneticCode.codonIndex("TGA")!), UInt8(ascii: "*"))
        XCTAssertEqual(standard.aminoAcid(GeneticCode.codonIndex("GCC")!), UInt8(ascii: "A"))
        XCTAssertEqual(standard.aminoAcid(GeneticCode.codonIndex("AAG")!), UInt8(ascii: "K"))
        XCTAssertEqual(GeneticCode.ncbi(6)!.aminoAcid(GeneticCode.codonIndex("TAA")!), UInt8(ascii: "Q"))
        XCTAssertEqual(GeneticCode.ncbi(25)!.aminoAcid(GeneticCode.codonIndex("TGA")!), UInt8(ascii: "G"))
        // Every stop codon of a table translates as *, and no other codon does.
        for table in GeneticCode.supportedTables {
            let code = GeneticCode.ncbi(table)!
            let stars = (0..<64).filter { code.aminoAcid($0) == UInt8(ascii: "*") }.map(GeneticCode.codonText)
            XCTAssertEqual(stars.sorted(), code.stops, "table \(table)")
        }
    }
}
