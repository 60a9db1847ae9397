import Foundation
import Windows

extension ExonDecoder {
    /// The exons of the best parse, by increasing end; arguments as for `GeneDecoder.decode`.
    func decode(masks: UnsafeBufferPointer<UInt8>, plus: UnsafeBufferPointer<Double>, minus: UnsafeBufferPointer<Double>,
                anchor: Int, leftEdge: Bool, rightEdge: Bool, strands: (plus: Bool, minus: Bool)) -> [DecodedGene] {
        let viterbi = pass(masks: masks, plus: plus, minus: minus, anchor: anchor, limit: masks.count, leftEdge: leftEdge,
                           rightEdge: rightEdge, strands: strands, maximum: true)
        return Viterbi.traceBack(back: viterbi.back, genes: viterbi.exons, anchor: anchor)   // an exon's predecessor is its start
    }

    /// Each base's posterior probability of lying in an exon on each strand (0 before `anchor`):
    /// P(exon starts at s) = e^(F[s] + B⁺(s) − Z) and P(exon ends at e) = e^(E(e) + β[e] − Z), where E(e)
    /// is the forward pass's log-sum over exons ending at e, and β and B⁺ (the log-sum over exons starting
    /// at s of score + β[end]) come from the forward pass over the reverse complement; a base's
    /// probability is the starts at or before it minus the ends at or before it.
    func posterior(masks: UnsafeBufferPointer<UInt8>, plus: UnsafeBufferPointer<Double>, minus: UnsafeBufferPointer<Double>,
                   anchor: Int, leftEdge: Bool, rightEdge: Bool, strands: (plus: Bool, minus: Bool)) -> (plus: [Float], minus: [Float]) {
        let n = masks.count
        let forward = pass(masks: masks, plus: plus, minus: minus, anchor: anchor, limit: n, leftEdge: leftEdge,
                           rightEdge: rightEdge, strands: strands, maximum: false)
        let reversedMasks = masks.reversed().map(BaseEncoding.complement)
        let reversedPlus = Array(minus.reversed()), reversedMinus = Array(plus.reversed())
        let backward = reversedMasks.withUnsafeBufferPointer { m in
            reversedPlus.withUnsafeBufferPointer { p in
                reversedMinus.withUnsafeBufferPointer { r in
                    pass(masks: m, plus: p, minus: r, anchor: 0, limit: n - anchor, leftEdge: rightEdge, rightEdge: leftEdge,
                         strands: (strands.minus, strands.plus), maximum: false)
                }
            }
        }
        let z = forward.total[n]
        var plusCover = [Double](repeating: 0, count: n + 1), minusCover = plusCover
        if z > -.infinity {
            for x in anchor...n {
                let alpha = forward.total[x], beta = backward.total[n - x]
                // Exons starting at x (ends on the reverse complement's other strand) and ending at x.
                if x < n {
                    plusCover[x] += probability(alpha + backward.endsMinus[n - x] - z)
                    minusCover[x] += probability(alpha + backward.endsPlus[n - x] - z)
                }
                plusCover[x] -= probability(forward.endsPlus[x] + beta - z)
                minusCover[x] -= probability(forward.endsMinus[x] + beta - z)
            }
        }
        return GeneDecoder.coverage(plus: plusCover, minus: minusCover, anchor: anchor)
    }

    /// e^exponent, 0 below 1e-9.
    private func probability(_ exponent: Double) -> Double { exponent > -21 ? exp(exponent) : 0 }
}
