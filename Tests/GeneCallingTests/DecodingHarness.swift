import Foundation
import ReadingFrames
import Tracks
import Windows
@testable import GeneCalling

/// Records with planted genes and a driver that streams them through a `GeneDecodingWriter`, shared
/// by the decoder's tests.
enum DecodingHarness {
    /// Collects calls.
    final class Collector: CallWriter {
        var calls: [GeneCall] = []
        var sequences: [String] = []
        func begin(sequence name: String) throws(TrackError) { sequences.append(name) }
        func add(_ call: GeneCall) throws(TrackError) { calls.append(call) }
        func end(sequenceLength length: Int) throws(TrackError) {}
        func finish() throws(TrackError) {}
    }

    typealias Record = (bases: [UInt8], plus: [Float], minus: [Float])

    /// A linear congruential generator: the same draws on every machine.
    struct Draws {
        var state: UInt64
        mutating func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 33 }
    }

    private static let letters = Array("ACGT".utf8)
    private static let stops = ["TAA", "TAG", "TGA"].map { Array($0.utf8) }
    private static let complement: [UInt8: UInt8] = [65: 84, 67: 71, 71: 67, 84: 65]

    /// A coding sequence of `codons` codons: ATG, stop-free codons, a stop.
    private static func codingSequence(codons: Int, _ draws: inout Draws) -> [UInt8] {
        var gene = Array("ATG".utf8)
        while gene.count < 3 * codons {
            let codon = (0..<3).map { _ in letters[Int(draws.next() % 4)] }
            if !stops.contains(codon) { gene += codon }
        }
        return gene + stops[Int(draws.next() % 3)]
    }

    /// Noise of ±0.2 on each score, clamped to [0, 1].
    private static func addNoise(_ plus: inout [Float], _ minus: inout [Float], _ draws: inout Draws) {
        for i in plus.indices {
            plus[i] = min(max(plus[i] + Float(Int(draws.next() % 41) - 20) / 100, 0), 1)
            minus[i] = min(max(minus[i] + Float(Int(draws.next() % 41) - 20) / 100, 0), 1)
        }
    }

    /// A random record with ~60% of its length in planted genes (start codon, stop-free codons, stop) on
    /// both strands, and window scores that are high over genes and low elsewhere, with noise.
    static func plantedRecord(length: Int, seed: UInt64) -> Record {
        var draws = Draws(state: seed)
        var text = (0..<length).map { _ in letters[Int(draws.next() % 4)] }
        var plus = [Float](repeating: 0.1, count: length), minus = plus
        var x = 200
        while x + 3000 < length {
            let minusStrand = draws.next() % 2 == 1
            var gene = codingSequence(codons: 100 + Int(draws.next() % 600), &draws)
            if minusStrand { gene = gene.reversed().map { complement[$0]! } }
            text.replaceSubrange(x..<(x + gene.count), with: gene)
            for i in x..<(x + gene.count) { if minusStrand { minus[i] = 0.9 } else { plus[i] = 0.9 } }
            x += gene.count + 50 + Int(draws.next() % 400)
        }
        addNoise(&plus, &minus, &draws)
        return (text.map { BaseEncoding.maskOfASCII[Int($0)] }, plus, minus)
    }

    /// A random record with sparse eukaryote-like genes on both strands: each coding sequence is cut into
    /// exons of 90–300 bases by introns GTAAGT…(pyrimidine tract)CAG of 80–200 bases, genes lie 1–4 kb
    /// apart; scores are high over exons and low over introns and between genes, with noise.
    /// - Returns: the record and its planted donors as `SpliceSites` boundaries: the forward position
    ///   where the exon ends on its strand (plus: the exon's end; minus: its start) and the strand.
    static func plantedSplicedRecord(length: Int, seed: UInt64) -> (record: Record, donors: [(position: Int, minus: Bool)]) {
        var draws = Draws(state: seed)
        var text = (0..<length).map { _ in letters[Int(draws.next() % 4)] }
        var plus = [Float](repeating: 0.1, count: length), minus = plus
        var donors: [(Int, Bool)] = []
        var x = 500
        while x + 6000 < length {
            let minusStrand = draws.next() % 2 == 1
            let cds = codingSequence(codons: 150 + Int(draws.next() % 250), &draws)
            // The gene on its strand, with a coding flag per base and the donors' offsets.
            var gene: [UInt8] = [], coding: [Bool] = [], geneDonors: [Int] = []
            var k = 0
            while k < cds.count {
                let exon = min(90 + Int(draws.next() % 210), cds.count - k)
                let rest = cds.count - k - exon
                let take = rest < 60 ? cds.count - k : exon
                gene += cds[k..<(k + take)]
                coding += repeatElement(true, count: take)
                k += take
                guard k < cds.count else { break }
                geneDonors.append(gene.count)
                let middle = (0..<(60 + Int(draws.next() % 120))).map { _ in letters[Int(draws.next() % 4)] }
                let intron = Array("GTAAGT".utf8) + middle + Array("CTTTCTTTCTCTTGCAG".utf8)
                gene += intron
                coding += repeatElement(false, count: intron.count)
            }
            if minusStrand {
                gene = gene.reversed().map { complement[$0]! }
                coding.reverse()
                donors += geneDonors.map { (x + gene.count - $0, true) }
            } else {
                donors += geneDonors.map { (x + $0, false) }
            }
            text.replaceSubrange(x..<(x + gene.count), with: gene)
            for i in 0..<gene.count where coding[i] {
                if minusStrand { minus[x + i] = 0.9 } else { plus[x + i] = 0.9 }
            }
            x += gene.count + 1000 + Int(draws.next() % 3000)
        }
        addNoise(&plus, &minus, &draws)
        return ((text.map { BaseEncoding.maskOfASCII[Int($0)] }, plus, minus), donors.map { (position: $0.0, minus: $0.1) })
    }

    /// Feeds records through one writer as windows of 90 bases every 30, each scored with the per-base
    /// scores at its centre. `configure` sees the writer before the first record.
    static func decode(_ records: [Record], model: GeneModel, lookBack: Int, posterior: OutputSink? = nil,
                       configure: (GeneDecodingWriter) -> Void = { _ in }) throws -> (calls: [GeneCall], writer: GeneDecodingWriter) {
        let collector = Collector()
        let writer = GeneDecodingWriter(model: model, output: collector, strands: (true, true), translate: true,
                                        lookBack: lookBack)
        configure(writer)
        if let posterior {
            writer.posteriorOutput = PosteriorBedGraphWriter(settings: TrackSettings(plan: WindowPlan(window: 90, step: 30, minLength: 90)),
                                                             sink: posterior)
        }
        for (r, record) in records.enumerated() {
            writer.beginBases(name: "r\(r)", offset: 0)
            // Bases arrive in blocks, as the reading thread hands them over.
            var i = 0
            while i < record.bases.count {
                let j = min(i + 4_096, record.bases.count)
                record.bases[i..<j].withUnsafeBufferPointer { writer.appendBases($0) }
                i = j
            }
            try writer.begin(sequence: "r\(r)")
            let window = 90, step = 30
            var start = 0, index = 0
            while start + window <= record.bases.count {
                let c = start + window / 2
                try writer.add(ScoredWindow(index: index, start: start, end: start + window, plus: record.plus[c], minus: record.minus[c]))
                start += step
                index += 1
            }
            try writer.end(sequenceLength: record.bases.count)
        }
        try writer.finish()
        return (collector.calls, writer)
    }

    /// Every chain of genes (or exons) after `end`, the empty one included, with its total score: each
    /// begins at or after the previous one's end as its `predecessor` says (a gene up to `maximumOverlap`
    /// before it, an exon at its start). The brute force the decoders' tests enumerate parses with.
    static func allChains(_ genes: [DecodedGene], after end: Int) -> [([DecodedGene], Double)] {
        var chains: [([DecodedGene], Double)] = [([], 0)]
        for gene in genes where gene.predecessor >= end {
            for (rest, score) in allChains(genes, after: gene.end) {
                chains.append(([gene] + rest, gene.score + score))
            }
        }
        return chains
    }

    /// One record: its calls.
    static func decode(_ record: Record, model: GeneModel, lookBack: Int, posterior: OutputSink? = nil) throws -> [GeneCall] {
        try decode([record], model: model, lookBack: lookBack, posterior: posterior).calls
    }
}
