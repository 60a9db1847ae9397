import Foundation
import Windows

extension ExonDecoder {
    /// The exons of the best parse, by increasing end; arguments as for `GeneDecoder.decode`.
    func decode(masks: UnsafeBufferPointer<UInt8>, plus: UnsafeBufferPointer<Double>, minus: UnsafeBufferPointer<Double>,
                anchor: Int, leftEdge: Bool, rightEdge: Bool, strands: (plus: Bool, minus: Bool)) -> [DecodedGene] {
        let n = masks.count
        let events = ExonEvents(masks: masks, model: model, plusStop: plusStop, minusStop: minusStop, strands: strands)
        let sums = Sums(masks: masks, plus: plus, minus: minus, model: model)
        var viterbi = Sweep(count: n, anchor: anchor, model: model, maximum: true, sums: sums)
        defer { viterbi.deallocate(); sums.deallocate() }
        sweep(&viterbi, events: events, anchor: anchor, limit: n, leftEdge: leftEdge, rightEdge: rightEdge, strands: strands)
        return viterbi.path()
    }

    /// Each base's posterior probability of lying in an exon on each strand (0 before `anchor`), and with
    /// `genes` the exons of the best parse too (the Viterbi and the forward pass share one sweep; without
    /// `genes`, `genes` is empty). P(exon starts at s) = e^(F[s] + B⁺(s) − Z) and P(exon ends at e) =
    /// e^(E(e) + β[e] − Z), where E(e) is the forward pass's log-sum over exons ending at e, and β and B⁺
    /// (the log-sum over exons starting at s of score + β[end]) come from the forward pass over the
    /// reverse complement; a base's probability is the starts at or before it minus the ends at or
    /// before it.
    func posterior(masks: UnsafeBufferPointer<UInt8>, plus: UnsafeBufferPointer<Double>, minus: UnsafeBufferPointer<Double>,
                   anchor: Int, leftEdge: Bool, rightEdge: Bool, strands: (plus: Bool, minus: Bool),
                   genes: Bool) -> (genes: [DecodedGene], plus: [Float], minus: [Float]) {
        let n = masks.count
        // Each buffer is freed as soon as its pass is done: the peak is about 80 bytes per base.
        var path: [DecodedGene] = []
        var forward: Sweep, mirrored: ExonEvents?
        do {
            let events = ExonEvents(masks: masks, model: model, plusStop: plusStop, minusStop: minusStop, strands: strands)
            let sums = Sums(masks: masks, plus: plus, minus: minus, model: model)
            defer { sums.deallocate() }
            forward = Sweep(count: n, anchor: anchor, model: model, maximum: false, sums: sums)
            if genes {
                var both = BothSweeps(viterbi: Sweep(count: n, anchor: anchor, model: model, maximum: true, sums: sums),
                                      forward: forward)
                sweep(&both, events: events, anchor: anchor, limit: n, leftEdge: leftEdge, rightEdge: rightEdge, strands: strands)
                path = both.viterbi.path()
                both.viterbi.deallocate()
            } else {
                sweep(&forward, events: events, anchor: anchor, limit: n, leftEdge: leftEdge, rightEdge: rightEdge, strands: strands)
            }
            mirrored = events.mirrored()
        }
        defer { forward.deallocate() }
        // The forward pass over the reverse complement, where exons end by n − anchor.
        var backward: Sweep
        do {
            let reversedSums = Sums(masks: masks, plus: plus, minus: minus, model: model, reversed: true)
            defer { reversedSums.deallocate() }
            backward = Sweep(count: n, anchor: 0, model: model, maximum: false, sums: reversedSums)
            sweep(&backward, events: mirrored!, anchor: 0, limit: n - anchor, leftEdge: rightEdge, rightEdge: leftEdge,
                  strands: (strands.minus, strands.plus))
            mirrored = nil
        }
        defer { backward.deallocate() }
        var plusCover = [Double](repeating: 0, count: n + 1), minusCover = plusCover
        let (f, b) = (forward, backward), z = f.total[n]
        if z > -.infinity {
            plusCover.withUnsafeMutableBufferPointer { plusCover in
                minusCover.withUnsafeMutableBufferPointer { minusCover in
                    for x in anchor...n {
                        let alpha = f.total[x], beta = b.total[n - x]
                        // Exons starting at x (ends on the reverse complement's other strand) and ending at x.
                        if x < n {
                            plusCover[x] += probability(alpha + b.endsMinus[n - x] - z)
                            minusCover[x] += probability(alpha + b.endsPlus[n - x] - z)
                        }
                        plusCover[x] -= probability(f.endsPlus[x] + beta - z)
                        minusCover[x] -= probability(f.endsMinus[x] + beta - z)
                    }
                }
            }
        }
        let (p, m) = GeneDecoder.coverage(plus: plusCover, minus: minusCover, anchor: anchor)
        return (path, p, m)
    }

    /// e^exponent, 0 below 1e-9.
    @inline(__always)
    private func probability(_ exponent: Double) -> Double { exponent > -21 ? exp(exponent) : 0 }
}
