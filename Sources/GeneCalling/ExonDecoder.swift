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
    let plusStop: [Bool]
    let minusStop: [Bool]
    static let atg = GeneticCode.codonIndex("ATG")!
    /// ATG read on the minus strand.
    static let cat = GeneticCode.codonIndex("CAT")!

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

    /// The prefix sums C of a stretch's evidence per strand (n + 1 each, C[0] = 0), which the sweeps
    /// read. Raw storage, freed by `deallocate`.
    struct Sums {
        let plus: UnsafeMutablePointer<Double>
        let minus: UnsafeMutablePointer<Double>

        /// The sums of `plus` and `minus`, or with `reversed` those of the reverse complement: its plus
        /// strand is `minus` read backwards (added in that order).
        init(plus: UnsafeBufferPointer<Double>, minus: UnsafeBufferPointer<Double>, reversed: Bool = false) {
            let n = plus.count
            precondition(minus.count == n)
            let (first, second) = reversed ? (minus, plus) : (plus, minus)
            self.plus = .allocate(capacity: 2 * (n + 1))
            self.minus = self.plus + (n + 1)
            for (values, sums) in [(first, self.plus), (second, self.minus)] {
                sums[0] = 0
                for k in 0..<n { sums[k + 1] = sums[k] + values[reversed ? n - 1 - k : k] }
            }
        }

        func deallocate() { plus.deallocate() }
    }

    /// Sweeps the boundaries anchor … limit (≤ n) left to right, telling `state` (one or two dynamic
    /// programs) where exons may start and end: exons start at or after `anchor` and end by `limit`.
    func sweep<State: ExonSweepState>(_ state: inout State, events: ExonEvents, anchor: Int, limit: Int, leftEdge: Bool,
                                      rightEdge: Bool, strands: (plus: Bool, minus: Bool)) {
        let n = events.flags.count - 1
        precondition(anchor >= 0 && anchor <= limit && limit <= n)
        let atgScore = model.startScores["ATG"] ?? 0
        let edgeEnds = rightEdge ? max(n - 2, 3) : Int.max   // exons may end at the right edge from here on
        events.flags.withUnsafeBufferPointer { flags in
            events.endSplice.withUnsafeBufferPointer { endSplice in
                events.startSplice.withUnsafeBufferPointer { startSplice in
                    for x in anchor...limit {
                        state.step(to: x)
                        let f = flags[x], frame = x % 3
                        if strands.plus {
                            if f.contains(.plusStopEnds) {
                                state.end(frame, at: x, .codon, 0)
                                state.kill(frame, at: x)
                            }
                            if f.contains(.plusDonor) {
                                for phi in 0..<3 { state.end(phi, at: x, .splice, endSplice[x]) }
                            }
                            if x >= edgeEnds { state.end(frame, at: x, .edge, 0) }
                        }
                        if strands.minus {
                            if f.contains(.minusStopEnds) { state.kill(3 + frame, at: x) }
                            if f.contains(.catEnds) { state.end(3 + frame, at: x, .codon, atgScore) }
                            if f.contains(.minusAcceptor) {
                                for phi in 0..<3 { state.end(3 + phi, at: x, .splice, endSplice[x]) }
                            }
                            if x >= edgeEnds { state.end(3 + frame, at: x, .edge, 0) }
                        }
                        state.settle(x)
                        // Exons starting at x.
                        guard x < n, state.isReachable(x) else { continue }
                        let edge = leftEdge && x < 3
                        if strands.plus && (edge || !f.isDisjoint(with: .plusStarts)) {
                            let stopHere = f.contains(.plusStopAt)
                            if f.contains(.atgAt) { state.push(frame, at: x, .codon, atgScore, stopHere: false) }
                            if f.contains(.plusAcceptor) {
                                for phi in 0..<3 { state.push(phi, at: x, .splice, startSplice[x], stopHere: stopHere) }
                            }
                            if edge { state.push(x, at: x, .edge, 0, stopHere: stopHere) }
                        }
                        if strands.minus && (edge || !f.isDisjoint(with: .minusStarts)) {
                            let stopHere = f.contains(.minusStopAt)
                            if stopHere { state.push(3 + frame, at: x, .codon, 0, stopHere: false) }
                            if f.contains(.minusDonor) {
                                for phi in 0..<3 { state.push(3 + phi, at: x, .splice, startSplice[x], stopHere: stopHere) }
                            }
                            if edge { state.push(3 + x, at: x, .edge, 0, stopHere: stopHere) }
                        }
                    }
                }
            }
        }
    }
}
