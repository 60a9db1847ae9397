import ReadingFrames
import Windows

/// The eukaryote gene model's decoder on one stretch (`GeneModelKind.eukaryote`): the coding exons of
/// the best parse (`decode`, Viterbi) and each base's posterior probability of lying in one
/// (`posterior`, forward-backward), over parses made of single non-coding bases (score 0) and exons.
///
/// An exon [s, e) on a strand is read in one of three frames φ (its codons start at forward positions
/// ≡ φ mod 3). On its 5' end it begins at a start codon in frame (ATG, `startScores["ATG"]`), after a
/// splice acceptor (the intron's AG just before it on its strand, `acceptorScore`, any frame) or at the
/// stretch's edge (`leftEdge`/`rightEdge`, its first whole codon in the frame: partial); on its 3' end
/// it ends with a stop codon of `code` in frame (included), before a splice donor (GT just after it on
/// its strand, `donorScore`, any frame) or at the edge. No whole in-frame stop codon lies inside it
/// (its own final stop apart); it is at least `minimumExonLength` bases long. Its score is the evidence
/// of its bases plus the two ends' scores minus `exonCost`. Exons never overlap; introns are
/// non-coding bases; the frame is not carried across an intron (each exon chooses its own).
///
/// Cost: O(n) time and memory, whatever the number of splice sites: per strand and frame the sweep keeps
/// one aggregate over the open starts (the best, or the log-sum, of F[s] + start score − C[s], C the
/// prefix sums of the evidence), so an exon ending at x scores aggregate + C[x] + end score − cost. An
/// in-frame stop codon empties its frame's aggregate. The backward pass is the same sweep over the
/// reverse complement of the stretch, where every exon's ends swap roles.
struct ExonDecoder {
    let model: GeneModel
    /// Codon index (bases read forward) → stop codon on the plus strand / on the minus strand.
    private let plusStop: [Bool]
    private let minusStop: [Bool]
    private static let atg = GeneticCode.codonIndex("ATG")!
    private static let cat = GeneticCode.codonIndex("CAT")!

    init(model: GeneModel) {
        precondition(model.minimumExonLength >= 4, "a stop codon's reset needs exons longer than a codon")
        self.model = model
        var plusStop = [Bool](repeating: false, count: 64), minusStop = plusStop
        for codon in model.code.stops {
            let c = GeneticCode.codonIndex(codon)!
            plusStop[c] = true
            minusStop[GeneticCode.reverseComplement(c)] = true
        }
        self.plusStop = plusStop
        self.minusStop = minusStop
    }

    /// What an exon's end is (see the type's comment).
    enum Boundary: UInt8 { case codon, splice, edge }

    /// An open exon start: its position, F[s] + start score − C[s], and its kind and score.
    struct Start {
        var position: Int
        var value: Double
        var kind: Boundary
        var bonus: Double
    }

    /// One left-to-right pass of the recursion: F[x] = best (or log-sum) of F[x − 1] and, over the exons
    /// [s, x), F[s] + score. With `maximum` the winning exon of each position (`back`, `exons`); without,
    /// per strand the log-sum over exons ending at x of F[s] + score (`ends`).
    struct Pass {
        var total: [Double]
        var back: [Int32] = []
        var exons: [DecodedGene] = []
        var endsPlus: [Double] = []
        var endsMinus: [Double] = []
    }

    /// Runs one pass: exons start at or after `anchor` and end at or before `limit` (≤ n).
    func pass(masks: UnsafeBufferPointer<UInt8>, plus: UnsafeBufferPointer<Double>, minus: UnsafeBufferPointer<Double>,
              anchor: Int, limit: Int, leftEdge: Bool, rightEdge: Bool, strands: (plus: Bool, minus: Bool),
              maximum: Bool) -> Pass {
        let n = masks.count
        precondition(plus.count == n && minus.count == n && anchor >= 0 && anchor <= limit && limit <= n)
        var sumPlus = [Double](repeating: 0, count: n + 1), sumMinus = sumPlus
        for x in 0..<n {
            sumPlus[x + 1] = sumPlus[x] + plus[x]
            sumMinus[x + 1] = sumMinus[x] + minus[x]
        }
        var result = Pass(total: [Double](repeating: -.infinity, count: n + 1))
        if maximum {
            result.back = [Int32](repeating: -1, count: n + 1)
        } else {
            result.endsPlus = [Double](repeating: -.infinity, count: n + 1)
            result.endsMinus = result.endsPlus
        }
        result.total[anchor] = 0
        let minLength = model.minimumExonLength, cost = model.exonCost
        let atgScore = model.startScores["ATG"] ?? 0
        let donor = model.donorScore, acceptor = model.acceptorScore
        let sites = SpliceSites(masks: masks, weight: model.spliceConsensusWeight)
        // The codon [x, x + 3) read forward, by x (−1: none or ambiguous).
        var codons = [Int16](repeating: -1, count: n)
        if n >= 3 {
            for x in 0...(n - 3) { codons[x] = Int16(GeneticCode.codonIndex(masks[x], masks[x + 1], masks[x + 2]) ?? -1) }
        }
        // Index q = 3 · strand + frame (strand 0 plus, 1 minus): the aggregate of open starts at least
        // `minLength` back, and a queue of the newer ones (sorted by position; a ring of `capacity`, which
        // holds the at most 3 starts per position of the last `minLength` positions).
        var open = [Start?](repeating: nil, count: 6)
        var capacity = 16
        while capacity < 3 * minLength + 3 { capacity <<= 1 }
        let wrap = capacity - 1
        var queue = [Start](repeating: Start(position: 0, value: 0, kind: .edge, bonus: 0), count: 6 * capacity)
        var head = [Int](repeating: 0, count: 6), tail = head
        /// Queues a start at x for aggregate q, unless an in-frame stop codon at x would end it before it
        /// is `minLength` long (then no exon can begin there in that frame).
        func push(_ q: Int, _ start: Start, stopHere: Bool) {
            if stopHere && q % 3 == start.position % 3 { return }
            queue[q * capacity + tail[q] & wrap] = start
            tail[q] += 1
        }

        for x in anchor...limit {
            if x > anchor { result.total[x] = result.total[x - 1] }
            for q in 0..<6 {
                while head[q] < tail[q] {
                    let first = queue[q * capacity + head[q] & wrap]
                    guard first.position <= x - minLength else { break }
                    combine(&open[q], first, maximum: maximum)
                    head[q] += 1
                }
            }
            let codon = x >= 3 ? Int(codons[x - 3]) : -1
            let frame = x % 3
            var best: (score: Double, start: Start, q: Int, kind: Boundary, bonus: Double)?
            /// The exons of aggregate `q` ending at x with an end of `kind` scoring `bonus`.
            func end(_ q: Int, _ kind: Boundary, _ bonus: Double) {
                guard let start = open[q] else { return }
                let total = start.value + (q >= 3 ? sumMinus[x] : sumPlus[x]) + bonus - cost
                if maximum {
                    if total > (best?.score ?? result.total[x]) { best = (total, start, q, kind, bonus) }
                } else {
                    result.total[x] = Forward.logSum(result.total[x], total)
                    if q >= 3 {
                        result.endsMinus[x] = Forward.logSum(result.endsMinus[x], total)
                    } else {
                        result.endsPlus[x] = Forward.logSum(result.endsPlus[x], total)
                    }
                }
            }
            /// An in-frame stop codon ending at x: no exon holding it whole begins before it (the queue
            /// keeps the starts from x − 3 on: the minus strand's stop codon itself begins one).
            func kill(_ q: Int) {
                open[q] = nil
                while head[q] < tail[q] && queue[q * capacity + head[q] & wrap].position < x - 3 { head[q] += 1 }
            }
            if strands.plus {
                if codon >= 0 && plusStop[codon] {
                    end(frame, .codon, 0)
                    kill(frame)
                }
                if sites.isDonor(x, minus: false) {
                    let score = donor + sites.donor(x, minus: false)
                    for phi in 0..<3 { end(phi, .splice, score) }
                }
                if rightEdge && x > n - 3 && x >= 3 { end(frame, .edge, 0) }
            }
            if strands.minus {
                if codon >= 0 && minusStop[codon] { kill(3 + frame) }
                if codon == ExonDecoder.cat { end(3 + frame, .codon, atgScore) }
                if sites.isAcceptor(x, minus: true) {
                    let score = acceptor + sites.acceptor(x, minus: true)
                    for phi in 0..<3 { end(3 + phi, .splice, score) }
                }
                if rightEdge && x > n - 3 && x >= 3 { end(3 + frame, .edge, 0) }
            }
            if let best {
                let (start, q, kind) = (best.start, best.q, best.kind)
                let isMinus = q >= 3, phi = q % 3, s = start.position
                let sums = isMinus ? sumMinus : sumPlus
                var exon = DecodedGene(
                    start: s, end: x, minusStrand: isMinus, startCodon: (isMinus ? kind : start.kind) == .codon ? ExonDecoder.atg : nil,
                    partialLeft: start.kind == .edge, partialRight: kind == .edge,
                    score: sums[x] - sums[s] + start.bonus + best.bonus - cost, bonus: start.bonus + best.bonus - cost, predecessor: s)
                exon.phase = isMinus ? ((x - phi) % 3 + 3) % 3 : ((phi - s) % 3 + 3) % 3
                exon.splicedLeft = start.kind == .splice
                exon.splicedRight = kind == .splice
                result.total[x] = best.score
                result.back[x] = Int32(result.exons.count)
                result.exons.append(exon)
            }
            // Exons starting at x.
            guard x < n, result.total[x] > -.infinity else { continue }
            let f = result.total[x]
            let here = Int(codons[x])
            if strands.plus {
                let value = f - sumPlus[x], stopHere = here >= 0 && plusStop[here]
                if here == ExonDecoder.atg { push(frame, Start(position: x, value: value + atgScore, kind: .codon, bonus: atgScore), stopHere: false) }
                if sites.isAcceptor(x, minus: false) {
                    let score = acceptor + sites.acceptor(x, minus: false)
                    for phi in 0..<3 { push(phi, Start(position: x, value: value + score, kind: .splice, bonus: score), stopHere: stopHere) }
                }
                if leftEdge && x < 3 { push(x, Start(position: x, value: value, kind: .edge, bonus: 0), stopHere: stopHere) }
            }
            if strands.minus {
                let value = f - sumMinus[x], stopHere = here >= 0 && minusStop[here]
                if stopHere { push(3 + frame, Start(position: x, value: value, kind: .codon, bonus: 0), stopHere: false) }
                if sites.isDonor(x, minus: true) {
                    let score = donor + sites.donor(x, minus: true)
                    for phi in 0..<3 { push(3 + phi, Start(position: x, value: value + score, kind: .splice, bonus: score), stopHere: stopHere) }
                }
                if leftEdge && x < 3 { push(3 + x, Start(position: x, value: value, kind: .edge, bonus: 0), stopHere: stopHere) }
            }
        }
        return result
    }

    /// Adds a start to an aggregate: the better one (the earlier on ties), or the log-sum.
    private func combine(_ aggregate: inout Start?, _ start: Start, maximum: Bool) {
        guard var current = aggregate else { aggregate = start; return }
        if maximum {
            if start.value > current.value { aggregate = start }
        } else {
            current.value = Forward.logSum(current.value, start.value)
            aggregate = current
        }
    }
}
