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
/// of its bases plus the two ends' scores minus `exonCost`, plus with the genome's own `hexamers` (not a
/// prior's) `hexamerWeight` × the ratios of its codons' hexamers in frame φ that lie inside it (`Sums`). Exons never overlap; introns are
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

    /// The prefix sums C of a stretch's evidence per strand (n + 1 each, C[0] = 0), and with a hexamer
    /// table the stride-3 prefix sums H of its hexamer ratios per strand (`HexamerSums`' ratios:
    /// H[p] = ratio[p] + H[p − 3], 0 before the stretch), which the sweeps read. Raw storage, freed by
    /// `deallocate`.
    ///
    /// An exon [s, e) in frame φ counts the hexamers of its codons that lie inside it, as a gene does
    /// (`HexamerSums`): on the plus strand the codons at p ≡ φ (mod 3), s ≤ p ≤ e − 6, on the minus
    /// strand those at c ≡ φ, s + 3 ≤ c ≤ e − 3; that is H[last] − H[first − 3], a start term and an
    /// end term (`hexamerStart`, `hexamerEnd`), exact for exons of 8 bases or more.
    struct Sums {
        let plus: UnsafeMutablePointer<Double>
        let minus: UnsafeMutablePointer<Double>
        /// H per strand at offset `hexamerOffset` (indexes −3 … n + 1), weighed by the model's
        /// `hexamerWeight`; without a table (`hasHexamers` false) not allocated, and the terms are 0.
        let hexamerPlus: UnsafeMutablePointer<Double>
        let hexamerMinus: UnsafeMutablePointer<Double>
        let hasHexamers: Bool
        static let hexamerOffset = 3

        /// The sums of `plus` and `minus`, or with `reversed` those of the reverse complement: its plus
        /// strand is `minus` read backwards (added in that order), its hexamers those of the reverse
        /// complement of `masks`.
        init(masks: UnsafeBufferPointer<UInt8>, plus: UnsafeBufferPointer<Double>, minus: UnsafeBufferPointer<Double>,
             model: GeneModel, reversed: Bool = false) {
            let n = plus.count
            precondition(minus.count == n && masks.count == n)
            let (first, second) = reversed ? (minus, plus) : (plus, minus)
            self.plus = .allocate(capacity: 2 * (n + 1))
            self.minus = self.plus + (n + 1)
            for (values, sums) in [(first, self.plus), (second, self.minus)] {
                sums[0] = 0
                for k in 0..<n { sums[k + 1] = sums[k] + values[reversed ? n - 1 - k : k] }
            }
            guard let table = model.hexamers, !model.statisticsArePrior else {
                hasHexamers = false
                hexamerPlus = .allocate(capacity: 1)
                hexamerMinus = hexamerPlus
                return
            }
            hasHexamers = true
            let size = n + 2 + Self.hexamerOffset
            hexamerPlus = .allocate(capacity: 2 * size)
            hexamerMinus = hexamerPlus + size
            hexamerPlus.initialize(repeating: 0, count: 2 * size)
            precondition(model.minimumExonLength >= 8, "hexamer sums need exons of 8 bases or more")
            let weight = model.hexamerWeight, o = Self.hexamerOffset
            // As `HexamerSums`: at base i the hexamer [i − 5, i] read forward gives the plus strand's
            // ratio at i − 5, its reverse complement the minus strand's at i − 2.
            var window = RollingHexamer()
            for i in 0..<n where window.push(reversed ? BaseEncoding.complement(masks[n - 1 - i]) : masks[i]) {
                hexamerPlus[o + i - 5] = weight * Double(table.ratios[window.forward])
                hexamerMinus[o + i - 2] = weight * Double(table.ratios[window.reverse])
            }
            for k in o..<size {
                hexamerPlus[k] += hexamerPlus[k - 3]
                hexamerMinus[k] += hexamerMinus[k - 3]
            }
        }

        /// The start term of exons of aggregate q (3 · strand + frame) starting at s: H[first − 3].
        @inline(__always)
        func hexamerStart(_ q: Int, at s: Int) -> Double {
            guard hasHexamers else { return 0 }
            let phi = q >= 3 ? q - 3 : q, shift = (phi - s % 3 + 3) % 3
            return q >= 3 ? hexamerMinus[Self.hexamerOffset + s + shift] : hexamerPlus[Self.hexamerOffset + s - 3 + shift]
        }

        /// The end term of exons of aggregate q ending at e: H[last].
        @inline(__always)
        func hexamerEnd(_ q: Int, at e: Int) -> Double {
            guard hasHexamers else { return 0 }
            let phi = q >= 3 ? q - 3 : q
            return q >= 3 ? hexamerMinus[Self.hexamerOffset + e - 3 - (e - phi + 3) % 3]
                          : hexamerPlus[Self.hexamerOffset + e - 6 - (e - phi + 3) % 3]
        }

        func deallocate() {
            plus.deallocate()
            hexamerPlus.deallocate()
        }
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
