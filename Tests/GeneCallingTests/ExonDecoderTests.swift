import Foundation
import ReadingFrames
import Windows
import XCTest
@testable import GeneCalling

/// The eukaryote (exon) decoder against every parse enumerated, on short random sequences.
final class ExonDecoderTests: XCTestCase {
    private let letters: [Character] = ["A", "C", "G", "T"]

    /// Every exon the eukaryote model allows on `text` (starting at or after `anchor`), written from the
    /// definition in `ExonDecoder`'s comment, not from its sweep.
    private func allExons(_ text: [Character], evidence: ([Double], [Double]), model: GeneModel, anchor: Int,
                          leftEdge: Bool, rightEdge: Bool) -> [DecodedGene] {
        let n = text.count
        func piece(_ i: Int, _ k: Int) -> String? { i >= 0 && i + k <= n ? String(text[i..<(i + k)]) : nil }
        func complement(_ s: String) -> String {
            String(s.reversed().map { ["A": "T", "C": "G", "G": "C", "T": "A"][$0]! })
        }
        let stops = Set(model.code.stops)
        func isStop(_ c: Int, minus: Bool) -> Bool { piece(c, 3).map { stops.contains(minus ? complement($0) : $0) } ?? false }
        var exons: [DecodedGene] = []
        let masks = text.map { BaseEncoding.maskOfASCII[Int($0.asciiValue!)] }
        // The consensus parts of splice-site scores (tested on their own in `testSpliceSiteConsensus`).
        let (donorAt, acceptorAt) = masks.withUnsafeBufferPointer { m in
            let sites = SpliceSites(masks: m, weight: model.spliceConsensusWeight)
            return ({ (b: Int, minus: Bool) in model.donorScore + sites.donor(b, minus: minus) },
                    { (b: Int, minus: Bool) in model.acceptorScore + sites.acceptor(b, minus: minus) })
        }
        for s in anchor..<n {
            for e in (s + model.minimumExonLength)...max(n, s + model.minimumExonLength) where e <= n {
                for phi in 0..<3 {
                    for minus in [false, true] {
                        // Left end (forward strand): plus 5' end, minus 3' end.
                        var lefts: [(ExonDecoder.Boundary, Double)] = []
                        if minus {
                            if s % 3 == phi && isStop(s, minus: true) { lefts.append((.codon, 0)) }
                            if piece(s - 2, 2) == "AC" { lefts.append((.splice, donorAt(s, true))) }
                        } else {
                            if s % 3 == phi && piece(s, 3) == "ATG" { lefts.append((.codon, model.startScores["ATG"]!)) }
                            if piece(s - 2, 2) == "AG" { lefts.append((.splice, acceptorAt(s, false))) }
                        }
                        if leftEdge && s < 3 && s == phi { lefts.append((.edge, 0)) }
                        var rights: [(ExonDecoder.Boundary, Double)] = []
                        if minus {
                            if (e - 3) % 3 == phi && piece(e - 3, 3) == "CAT" { rights.append((.codon, model.startScores["ATG"]!)) }
                            if piece(e, 2) == "CT" { rights.append((.splice, acceptorAt(e, true))) }
                        } else {
                            if e >= 3 && (e - 3) % 3 == phi && isStop(e - 3, minus: false) { rights.append((.codon, 0)) }
                            if piece(e, 2) == "GT" { rights.append((.splice, donorAt(e, false))) }
                        }
                        if rightEdge && e > n - 3 && e % 3 == phi { rights.append((.edge, 0)) }
                        for (left, leftScore) in lefts {
                            for (right, rightScore) in rights {
                                // No whole stop codon in frame inside, the exon's own stop apart.
                                let open = stride(from: phi, to: n, by: 3).allSatisfy { c in
                                    guard c >= s && c + 3 <= e && isStop(c, minus: minus) else { return true }
                                    return minus ? (c == s && left == .codon) : (c == e - 3 && right == .codon)
                                }
                                guard open else { continue }
                                var ev = (minus ? evidence.1 : evidence.0)[s..<e].reduce(0, +)
                                // The genome's own hexamers (a prior's are not read): those of the exon's
                                // codons in frame φ that lie inside it, each codon with the next one on its strand.
                                if let table = model.hexamers, !model.statisticsArePrior {
                                    for c in stride(from: phi, to: n, by: 3) {
                                        let (first, inside) = minus ? (c - 3, c - 3 >= s && c + 3 <= e) : (c, c >= s && c + 6 <= e)
                                        guard inside, let text = piece(first, 6) else { continue }
                                        ev += model.hexamerWeight * Double(table.ratios[hexamerIndex(minus ? complement(text) : text)])
                                    }
                                }
                                var exon = DecodedGene(start: s, end: e, minusStrand: minus,
                                                       startCodon: (minus ? right : left) == .codon ? GeneticCode.codonIndex("ATG") : nil,
                                                       partialLeft: left == .edge, partialRight: right == .edge,
                                                       score: ev + leftScore + rightScore - model.exonCost, predecessor: s)
                                exon.phase = minus ? ((e - phi) % 3 + 3) % 3 : ((phi - s) % 3 + 3) % 3
                                exon.splicedLeft = left == .splice
                                exon.splicedRight = right == .splice
                                exons.append(exon)
                            }
                        }
                    }
                }
            }
        }
        return exons
    }

    /// Σ b_i · 4^(5 − i) with A = 0, C = 1, G = 2, T = 3 (`HexamerTable`'s index).
    private func hexamerIndex(_ text: String) -> Int {
        text.reduce(0) { $0 << 2 | ["A": 0, "C": 1, "G": 2, "T": 3][$1]! }
    }

    private struct Trial {
        var text: [Character]
        var plus: [Double]
        var minus: [Double]
        var model: GeneModel
        var anchor: Int
        var leftEdge: Bool
        var rightEdge: Bool
        var strands: (plus: Bool, minus: Bool)
    }

    private func trials(count: Int, seed: UInt64, length: ClosedRange<Int>) -> [Trial] {
        var state = seed
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        return (0..<count).map { k in
            let n = length.lowerBound + Int(next() % UInt64(length.count))
            // A/G/T-rich draws give splice sites, start and stop codons often.
            let weights: [UInt64] = k % 2 == 0 ? [3, 2, 3, 3] : [3, 1, 4, 2]
            let text: [Character] = (0..<n).map { _ in
                var r = next() % weights.reduce(0, +)
                for (i, w) in weights.enumerated() { if r < w { return letters[i] }; r -= w }
                return "A"
            }
            var model = GeneModel(code: GeneticCode.ncbi([11, 4, 6, 1][k % 4])!)
            model.kind = .eukaryote
            model.minimumExonLength = 4 + k % 3
            model.exonCost = 0.4
            model.donorScore = -0.3
            model.acceptorScore = -0.2
            model.startScores["ATG"] = 0.25
            model.spliceConsensusWeight = [0, 0.3][k % 2]
            if k % 3 == 1 {
                // A genome's own hexamer table (`--adapt`): exons of 8 bases or more.
                model.hexamers = HexamerTable(ratios: (0..<4096).map { _ in Float(Int(next() % 200) - 100) / 150 })
                model.hexamerWeight = 0.7
                model.minimumExonLength = 8 + k % 2
            } else if k % 6 == 5 {
                // A prior's table, which the exon model leaves out.
                model.hexamers = HexamerTable(ratios: (0..<4096).map { _ in Float(Int(next() % 200) - 100) / 150 })
                model.statisticsArePrior = true
            }
            let strands: (Bool, Bool) = [(true, true), (true, true), (true, false), (false, true)][k % 4]
            return Trial(text: text, plus: (0..<n).map { _ in Double(next() % 200) / 100 - 0.7 },
                         minus: (0..<n).map { _ in Double(next() % 200) / 100 - 0.7 }, model: model,
                         anchor: k % 5 == 0 ? Int(next() % 4) : 0, leftEdge: k % 3 != 0, rightEdge: k % 4 != 1, strands: strands)
        }
    }

    private func run<T>(_ trial: Trial, _ body: (GeneDecoder, UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<Double>,
                                                   UnsafeBufferPointer<Double>) -> T) -> T {
        let masks = trial.text.map { BaseEncoding.maskOfASCII[Int($0.asciiValue!)] }
        return masks.withUnsafeBufferPointer { m in
            trial.plus.withUnsafeBufferPointer { p in
                trial.minus.withUnsafeBufferPointer { q in body(GeneDecoder(model: trial.model), m, p, q) }
            }
        }
    }

    private func exons(_ trial: Trial) -> [DecodedGene] {
        allExons(trial.text, evidence: (trial.plus, trial.minus), model: trial.model, anchor: trial.anchor,
                 leftEdge: trial.leftEdge, rightEdge: trial.rightEdge)
            .filter { $0.minusStrand ? trial.strands.minus : trial.strands.plus }
    }

    func testViterbiMatchesEveryParse() {
        var nonTrivial = 0, spliced = 0, hexamers = 0
        for (k, trial) in trials(count: 300, seed: 7, length: 16...30).enumerated() {
            let path = run(trial) { decoder, m, p, q in
                decoder.decode(masks: m, plus: p, minus: q, anchor: trial.anchor, leftEdge: trial.leftEdge,
                               rightEdge: trial.rightEdge, strands: trial.strands)
            }
            let allowed = exons(trial)
            let best = DecodingHarness.allChains(allowed, after: trial.anchor).map(\.1).max()!
            var end = trial.anchor
            for exon in path {
                XCTAssertTrue(allowed.contains(exon), "trial \(k): \(exon) is not an exon of the model in \(String(trial.text))")
                XCTAssertGreaterThanOrEqual(exon.start, end, "trial \(k): exons overlap")
                end = exon.end
            }
            XCTAssertEqual(path.map(\.score).reduce(0, +), best, accuracy: 1e-9, "trial \(k): \(String(trial.text))")
            if !path.isEmpty { nonTrivial += 1 }
            if path.contains(where: { $0.splicedLeft || $0.splicedRight }) { spliced += 1 }
            if trial.model.hexamers != nil && !trial.model.statisticsArePrior && path.contains(where: { $0.end - $0.start >= 8 }) {
                hexamers += 1
            }
        }
        XCTAssertGreaterThan(nonTrivial, 150, "too few trials called an exon")
        XCTAssertGreaterThan(spliced, 50, "too few trials called a spliced exon")
        XCTAssertGreaterThan(hexamers, 30, "too few trials called an exon holding hexamers")
    }

    func testPosteriorMatchesEveryParse() {
        var informative = 0
        for (k, original) in trials(count: 120, seed: 99, length: 14...22).enumerated() {
            // Parses weigh e^(score / T): the default T, 1, and a sharper one; the calls do not depend on T.
            var trial = original
            let temperature = [original.model.posteriorTemperature, 1, 0.5][(k / 4) % 3]
            trial.model.posteriorTemperature = temperature
            let (calls, posterior) = run(trial) { decoder, m, p, q in
                let both = decoder.decodeWithPosterior(masks: m, plus: p, minus: q, anchor: trial.anchor, leftEdge: trial.leftEdge,
                                                       rightEdge: trial.rightEdge, strands: trial.strands)
                return (both.genes, (plus: both.plus, minus: both.minus))
            }
            var plain = trial
            plain.model.posteriorTemperature = 1
            let plainCalls = run(plain) { decoder, m, p, q in
                decoder.decode(masks: m, plus: p, minus: q, anchor: trial.anchor, leftEdge: trial.leftEdge,
                               rightEdge: trial.rightEdge, strands: trial.strands)
            }
            XCTAssertEqual(calls, plainCalls, "trial \(k)")
            let chains = DecodingHarness.allChains(exons(trial), after: trial.anchor)
            let z = chains.map { exp($0.1 / temperature) }.reduce(0, +)
            for x in 0..<trial.text.count {
                var expected = (0.0, 0.0)
                for (chain, score) in chains {
                    let w = exp(score / temperature) / z
                    for exon in chain where exon.start <= x && x < exon.end {
                        if exon.minusStrand { expected.1 += w } else { expected.0 += w }
                    }
                }
                XCTAssertEqual(Double(posterior.plus[x]), expected.0, accuracy: 1e-5, "trial \(k) base \(x) plus")
                XCTAssertEqual(Double(posterior.minus[x]), expected.1, accuracy: 1e-5, "trial \(k) base \(x) minus")
                if expected.0 > 0.05 && expected.0 < 0.95 { informative += 1 }
            }
        }
        XCTAssertGreaterThan(informative, 100, "too few uncertain bases to test the posterior")
    }

    /// Consensus matches on both strands: a perfect donor and acceptor, their reverse complements, and
    /// sites with no consensus base beyond GT / AG.
    /// The backward pass reads the events of the reverse complement by mirroring the forward ones: the
    /// mirror must be exactly what reading the reverse complement gives (flags and splice scores), with
    /// ambiguous bases, both codes' stops and one strand left out.
    func testMirroredEventsAreThoseOfTheReverseComplement() {
        var state: UInt64 = 2026   // a fixed linear congruential sequence: the same trials every run
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % bound
        }
        let alphabet: [UInt8] = Array("ACGTACGTACGTN".utf8)
        var flagged = 0
        for trial in 0..<120 {
            let n = next(91)
            let masks = (0..<n).map { _ in BaseEncoding.maskOfASCII[Int(alphabet[next(alphabet.count)])] }
            let reversed = masks.reversed().map(BaseEncoding.complement)
            var model = GeneModel(code: trial % 2 == 0 ? .standard : GeneticCode.ncbi(4)!)
            model.kind = .eukaryote
            let decoder = ExonDecoder(model: model)
            let strands = [(true, true), (true, false), (false, true)][trial % 3]
            let events = masks.withUnsafeBufferPointer {
                ExonEvents(masks: $0, model: model, plusStop: decoder.plusStop, minusStop: decoder.minusStop, strands: strands)
            }
            let direct = reversed.withUnsafeBufferPointer {
                ExonEvents(masks: $0, model: model, plusStop: decoder.plusStop, minusStop: decoder.minusStop,
                           strands: (strands.1, strands.0))
            }
            let mirror = events.mirrored()
            XCTAssertEqual(mirror.flags.map(\.rawValue), direct.flags.map(\.rawValue), "trial \(trial)")
            XCTAssertEqual(mirror.endSplice, direct.endSplice, "trial \(trial)")
            XCTAssertEqual(mirror.startSplice, direct.startSplice, "trial \(trial)")
            flagged += events.flags.filter { !$0.isEmpty }.count
        }
        XCTAssertGreaterThan(flagged, 800, "boundaries with events")
    }

    /// `ExonEvents` scores each splice site with its pyrimidine tract read from prefix counts (modulo 256); the scores
    /// must be those of `SpliceSites`' per-site reading (the definition), at every site of random
    /// sequences with ambiguous bases, at the edges too, on both strands.
    func testEventSpliceScoresAreTheConsensusScores() {
        var state: UInt64 = 1205
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % bound
        }
        let alphabet: [UInt8] = Array("ACGTACGTCTCTAGNRY".utf8)
        var model = GeneModel()
        model.kind = .eukaryote
        let decoder = ExonDecoder(model: model)
        var checked = [0, 0, 0, 0]
        for trial in 0..<60 {
            let n = trial % 4 == 0 ? 300 + next(400) : next(120)   // longer than 256: the counts wrap
            let masks = (0..<n).map { _ in BaseEncoding.maskOfASCII[Int(alphabet[next(alphabet.count)])] }
            masks.withUnsafeBufferPointer { m in
                let events = ExonEvents(masks: m, model: model, plusStop: decoder.plusStop, minusStop: decoder.minusStop,
                                        strands: (true, true))
                let sites = SpliceSites(masks: m, weight: model.spliceConsensusWeight)
                // Per kind: its flag, whether it scores an exon's end (else its start), and the reference.
                let kinds: [(ExonEvents.Flag, Bool, (Int) -> Double)] = [
                    (.plusDonor, true, { model.donorScore + sites.donor($0, minus: false) }),
                    (.minusAcceptor, true, { model.acceptorScore + sites.acceptor($0, minus: true) }),
                    (.plusAcceptor, false, { model.acceptorScore + sites.acceptor($0, minus: false) }),
                    (.minusDonor, false, { model.donorScore + sites.donor($0, minus: true) }),
                ]
                for x in 0...n {
                    var (end, start) = (0.0, 0.0)
                    for (k, (flag, isEnd, reference)) in kinds.enumerated() where events.flags[x].contains(flag) {
                        if isEnd { end = reference(x) } else { start = reference(x) }
                        checked[k] += 1
                    }
                    XCTAssertEqual(events.endSplice[x], end, "boundary \(x)")
                    XCTAssertEqual(events.startSplice[x], start, "boundary \(x)")
                }
            }
        }
        XCTAssertTrue(checked.allSatisfy { $0 > 100 }, "sites of each kind: \(checked)")
    }

    func testSpliceSiteConsensus() {
        func score(_ text: String, _ body: (SpliceSites) -> Double) -> Double {
            let masks = text.utf8.map { BaseEncoding.maskOfASCII[Int($0)] }
            return masks.withUnsafeBufferPointer { body(SpliceSites(masks: $0, weight: 2)) }
        }
        func reverseComplement(_ s: String) -> String {
            String(s.reversed().map { ["A": "T", "C": "G", "G": "C", "T": "A", "N": "N"][$0]! })
        }
        // exon CAG | GTAAGT intron: all 7 positions match.
        let donor = "TTCAGGTAAGTTT"
        XCTAssertEqual(score(donor) { $0.donor(5, minus: false) }, 2 * (7 - 2.25), accuracy: 1e-12)
        XCTAssertEqual(score(reverseComplement(donor)) { $0.donor(13 - 5, minus: true) }, 2 * (7 - 2.25), accuracy: 1e-12)
        XCTAssertEqual(score("GGTTTGTCCCCGG") { $0.donor(5, minus: false) }, 2 * (0 - 2.25), accuracy: 1e-12)
        // 10 pyrimidines, then CAG | G: 1 + 1 + 2.
        let acceptor = "AAATTTCTCTTCTCCAGGAA"
        XCTAssertEqual(score(acceptor) { $0.acceptor(17, minus: false) }, 2 * (4 - 1.75), accuracy: 1e-12)
        XCTAssertEqual(score(reverseComplement(acceptor)) { $0.acceptor(20 - 17, minus: true) }, 2 * (4 - 1.75), accuracy: 1e-12)
        XCTAssertEqual(score("NNNNNNNNNNNNNNNAGA") { $0.acceptor(17, minus: false) }, 2 * (0 - 1.75), accuracy: 1e-12)
        // Where the sweep sees the sites (`ExonEvents`): CAG | GTAAGT has both at boundary 3, and GT only there.
        let sites = "CAGGTAAGT".utf8.map { BaseEncoding.maskOfASCII[Int($0)] }
        let decoder = ExonDecoder(model: GeneModel())
        let events = sites.withUnsafeBufferPointer {
            ExonEvents(masks: $0, model: decoder.model, plusStop: decoder.plusStop, minusStop: decoder.minusStop,
                       strands: (true, true))
        }
        XCTAssertTrue(events.flags[3].contains(.plusDonor))
        XCTAssertFalse(events.flags[4].contains(.plusDonor))
        XCTAssertTrue(events.flags[3].contains(.plusAcceptor))
    }
}
