import ReadingFrames
import Tracks
import Windows
import Foundation
import XCTest
@testable import GeneCalling

/// The streaming decoder: decisions made with a bounded look-back equal those of one pass over the
/// whole record; translation of calls on both strands and per genetic code.
final class GeneDecodingWriterTests: XCTestCase {
    /// Collects calls.
    final class Collector: CallWriter {
        var calls: [GeneCall] = []
        var sequences: [String] = []
        func begin(sequence name: String) throws(TrackError) { sequences.append(name) }
        func add(_ call: GeneCall) throws(TrackError) { calls.append(call) }
        func end(sequenceLength length: Int) throws(TrackError) {}
        func finish() throws(TrackError) {}
    }

    /// A random record with ~60% of its length in planted genes (start codon, stop-free codons, stop) on
    /// both strands, and window scores that are high over genes and low elsewhere, with noise.
    private func plantedRecord(length: Int, seed: UInt64) -> (bases: [UInt8], plus: [Float], minus: [Float]) {
        var state = seed
        func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 33 }
        let letters = Array("ACGT".utf8)
        var text = (0..<length).map { _ in letters[Int(next() % 4)] }
        var plus = [Float](repeating: 0.1, count: length), minus = plus
        let stops = ["TAA", "TAG", "TGA"].map { Array($0.utf8) }
        var x = 200
        while x + 3000 < length {
            let codons = 100 + Int(next() % 600)
            let minusStrand = next() % 2 == 1
            var gene = Array("ATG".utf8)
            while gene.count < 3 * codons {
                let codon = (0..<3).map { _ in letters[Int(next() % 4)] }
                if !stops.contains(codon) { gene += codon }
            }
            gene += stops[Int(next() % 3)]
            if minusStrand {
                let complement: [UInt8: UInt8] = [65: 84, 67: 71, 71: 67, 84: 65]
                gene = gene.reversed().map { complement[$0]! }
            }
            text.replaceSubrange(x..<(x + gene.count), with: gene)
            for i in x..<(x + gene.count) { if minusStrand { minus[i] = 0.9 } else { plus[i] = 0.9 } }
            x += gene.count + 50 + Int(next() % 400)
        }
        for i in 0..<length {
            plus[i] = min(max(plus[i] + Float(Int(next() % 41) - 20) / 100, 0), 1)
            minus[i] = min(max(minus[i] + Float(Int(next() % 41) - 20) / 100, 0), 1)
        }
        return (text.map { BaseEncoding.maskOfASCII[Int($0)] }, plus, minus)
    }

    /// Feeds a record through a writer as windows of `window` bases every `step`, each scored with the
    /// per-base scores at its centre.
    private func decode(_ record: (bases: [UInt8], plus: [Float], minus: [Float]), model: GeneModel,
                        lookBack: Int, posterior: OutputSink? = nil) throws -> [GeneCall] {
        let collector = Collector()
        let writer = GeneDecodingWriter(model: model, output: collector, strands: (true, true), translate: true,
                                        lookBack: lookBack)
        if let posterior {
            writer.posteriorOutput = PosteriorBedGraphWriter(settings: TrackSettings(plan: WindowPlan(window: 90, step: 30, minLength: 90)),
                                                             sink: posterior)
        }
        writer.beginBases(name: "r", offset: 0)
        // Bases arrive in blocks, as the reading thread hands them over.
        var i = 0
        while i < record.bases.count {
            let j = min(i + 4_096, record.bases.count)
            record.bases[i..<j].withUnsafeBufferPointer { writer.appendBases($0) }
            i = j
        }
        try writer.begin(sequence: "r")
        let window = 90, step = 30
        var start = 0, index = 0
        while start + window <= record.bases.count {
            let c = start + window / 2
            try writer.add(ScoredWindow(index: index, start: start, end: start + window, plus: record.plus[c], minus: record.minus[c]))
            start += step
            index += 1
        }
        try writer.end(sequenceLength: record.bases.count)
        try writer.finish()
        return collector.calls
    }

    func testBoundedLookBackDecidesAsTheWholeRecord() throws {
        let model = GeneModel(maximumLength: 3_000)
        for seed in [1, 2, 3] as [UInt64] {
            let record = plantedRecord(length: 60_000, seed: seed)
            let streamed = try decode(record, model: model, lookBack: 3_000)
            let whole = try decode(record, model: model, lookBack: 1_000_000)
            XCTAssertGreaterThan(whole.count, 20, "seed \(seed): the planted genes should be called")
            let a = streamed.map { "\($0.start)-\($0.end)\($0.strandText)" }, b = whole.map { "\($0.start)-\($0.end)\($0.strandText)" }
            XCTAssertEqual(a, b, "seed \(seed): spans")
            XCTAssertTrue(streamed == whole, "seed \(seed): calls differ beyond their spans")
        }
    }

    /// The posterior track written with decisions every 8 look-backs against one pass over the record:
    /// the same bases, values within 0.001 (the stretch's posterior is conditioned on the genes decided
    /// before it and cut off at its front, so bases next to a decision point may differ in the last digits).
    func testStreamedPosteriorMatchesTheWholeRecord() throws {
        let model = GeneModel(maximumLength: 3_000)
        let record = plantedRecord(length: 60_000, seed: 5)
        let dir = NSTemporaryDirectory() + "codingscan-posterior-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var tracks: [[(Int, Int, Double)]] = []
        for lookBack in [3_000, 1_000_000] {
            let sink = try OutputSink(path: dir + "/\(lookBack).bedgraph")
            _ = try decode(record, model: model, lookBack: lookBack, posterior: sink)
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
        XCTAssertLessThanOrEqual(worst, 0.001)
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
