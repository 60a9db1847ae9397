import ReadingFrames
import Windows

/// The gene decoder on one stretch of a sequence: the set of genes of `GeneModel` with the highest
/// total score (`decode`, Viterbi) and each base's posterior probability of lying in a gene (`posterior`,
/// forward-backward), both over the genes one sweep finds (`sweep`).
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
    /// The eukaryote model's decoder, which `decode` and `posterior` hand over to; nil for the prokaryote model.
    let exons: ExonDecoder?

    public init(model: GeneModel) {
        self.model = model
        exons = model.kind == .eukaryote ? ExonDecoder(model: model) : nil
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

    /// The sum of `table`'s log-ratios of the 20 bases before a start codon on its strand (bases outside
    /// `masks` or ambiguous count 0); `start` as for `hasMotif`.
    func upstreamScore(_ masks: UnsafeBufferPointer<UInt8>, start: Int, minus: Bool, table: [Float]) -> Double {
        var total: Float = 0
        for distance in 1...20 {
            if let base = GeneDecoder.upstreamBase(masks, start: start, distance: distance, minus: minus) {
                total += table[4 * (distance - 1) + base]
            }
        }
        return Double(total)
    }

    /// The base (A = 0 … T = 3) `distance` (≥ 1) bases before a start codon on its strand, `start` as for
    /// `hasMotif`; nil outside `masks` or for an ambiguous base. The one rule of the start context's
    /// scores (`upstreamScore`) and counts (`GeneStatistics`).
    @inline(__always)
    static func upstreamBase(_ masks: UnsafeBufferPointer<UInt8>, start: Int, distance: Int, minus: Bool) -> Int? {
        let x = minus ? start + distance - 1 : start - distance
        guard x >= 0 && x < masks.count else { return nil }
        let m = minus ? BaseEncoding.complement(masks[x]) : masks[x]
        return BaseEncoding.isUnambiguous(m) ? m.trailingZeroBitCount : nil
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

    /// Walks a stretch once from left to right and hands every gene the model allows to `visitor`, each
    /// at the position where it ends: `step(to: x)` for x = 1 … n, then the genes ending at x, then
    /// `settle(x)`; with `rightEdge`, the genes that run off the right end follow with a second
    /// `settle(n)`. Plus-strand genes are found at their stop codon (the start codons since the last
    /// in-frame stop are kept per frame), minus-strand genes at their start codon (the last in-frame
    /// stop is kept per frame). Scores include evidence, hexamers, start, motif and cost; `predecessor`
    /// is `min(start + maximumOverlap, n)`.
    func sweep<V: GeneSweepVisitor>(_ visitor: inout V, masks: UnsafeBufferPointer<UInt8>, plus: UnsafeBufferPointer<Double>,
                                    minus: UnsafeBufferPointer<Double>, leftEdge: Bool, rightEdge: Bool,
                                    strands: (plus: Bool, minus: Bool)) {
        let n = masks.count
        precondition(plus.count == n && minus.count == n)
        var sumPlus = [Double](repeating: 0, count: n + 1), sumMinus = sumPlus
        for x in 0..<n {
            sumPlus[x + 1] = sumPlus[x] + plus[x]
            sumMinus[x + 1] = sumMinus[x] + minus[x]
        }
        let hexamers = HexamerSums(masks: masks, table: model.hexamers)
        let hexamerWeight = model.hexamerWeight
        let minLength = model.minimumLength, maxLength = model.maximumLength, overlap = model.maximumOverlap
        let cost = model.geneCost, motif = model.motifScore
        // Plus strand: start codons (position, codon) since the last in-frame stop, per frame (x mod 3);
        // whether a stop was seen in the frame. Minus strand: the last in-frame stop's first base.
        var starts: [[(Int, Int)]] = [[], [], []]
        var plusStopSeen = [false, false, false]
        var lastMinusStop: [Int?] = [nil, nil, nil]
        /// A candidate gene [s, e) on one strand; `codon` is its start codon (nil: it runs off the stretch).
        func gene(from s: Int, to e: Int, minus: Bool, codon: Int?, partialLeft: Bool, partialRight: Bool) {
            let length = e - s
            guard minus ? strands.minus : strands.plus, length >= minLength, length <= maxLength else { return }
            var startBonus = codon.map { startScore[$0]! } ?? 0
            // The start codon's far end: its first base on the plus strand, its last on the minus strand.
            if codon != nil && motif != 0 && hasMotif(masks, start: minus ? e : s, minus: minus) { startBonus += motif }
            if codon != nil, let upstream = model.upstream {
                startBonus += model.upstreamWeight * upstreamScore(masks, start: minus ? e : s, minus: minus, table: upstream)
            }
            var evidence = minus ? sumMinus[e] - sumMinus[s] : sumPlus[e] - sumPlus[s]
            if let hexamers { evidence += hexamerWeight * hexamers.sum(from: s, to: e, minus: minus) }
            visitor.candidate(DecodedGene(start: s, end: e, minusStrand: minus, startCodon: codon, partialLeft: partialLeft,
                                          partialRight: partialRight, score: evidence + startBonus - cost,
                                          bonus: startBonus - cost, predecessor: min(s + overlap, n)))
        }

        for x in stride(from: 1, through: n, by: 1) {
            visitor.step(to: x)
            guard x >= 3, let codon = GeneticCode.codonIndex(masks[x - 3], masks[x - 2], masks[x - 1]) else {
                visitor.settle(x)
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
            visitor.settle(x)
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
            visitor.settle(n)
        }
    }
}

/// What `GeneDecoder.sweep` reports to: the dynamic programs over its genes (Viterbi, forward).
protocol GeneSweepVisitor {
    /// Position x begins (the genes ending at x follow).
    mutating func step(to x: Int)
    /// A gene that ends at the current position.
    mutating func candidate(_ gene: DecodedGene)
    /// Every gene ending at x was reported.
    mutating func settle(_ x: Int)
}
