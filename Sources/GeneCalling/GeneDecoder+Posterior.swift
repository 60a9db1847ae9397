import Foundation

extension GeneDecoder {
    /// Each base's posterior probability of lying in a gene on each strand: the forward-backward sums
    /// over every parse of the stretch (the same parses `decode` maximises over), a parse weighted by
    /// e^(its score). A gene g has P(g) = e^(α[pred g] + score g + β[end g] − Z); a base's probability on a
    /// strand is the sum of P(g) over that strand's genes covering it (at most 1; genes may overlap by
    /// `maximumOverlap`, where the sum is cut at 1). Sharp at stop codons, spread over the alternative
    /// starts near a start. Arguments as for `decode`; bases before `anchor` get 0.
    /// - Returns: n values per strand, in [0, 1].
    public func posterior(masks: UnsafeBufferPointer<UInt8>, plus: UnsafeBufferPointer<Double>,
                          minus: UnsafeBufferPointer<Double>, anchor: Int = 0, leftEdge: Bool, rightEdge: Bool,
                          strands: (plus: Bool, minus: Bool) = (true, true)) -> (plus: [Float], minus: [Float]) {
        let n = masks.count
        precondition(anchor >= 0 && anchor <= n)
        var forward = Forward(count: n, anchor: anchor)
        sweep(&forward, masks: masks, plus: plus, minus: minus, leftEdge: leftEdge, rightEdge: rightEdge, strands: strands)
        let alpha = forward.alpha, genes = forward.genes
        // Backward: β[x] = log Σ over parses of [x, n) of e^score; genes grouped by predecessor.
        var byPredecessor = [Int](repeating: 0, count: n + 2)
        for (gene, _) in genes { byPredecessor[gene.predecessor + 1] += 1 }
        for x in 0...n { byPredecessor[x + 1] += byPredecessor[x] }
        var order = [Int](repeating: 0, count: genes.count)
        var fill = byPredecessor
        for (i, (gene, _)) in genes.enumerated() {
            order[fill[gene.predecessor]] = i
            fill[gene.predecessor] += 1
        }
        var beta = [Double](repeating: -.infinity, count: n + 1)
        beta[n] = 0
        for x in stride(from: n - 1, through: anchor, by: -1) {
            var total = beta[x + 1]
            for k in byPredecessor[x]..<byPredecessor[x + 1] {
                let (gene, end) = genes[order[k]]
                total = Forward.logSum(total, gene.score + beta[end])
            }
            beta[x] = total
        }
        // Each gene's probability spread over its bases, per strand.
        let z = alpha[n]
        var plusCover = [Double](repeating: 0, count: n + 1), minusCover = plusCover
        if z > -.infinity {
            for (gene, end) in genes {
                let p = exp(alpha[gene.predecessor] + gene.score + beta[end] - z)
                guard p > 1e-9 else { continue }
                if gene.minusStrand {
                    minusCover[gene.start] += p
                    minusCover[gene.end] -= p
                } else {
                    plusCover[gene.start] += p
                    plusCover[gene.end] -= p
                }
            }
        }
        var plusOut = [Float](repeating: 0, count: n), minusOut = plusOut
        var p = 0.0, m = 0.0
        for x in 0..<n {
            p += plusCover[x]
            m += minusCover[x]
            if x >= anchor {
                plusOut[x] = Float(min(max(p, 0), 1))
                minusOut[x] = Float(min(max(m, 0), 1))
            }
        }
        return (plusOut, minusOut)
    }
}

/// The forward recursion over a sweep's genes: α[x] = log(e^α[x − 1] + Σ over genes g ending at x of
/// e^(α[g.predecessor] + g.score)). Keeps every gene that a parse can reach, with the position where the
/// recursion placed its end (a gene that runs off the right end jumps to the stretch's end).
private struct Forward: GeneSweepVisitor {
    let anchor: Int
    var alpha: [Double]
    var genes: [(DecodedGene, Int)] = []
    var position = 0

    init(count n: Int, anchor: Int) {
        self.anchor = anchor
        alpha = [Double](repeating: -.infinity, count: n + 1)
        alpha[anchor] = 0
    }

    static func logSum(_ a: Double, _ b: Double) -> Double {
        if a == -.infinity { return b }
        if b == -.infinity { return a }
        return max(a, b) + log1p(exp(-abs(a - b)))
    }

    mutating func step(to x: Int) {
        position = x
        if x - 1 >= anchor { alpha[x] = alpha[x - 1] }
    }

    mutating func candidate(_ gene: DecodedGene) {
        let p = gene.predecessor
        guard p >= anchor, alpha[p] > -.infinity else { return }
        alpha[position] = Forward.logSum(alpha[position], alpha[p] + gene.score)
        genes.append((gene, position))
    }

    mutating func settle(_ x: Int) {}
}
