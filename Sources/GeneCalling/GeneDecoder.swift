import ReadingFrames
import Windows

/// The gene decoder's dynamic program (Viterbi over genes and non-coding bases) on one stretch of a
/// sequence: the set of genes of `GeneModel` with the highest total score.
///
/// F[x] is the best score of a parse of the stretch's first x bases, where a parse is a sequence of
/// genes and non-coding bases (score 0) and each gene may begin up to `maximumOverlap` bases before the
/// previous one ends: F[x] = max(F[x − 1], max over genes g ending at x of F[g.start + overlap] + score(g)).
/// One left-to-right sweep finds every gene as it ends: plus-strand genes at their stop codon (their
/// start codons since the last in-frame stop are kept per frame), minus-strand genes at their start
/// codon (the last in-frame stop, read on the forward strand as TTA, CTA, TCA, is kept per frame).
/// Cost: O(n + number of start codons) time, O(n) memory. Ties go to the parse found first (the
/// non-coding base, then genes in the order above), so results never depend on anything but the input.
public struct GeneDecoder: Sendable {
    public let model: GeneModel
    /// Codon index → what it is on the plus strand and, read as its reverse complement, on the minus one.
    private let plusStop: [Bool]
    private let minusStop: [Bool]
    /// Start score by codon index as read on the gene's strand; nil: not a start codon.
    private let startScore: [Double?]

    public init(model: GeneModel) {
        self.model = model
        var plusStop = [Bool](repeating: false, count: 64), minusStop = plusStop
        var startScore = [Double?](repeating: nil, count: 64)
        for codon in model.code.stops {
            let c = GeneticCode.codonIndex(codon)!
            plusStop[c] = true
            minusStop[GeneticCode.reverseComplement(c)] = true
        }
        for codon in GeneticCode.startCodons {
            startScore[GeneticCode.codonIndex(codon)!] = model.startScores[codon] ?? 0
        }
        self.plusStop = plusStop
        self.minusStop = minusStop
        self.startScore = startScore
    }

    /// Whether a 4-base piece of AGGAGG (AGGA, GGAG, GAGG) lies 5 to 15 bases upstream of a start codon
    /// on its strand: for the plus strand `start` is the start codon's first base, for the minus strand
    /// the end of its (reverse-complement) codon on the forward strand. Bases outside `masks` do not count.
    func hasMotif(_ masks: UnsafeBufferPointer<UInt8>, start: Int, minus: Bool) -> Bool {
        // A = 1, C = 2, G = 4, T = 8; on the minus strand read the complement backwards.
        let pieces: [(UInt8, UInt8, UInt8, UInt8)] = [(1, 4, 4, 1), (4, 4, 1, 4), (4, 1, 4, 4)]
        let n = masks.count
        for distance in 5...15 {
            // The motif's 4 bases on the gene's strand, ending `distance` bases before the start codon.
            var bases: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
            if minus {
                let last = start + distance, first = last + 3   // forward positions, 5' of the gene is to the right
                guard first < n else { continue }
                bases = (BaseEncoding.complement(masks[first]), BaseEncoding.complement(masks[first - 1]),
                         BaseEncoding.complement(masks[first - 2]), BaseEncoding.complement(masks[last]))
            } else {
                let last = start - distance, first = last - 3
                guard first >= 0 else { continue }
                bases = (masks[first], masks[first + 1], masks[first + 2], masks[last])
            }
            if pieces.contains(where: { $0 == bases }) { return true }
        }
        return false
    }

    /// The best parse of a stretch.
    /// - Parameters:
    ///   - masks: the stretch's bases as IUPAC masks (`BaseEncoding`); n = masks.count.
    ///   - plus, minus: each base's evidence on each strand (`GeneModel.evidence`), n values each.
    ///   - anchor: parses start at this base (F[anchor] = 0, F[x] = −∞ before it): the bases before it
    ///     are context only, already decided. Genes may begin up to `maximumOverlap` bases before it.
    ///   - leftEdge: the stretch starts where the sequence does: genes may run off it (partial).
    ///   - rightEdge: the stretch ends where the sequence does.
    ///   - strands: which strands may carry genes.
    /// - Returns: the genes of the best parse, by increasing end.
    public func decode(masks: UnsafeBufferPointer<UInt8>, plus: UnsafeBufferPointer<Double>,
                       minus: UnsafeBufferPointer<Double>, anchor: Int = 0, leftEdge: Bool, rightEdge: Bool,
                       strands: (plus: Bool, minus: Bool) = (true, true)) -> [DecodedGene] {
        let n = masks.count
        precondition(plus.count == n && minus.count == n && anchor >= 0 && anchor <= n)
        var sumPlus = [Double](repeating: 0, count: n + 1), sumMinus = sumPlus
        for x in 0..<n {
            sumPlus[x + 1] = sumPlus[x] + plus[x]
            sumMinus[x + 1] = sumMinus[x] + minus[x]
        }
        let hexamers = HexamerSums(masks: masks, table: model.hexamers)
        let hexamerWeight = model.hexamerWeight
        var best = [Double](repeating: -.infinity, count: n + 1)
        var back = [Int32](repeating: -1, count: n + 1)
        var genes: [DecodedGene] = []
        best[anchor] = 0
        let minLength = model.minimumLength, maxLength = model.maximumLength, overlap = model.maximumOverlap
        let cost = model.geneCost
        // Plus strand: start codons (position, codon) since the last in-frame stop, per frame (x mod 3);
        // whether a stop was seen in the frame. Minus strand: the last in-frame stop's first base.
        var starts: [[(Int, Int)]] = [[], [], []]
        var plusStopSeen = [false, false, false]
        var lastMinusStop: [Int?] = [nil, nil, nil]
        // Where the best parse before a gene starting at `start` is read: overlap allowed.
        func predecessor(_ start: Int) -> Int { min(start + overlap, n) }

        var candidate: DecodedGene? = nil
        var candidateScore = -Double.infinity
        func consider(_ gene: DecodedGene) {
            let p = gene.predecessor
            guard p >= anchor, best[p] > -.infinity else { return }
            let total = best[p] + gene.score
            if total > candidateScore { candidateScore = total; candidate = gene }
        }
        let motif = model.motifScore
        /// A candidate gene [s, e) on one strand; `codon` is its start codon (nil: it runs off the stretch).
        func gene(from s: Int, to e: Int, minus: Bool, codon: Int?, partialLeft: Bool, partialRight: Bool) {
            let length = e - s
            guard minus ? strands.minus : strands.plus, length >= minLength, length <= maxLength else { return }
            var startBonus = codon.map { startScore[$0]! } ?? 0
            // The start codon's far end: its first base on the plus strand, its last on the minus strand.
            if codon != nil && motif != 0 && hasMotif(masks, start: minus ? e : s, minus: minus) { startBonus += motif }
            var evidence = minus ? sumMinus[e] - sumMinus[s] : sumPlus[e] - sumPlus[s]
            if let hexamers { evidence += hexamerWeight * hexamers.sum(from: s, to: e, minus: minus) }
            consider(DecodedGene(start: s, end: e, minusStrand: minus, startCodon: codon, partialLeft: partialLeft,
                                 partialRight: partialRight, score: evidence + startBonus - cost,
                                 bonus: startBonus - cost, predecessor: predecessor(s)))
        }
        func settle(_ x: Int) {
            if let gene = candidate, candidateScore > best[x] {
                best[x] = candidateScore
                back[x] = Int32(genes.count)
                genes.append(gene)
            }
            candidate = nil
            candidateScore = -.infinity
        }

        for x in stride(from: 1, through: n, by: 1) {
            if x - 1 >= anchor { best[x] = best[x - 1] }
            guard x >= 3, let codon = GeneticCode.codonIndex(masks[x - 3], masks[x - 2], masks[x - 1]) else {
                settle(x)
                continue
            }
            let frame = x % 3
            if plusStop[codon] {
                for (s, startCodon) in starts[frame] {
                    gene(from: s, to: x, minus: false, codon: startCodon, partialLeft: false, partialRight: false)
                }
                if leftEdge && !plusStopSeen[frame] {
                    gene(from: frame, to: x, minus: false, codon: nil, partialLeft: true, partialRight: false)
                }
                starts[frame].removeAll(keepingCapacity: true)
                plusStopSeen[frame] = true
            } else if startScore[codon] != nil {
                starts[frame].append((x - 3, codon))
            }
            if minusStop[codon] {
                lastMinusStop[frame] = x - 3
            } else if case let startCodon = GeneticCode.reverseComplement(codon), startScore[startCodon] != nil {
                if let a = lastMinusStop[frame] {
                    gene(from: a, to: x, minus: true, codon: startCodon, partialLeft: false, partialRight: false)
                } else if leftEdge {
                    gene(from: frame, to: x, minus: true, codon: startCodon, partialLeft: true, partialRight: false)
                }
            }
            settle(x)
        }
        if rightEdge && n > 0 {
            // Genes open at the right end: they end on the last whole codon of their frame.
            for frame in 0..<3 {
                let lastEnd = { (s: Int) in s + 3 * ((n - s) / 3) }
                for (s, startCodon) in starts[frame] {
                    gene(from: s, to: lastEnd(s), minus: false, codon: startCodon, partialLeft: false, partialRight: true)
                }
                if leftEdge && !plusStopSeen[frame] {
                    gene(from: frame, to: lastEnd(frame), minus: false, codon: nil, partialLeft: true, partialRight: true)
                }
                if let a = lastMinusStop[frame] {
                    gene(from: a, to: lastEnd(a), minus: true, codon: nil, partialLeft: false, partialRight: true)
                } else if leftEdge {
                    gene(from: frame, to: lastEnd(frame), minus: true, codon: nil, partialLeft: true, partialRight: true)
                }
            }
            settle(n)
        }
        // Trace the best parse of the whole stretch back.
        var path: [DecodedGene] = []
        var x = n
        while x > anchor {
            if back[x] >= 0 {
                let gene = genes[Int(back[x])]
                path.append(gene)
                x = gene.predecessor
            } else {
                x -= 1
            }
        }
        return path.reversed()
    }
}
