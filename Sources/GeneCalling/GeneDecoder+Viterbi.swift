extension GeneDecoder {
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
        precondition(anchor >= 0 && anchor <= n)
        if let exons {
            return exons.decode(masks: masks, plus: plus, minus: minus, anchor: anchor, leftEdge: leftEdge, rightEdge: rightEdge,
                                strands: strands)
        }
        var viterbi = Viterbi(count: n, anchor: anchor)
        sweep(&viterbi, masks: masks, plus: plus, minus: minus, leftEdge: leftEdge, rightEdge: rightEdge, strands: strands)
        return viterbi.path()
    }
}

/// The Viterbi recursion over a sweep's genes: best[x] = max(best[x − 1], max over genes g ending at x
/// of best[g.predecessor] + g.score), with a back-pointer where a gene wins.
struct Viterbi: GeneSweepVisitor {
    let anchor: Int
    var best: [Double]
    var back: [Int32]
    /// The genes that won a position, indexed by `back`.
    var genes: [DecodedGene] = []
    var candidate: DecodedGene?
    var candidateScore = -Double.infinity

    init(count n: Int, anchor: Int) {
        self.anchor = anchor
        best = [Double](repeating: -.infinity, count: n + 1)
        back = [Int32](repeating: -1, count: n + 1)
        best[anchor] = 0
    }

    mutating func step(to x: Int) {
        if x - 1 >= anchor { best[x] = best[x - 1] }
    }

    mutating func candidate(_ gene: DecodedGene) {
        let p = gene.predecessor
        guard p >= anchor, best[p] > -.infinity else { return }
        let total = best[p] + gene.score
        if total > candidateScore { candidateScore = total; candidate = gene }
    }

    mutating func settle(_ x: Int) {
        if let gene = candidate, candidateScore > best[x] {
            best[x] = candidateScore
            back[x] = Int32(genes.count)
            genes.append(gene)
        }
        candidate = nil
        candidateScore = -.infinity
    }

    /// The best parse of the whole stretch, traced back from its end.
    func path() -> [DecodedGene] { Viterbi.traceBack(back: back, genes: genes, anchor: anchor) }

    /// The parse a Viterbi recursion chose, traced back from position `back.count − 1` to `anchor`:
    /// `back[x]` indexes the gene (or exon) in `genes` that won position x (−1: a non-coding base), and
    /// each gene leads on to its `predecessor`. By increasing end.
    static func traceBack(back: [Int32], genes: [DecodedGene], anchor: Int) -> [DecodedGene] {
        var path: [DecodedGene] = []
        var x = back.count - 1
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
