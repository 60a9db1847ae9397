import ReadingFrames
import Windows
import XCTest
@testable import GeneCalling

/// The decoder against a brute-force search over every parse, on short random sequences.
final class GeneDecoderTests: XCTestCase {
    private let letters: [Character] = ["A", "C", "G", "T"]

    private func masks(_ text: String) -> [UInt8] {
        text.utf8.map { BaseEncoding.maskOfASCII[Int($0)] }
    }

    /// Every gene the model allows on `bases`, written from the definition (not from the sweep).
    private func allGenes(_ text: [Character], evidence: ([Double], [Double]), model: GeneModel,
                          leftEdge: Bool, rightEdge: Bool) -> [DecodedGene] {
        let n = text.count
        func codon(_ i: Int) -> String { String(text[i..<(i + 3)]) }
        func complement(_ s: String) -> String {
            String(s.reversed().map { ["A": "T", "C": "G", "G": "C", "T": "A"][$0]! })
        }
        let stops = Set(model.code.stops), starts = Set(GeneticCode.startCodons)
        func isStop(_ i: Int, minus: Bool) -> Bool { i + 3 <= n && stops.contains(minus ? complement(codon(i)) : codon(i)) }
        func isStart(_ i: Int, minus: Bool) -> Bool { i + 3 <= n && starts.contains(minus ? complement(codon(i)) : codon(i)) }
        /// No stop codon of the strand at a, a + 3, … below `b` (codon starts).
        func open(_ a: Int, _ b: Int, minus: Bool) -> Bool {
            stride(from: a, to: b, by: 3).allSatisfy { !isStop($0, minus: minus) }
        }
        var genes: [DecodedGene] = []
        /// A 4-base piece of AGGAGG ending 5 to 15 bases before the start codon, read on the gene's strand.
        func motif(_ a: Int, _ b: Int, minus: Bool) -> Bool {
            (5...15).contains { d in
                if minus {
                    guard b + d + 3 < n else { return false }
                    return ["AGGA", "GGAG", "GAGG"].contains(complement(String(text[(b + d)...(b + d + 3)])))
                }
                guard a - d - 3 >= 0 else { return false }
                return ["AGGA", "GGAG", "GAGG"].contains(String(text[(a - d - 3)...(a - d)]))
            }
        }
        func add(_ a: Int, _ b: Int, minus: Bool, start: String?, left: Bool, right: Bool) {
            let length = b - a
            guard length >= model.minimumLength, length <= model.maximumLength, length % 3 == 0 else { return }
            let e = minus ? evidence.1 : evidence.0
            /// The start context: the 20 bases before the start codon on the gene's strand, inside the sequence.
            func context() -> Double {
                guard let table = model.upstream else { return 0 }
                var total: Float = 0
                for distance in 1...20 {
                    let x = minus ? b + distance - 1 : a - distance
                    guard x >= 0 && x < n else { continue }
                    let base = minus ? Character(complement(String(text[x]))) : text[x]
                    total += table[4 * (distance - 1) + ["A": 0, "C": 1, "G": 2, "T": 3][base]!]
                }
                return model.upstreamWeight * Double(total)
            }
            let bonus = start.map { model.startScores[$0]! + (motif(a, b, minus: minus) ? model.motifScore : 0) + context() } ?? 0
            // The genome's hexamers: each codon with the next one on the gene's strand, inside the gene.
            var hexamers = 0.0
            if let table = model.hexamers {
                let index: (String) -> Int = { $0.reduce(0) { $0 * 4 + ["A": 0, "C": 1, "G": 2, "T": 3][$1]! } }
                if minus {
                    for c in stride(from: b - 3, through: a + 3, by: -3) {
                        hexamers += Double(table.ratios[index(complement(String(text[(c - 3)..<(c + 3)])))])
                    }
                } else {
                    for x in stride(from: a, through: b - 6, by: 3) {
                        hexamers += Double(table.ratios[index(String(text[x..<(x + 6)]))])
                    }
                }
            }
            let score = e[a..<b].reduce(0, +) + model.hexamerWeight * hexamers + bonus - model.geneCost
            genes.append(DecodedGene(start: a, end: b, minusStrand: minus, startCodon: start.map { GeneticCode.codonIndex($0)! },
                                     partialLeft: left, partialRight: right, score: score,
                                     predecessor: min(a + model.maximumOverlap, n)))
        }
        for a in 0..<n {
            for b in stride(from: a + 3, through: n, by: 3) {
                // Plus: start codon (or the left edge) at a; stop codon ending at b (or the right edge).
                let plusLeft = leftEdge && a < 3 && open(a, b - 3, minus: false)
                let plusStart = isStart(a, minus: false) ? codon(a) : nil
                if isStop(b - 3, minus: false) && open(a, b - 3, minus: false) {
                    if let plusStart { add(a, b, minus: false, start: plusStart, left: false, right: false) }
                    if plusLeft { add(a, b, minus: false, start: nil, left: true, right: false) }
                }
                if rightEdge && n - b < 3 && open(a, b, minus: false) {
                    if let plusStart { add(a, b, minus: false, start: plusStart, left: false, right: true) }
                    if plusLeft { add(a, b, minus: false, start: nil, left: true, right: true) }
                }
                // Minus: stop codon (or the left edge) at a; start codon ending at b (or the right edge).
                let minusStop = isStop(a, minus: true) && open(a + 3, b - 3, minus: true)
                let minusLeft = leftEdge && a < 3 && open(a, b - 3, minus: true)
                if isStart(b - 3, minus: true) {
                    let start = complement(codon(b - 3))
                    if minusStop { add(a, b, minus: true, start: start, left: false, right: false) }
                    if minusLeft { add(a, b, minus: true, start: start, left: true, right: false) }
                }
                if rightEdge && n - b < 3 {
                    if isStop(a, minus: true) && open(a + 3, b, minus: true) {
                        add(a, b, minus: true, start: nil, left: false, right: true)
                    }
                    if leftEdge && a < 3 && open(a, b, minus: true) { add(a, b, minus: true, start: nil, left: true, right: true) }
                }
            }
        }
        return genes
    }

    /// The best total score over every chain of genes (each starting at most `maximumOverlap` before
    /// the previous one ends), by exhaustive recursion.
    private func bruteForce(_ genes: [DecodedGene], after end: Int) -> Double {
        var best = 0.0
        for gene in genes where gene.predecessor >= end {
            best = max(best, gene.score + bruteForce(genes, after: gene.end))
        }
        return best
    }


    func testPosteriorMatchesEnumeratingEveryParse() {
        var seedState: UInt64 = 99
        func next() -> UInt64 {
            seedState = seedState &* 6364136223846793005 &+ 1442695040888963407
            return seedState >> 33
        }
        var informative = 0
        for trial in 0..<150 {
            let n = 18 + Int(next() % 16)
            let weights: [UInt64] = [3, 1, 4, 2]
            let text: [Character] = (0..<n).map { _ in
                var r = next() % 10
                for (i, w) in weights.enumerated() { if r < w { return letters[i] }; r -= w }
                return "A"
            }
            let plus = (0..<n).map { _ in Double(next() % 200) / 100 - 0.7 }
            let minus = (0..<n).map { _ in Double(next() % 200) / 100 - 0.7 }
            var model = GeneModel(minimumLength: 9, maximumLength: 24, maximumOverlap: 4,
                                  startScores: ["ATG": 0, "GTG": -0.5, "TTG": -0.7], geneCost: 0.3, motifScore: 0.9)
            // Parses weigh e^(score / T): the default T, 1, and a sharper one.
            let temperature = [model.posteriorTemperature, 1, 0.5][(trial / 4) % 3]
            model.posteriorTemperature = temperature
            let leftEdge = trial % 3 != 0, rightEdge = trial % 4 != 0
            let m = masks(String(text))
            let posterior = m.withUnsafeBufferPointer { mp in
                plus.withUnsafeBufferPointer { p in
                    minus.withUnsafeBufferPointer { q in
                        GeneDecoder(model: model).posterior(masks: mp, plus: p, minus: q, leftEdge: leftEdge, rightEdge: rightEdge)
                    }
                }
            }
            // The calls do not depend on the temperature.
            var plain = model
            plain.posteriorTemperature = 1
            let calls = [model, plain].map { model in
                m.withUnsafeBufferPointer { mp in
                    plus.withUnsafeBufferPointer { p in
                        minus.withUnsafeBufferPointer { q in
                            GeneDecoder(model: model).decodeWithPosterior(masks: mp, plus: p, minus: q, leftEdge: leftEdge,
                                                                          rightEdge: rightEdge).genes
                        }
                    }
                }
            }
            XCTAssertEqual(calls[0], calls[1], "trial \(trial)")
            let chains = DecodingHarness.allChains(allGenes(text, evidence: (plus, minus), model: model, leftEdge: leftEdge,
                                            rightEdge: rightEdge), after: 0)
            let z = chains.map { exp($0.1 / temperature) }.reduce(0, +)
            for x in 0..<n {
                var expected = (0.0, 0.0)
                for (chain, score) in chains {
                    let w = exp(score / temperature) / z
                    for gene in chain where gene.start <= x && x < gene.end {
                        if gene.minusStrand { expected.1 += w } else { expected.0 += w }
                    }
                }
                XCTAssertEqual(Double(posterior.plus[x]), min(expected.0, 1), accuracy: 1e-5, "trial \(trial) base \(x) plus")
                XCTAssertEqual(Double(posterior.minus[x]), min(expected.1, 1), accuracy: 1e-5, "trial \(trial) base \(x) minus")
                if expected.0 > 0.05 && expected.0 < 0.95 { informative += 1 }
            }
        }
        XCTAssertGreaterThan(informative, 100, "too few uncertain bases to test the posterior")
    }

    func testMatchesBruteForceOnRandomSequences() {
        var seedState: UInt64 = 12345
        func next() -> UInt64 {
            seedState = seedState &* 6364136223846793005 &+ 1442695040888963407
            return seedState >> 33
        }
        var nonTrivial = 0
        for trial in 0..<400 {
            let n = 20 + Int(next() % 22)
            // AT-rich draws give stops, G/T-rich ones starts: mix both.
            let weights: [UInt64] = trial % 2 == 0 ? [3, 1, 2, 3] : [3, 1, 4, 2]
            let text: [Character] = (0..<n).map { _ in
                var r = next() % weights.reduce(0, +)
                for (i, w) in weights.enumerated() { if r < w { return letters[i] }; r -= w }
                return "A"
            }
            let plus = (0..<n).map { _ in Double(next() % 200) / 100 - 0.8 }
            let minus = (0..<n).map { _ in Double(next() % 200) / 100 - 0.8 }
            let table = [11, 4, 6, 25][trial % 4]
            var model = GeneModel(code: GeneticCode.ncbi(table)!, minimumLength: 9, maximumLength: 27, maximumOverlap: 4,
                                  startScores: ["ATG": 0, "GTG": -0.5, "TTG": -0.7], geneCost: 0.3, motifScore: 1.1)
            // Every other trial with a random hexamer table and start context (the --adapt terms).
            if trial % 2 == 1 {
                model.hexamers = HexamerTable(ratios: (0..<4096).map { _ in Float(Int(next() % 200) - 100) / 100 })
                model.hexamerWeight = 0.7
                model.upstream = (0..<80).map { _ in Float(Int(next() % 200) - 100) / 100 }
                model.upstreamWeight = 0.6
            }
            let leftEdge = trial % 3 != 0, rightEdge = trial % 5 != 0
            let decoder = GeneDecoder(model: model)
            let m = masks(String(text))
            let path = m.withUnsafeBufferPointer { mp in
                plus.withUnsafeBufferPointer { p in
                    minus.withUnsafeBufferPointer { q in
                        decoder.decode(masks: mp, plus: p, minus: q, leftEdge: leftEdge, rightEdge: rightEdge)
                    }
                }
            }
            let genes = allGenes(text, evidence: (plus, minus), model: model, leftEdge: leftEdge, rightEdge: rightEdge)
            let expected = bruteForce(genes, after: 0)
            // The path is a valid chain of allowed genes with the brute force's best total.
            var end = 0
            for gene in path {
                XCTAssertTrue(genes.contains(gene), "trial \(trial): \(gene) is not a gene of the model in \(String(text))")
                XCTAssertGreaterThanOrEqual(gene.start + model.maximumOverlap, end, "trial \(trial): overlap too large")
                end = gene.end
            }
            let total = path.map(\.score).reduce(0, +)
            XCTAssertEqual(total, expected, accuracy: 1e-9, "trial \(trial), \(String(text)), table \(table)")
            if !path.isEmpty { nonTrivial += 1 }
        }
        XCTAssertGreaterThan(nonTrivial, 100, "too few trials called a gene to test anything")
    }

    /// Stop codons end genes per genetic code and strand: TGA ends a gene in table 11, not in table 4.
    func testStopCodonsFollowTheGeneticCode() {
        // ATG AAA TGA AAA AAA TAA: under table 11 the ORF from ATG ends at TGA (9 bases), under table 4
        // it runs to TAA (18 bases).
        let text = "ATGAAATGAAAAAAATAA"
        let evidence = [Double](repeating: 1, count: text.count)
        let model11 = GeneModel(minimumLength: 9, maximumLength: 100, maximumOverlap: 0, geneCost: 0)
        let model4 = GeneModel(code: GeneticCode.ncbi(4)!, minimumLength: 9, maximumLength: 100, maximumOverlap: 0, geneCost: 0)
        for (model, expectedEnd) in [(model11, 9), (model4, 18)] {
            for minus in [false, true] {
                var m = masks(text)
                if minus { m = m.reversed().map(BaseEncoding.complement) }
                let zero = [Double](repeating: -1, count: text.count)
                let path = m.withUnsafeBufferPointer { mp in
                    evidence.withUnsafeBufferPointer { e in
                        zero.withUnsafeBufferPointer { z in
                            GeneDecoder(model: model).decode(masks: mp, plus: minus ? z : e, minus: minus ? e : z,
                                                             leftEdge: false, rightEdge: false)
                        }
                    }
                }
                let n = text.count
                let expected = minus ? (n - expectedEnd)..<n : 0..<expectedEnd
                XCTAssertEqual(path.map { $0.start..<$0.end }, [expected], "table \(model.code.table), minus \(minus)")
                XCTAssertEqual(path.first?.minusStrand, minus)
                XCTAssertEqual(path.first?.startCodon, GeneticCode.codonIndex("ATG"))
            }
        }
    }

    /// A gene cut by the sequence's edges is called as partial, on whole codons.
    func testPartialGenesAtEdges() {
        // No stop codon in any plus-strand frame (CGC AGC …): with both edges open, frame 0's 21 codons
        // are the longest partial gene; 2 bases after them are too few for a codon.
        let text = "C" + String(repeating: "GCA", count: 20) + "GC" + "TA"
        let m = masks(text)
        let high = [Double](repeating: 1, count: m.count), low = [Double](repeating: -1, count: m.count)
        let model = GeneModel(minimumLength: 30, maximumLength: 1000, maximumOverlap: 0, geneCost: 0)
        let path = m.withUnsafeBufferPointer { mp in
            high.withUnsafeBufferPointer { h in
                low.withUnsafeBufferPointer { l in
                    GeneDecoder(model: model).decode(masks: mp, plus: h, minus: l, leftEdge: true, rightEdge: true)
                }
            }
        }
        XCTAssertEqual(path.count, 1)
        let gene = path[0]
        XCTAssertEqual(gene.start, 0)
        XCTAssertEqual(gene.end, 63)
        XCTAssertTrue(gene.partialLeft && gene.partialRight)
        XCTAssertNil(gene.startCodon)
        // Closed edges: nothing runs off them, so no gene at all.
        let closed = m.withUnsafeBufferPointer { mp in
            high.withUnsafeBufferPointer { h in
                low.withUnsafeBufferPointer { l in
                    GeneDecoder(model: model).decode(masks: mp, plus: h, minus: l, leftEdge: false, rightEdge: false)
                }
            }
        }
        XCTAssertEqual(closed, [])
    }
}
