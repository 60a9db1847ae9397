import Foundation

extension GeneDecoder {
    /// Each base's posterior probability of lying in a gene on each strand: the forward-backward sums
    /// over every parse of the stretch (the same parses `decode` maximises over), a parse weighted by
    /// e^(its score / T), T = `GeneModel.posteriorTemperature`; below, scores are divided by T. A gene g
    /// has P(g) = e^(α[pred g] + score g + β[end g] − Z); a base's probability on a
    /// strand is the sum of P(g) over that strand's genes covering it (at most 1; genes may overlap by
    /// `maximumOverlap`, where the sum is cut at 1). Sharp at stop codons, spread over the alternative
    /// starts near a start. Arguments as for `decode`; bases before `anchor` get 0.
    /// - Returns: n values per strand, in [0, 1].
    public func posterior(masks: UnsafeBufferPointer<UInt8>, plus: UnsafeBufferPointer<Double>,
                          minus: UnsafeBufferPointer<Double>, anchor: Int = 0, leftEdge: Bool, rightEdge: Bool,
                          strands: (plus: Bool, minus: Bool) = (true, true)) -> (plus: [Float], minus: [Float]) {
        let n = masks.count
        precondition(anchor >= 0 && anchor <= n)
        if let exons {
            let (_, p, m) = exons.posterior(masks: masks, plus: plus, minus: minus, anchor: anchor, leftEdge: leftEdge,
                                            rightEdge: rightEdge, strands: strands, genes: false)
            return (p, m)
        }
        var forward = Forward(count: n, anchor: anchor, temperature: model.posteriorTemperature)
        sweep(&forward, masks: masks, plus: plus, minus: minus, leftEdge: leftEdge, rightEdge: rightEdge, strands: strands)
        return GeneDecoder.posterior(forward, count: n, anchor: anchor)
    }

    /// `decode` and `posterior` of the same stretch from one sweep.
    public func decodeWithPosterior(masks: UnsafeBufferPointer<UInt8>, plus: UnsafeBufferPointer<Double>,
                                    minus: UnsafeBufferPointer<Double>, anchor: Int = 0, leftEdge: Bool, rightEdge: Bool,
                                    strands: (plus: Bool, minus: Bool) = (true, true))
        -> (genes: [DecodedGene], plus: [Float], minus: [Float]) {
        let n = masks.count
        precondition(anchor >= 0 && anchor <= n)
        if let exons {
            return exons.posterior(masks: masks, plus: plus, minus: minus, anchor: anchor, leftEdge: leftEdge,
                                   rightEdge: rightEdge, strands: strands, genes: true)
        }
        var both = BothVisitors(Viterbi(count: n, anchor: anchor),
                                Forward(count: n, anchor: anchor, temperature: model.posteriorTemperature))
        sweep(&both, masks: masks, plus: plus, minus: minus, leftEdge: leftEdge, rightEdge: rightEdge, strands: strands)
        let (p, m) = GeneDecoder.posterior(both.second, count: n, anchor: anchor)
        return (both.first.path(), p, m)
    }

    /// The backward pass and the per-base sums over a finished forward pass.
    private static func posterior(_ forward: Forward, count n: Int, anchor: Int) -> (plus: [Float], minus: [Float]) {
        let alpha = forward.alpha, genes = forward.genes
        // Backward: β[x] = log Σ over parses of [x, n) of e^score; genes grouped by predecessor.
        var byPredecessor = [Int](repeating: 0, count: n + 2)
        for (gene, _) in genes { byPredecessor[Int(gene.predecessor) + 1] += 1 }
        for x in 0...n { byPredecessor[x + 1] += byPredecessor[x] }
        var order = [Int](repeating: 0, count: genes.count)
        var fill = byPredecessor
        for (i, (gene, _)) in genes.enumerated() {
            order[fill[Int(gene.predecessor)]] = i
            fill[Int(gene.predecessor)] += 1
        }
        var beta = [Double](repeating: -.infinity, count: n + 1)
        beta[n] = 0
        for x in stride(from: n - 1, through: anchor, by: -1) {
            var total = beta[x + 1]
            for k in byPredecessor[x]..<byPredecessor[x + 1] {
                let (gene, end) = genes[order[k]]
                total = LogSum.sum(total, gene.score + beta[end])
            }
            beta[x] = total
        }
        // Each gene's probability spread over its bases, per strand.
        let z = alpha[n]
        var plusCover = [Double](repeating: 0, count: n + 1), minusCover = plusCover
        if z > -.infinity {
            for (gene, end) in genes {
                let exponent = alpha[Int(gene.predecessor)] + gene.score + beta[end] - z
                guard exponent > -21 else { continue }   // P < 1e-9
                let p = exp(exponent)
                if gene.minusStrand {
                    minusCover[Int(gene.start)] += p
                    minusCover[Int(gene.end)] -= p
                } else {
                    plusCover[Int(gene.start)] += p
                    plusCover[Int(gene.end)] -= p
                }
            }
        }
        return GeneDecoder.coverage(plus: plusCover, minus: minusCover, anchor: anchor)
    }

    /// Per-base probabilities from difference arrays (+p where a gene or exon begins, −p where it ends;
    /// n + 1 values per strand): their running sums, clamped to [0, 1], 0 before `anchor`.
    static func coverage(plus: [Double], minus: [Double], anchor: Int) -> (plus: [Float], minus: [Float]) {
        let n = plus.count - 1
        var plusOut = [Float](repeating: 0, count: n), minusOut = plusOut
        plusOut.withUnsafeMutableBufferPointer { plusOut in
            minusOut.withUnsafeMutableBufferPointer { minusOut in
                plus.withUnsafeBufferPointer { plus in
                    minus.withUnsafeBufferPointer { minus in
                        var p = 0.0, m = 0.0
                        for x in 0..<n {
                            p += plus[x]
                            m += minus[x]
                            if x >= anchor {
                                plusOut[x] = Float(min(max(p, 0), 1))
                                minusOut[x] = Float(min(max(m, 0), 1))
                            }
                        }
                    }
                }
            }
        }
        return (plusOut, minusOut)
    }
}

/// The forward recursion over a sweep's genes: α[x] = log(e^α[x − 1] + Σ over genes g ending at x of
/// e^(α[g.predecessor] + g.score / T)). Keeps every gene that a parse can reach (its score divided by
/// T), with the position where the recursion placed its end (a gene that runs off the right end jumps
/// to the stretch's end).
struct Forward: GeneSweepVisitor {
    let anchor: Int
    /// 1 / T.
    let scale: Double
    var alpha: [Double]
    var genes: [(ReachableGene, Int)] = []
    var position = 0

    init(count n: Int, anchor: Int, temperature: Double) {
        precondition(temperature > 0)
        self.anchor = anchor
        scale = 1 / temperature
        alpha = [Double](repeating: -.infinity, count: n + 1)
        alpha[anchor] = 0
    }

    mutating func step(to x: Int) {
        position = x
        if x - 1 >= anchor { alpha[x] = alpha[x - 1] }
    }

    mutating func candidate(_ gene: DecodedGene) {
        let p = gene.predecessor
        guard p >= anchor, alpha[p] > -.infinity else { return }
        let score = gene.score * scale
        alpha[position] = LogSum.sum(alpha[position], alpha[p] + score)
        genes.append((ReachableGene(start: Int32(gene.start), end: Int32(gene.end), predecessor: Int32(p),
                                    minusStrand: gene.minusStrand, score: score), position))
    }

    mutating func settle(_ x: Int) {}
}

/// Two dynamic programs fed by one sweep.
struct BothVisitors<First: GeneSweepVisitor, Second: GeneSweepVisitor>: GeneSweepVisitor {
    var first: First
    var second: Second

    init(_ first: First, _ second: Second) {
        self.first = first
        self.second = second
    }

    mutating func step(to x: Int) {
        first.step(to: x)
        second.step(to: x)
    }

    mutating func candidate(_ gene: DecodedGene) {
        first.candidate(gene)
        second.candidate(gene)
    }

    mutating func settle(_ x: Int) {
        first.settle(x)
        second.settle(x)
    }
}

/// What the backward pass needs of a gene the forward pass reached.
struct ReachableGene {
    let start: Int32
    let end: Int32
    let predecessor: Int32
    let minusStrand: Bool
    let score: Double
}
