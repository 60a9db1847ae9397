import Foundation
import Windows

/// A genome's coding statistics: the log-likelihood ratio of each hexamer (two codons) read in frame in
/// the genome's genes against the same hexamer anywhere in the genome, on either strand.
///
/// Index of a hexamer b0…b5 (A = 0, C = 1, G = 2, T = 3): Σ b_i · 4^(5 − i). Ratios are in nats, with
/// one pseudo-count per hexamer on both sides. Built by `GeneStatistics` from a first decoding pass
/// (`--adapt`); the decoder adds `weight` × the sum over a gene's codons (see `GeneModel`).
public struct HexamerTable: Sendable, Equatable {
    /// 4096 log-likelihood ratios.
    public let ratios: [Float]

    public init(ratios: [Float]) {
        precondition(ratios.count == 4096)
        self.ratios = ratios
    }

    /// The ratios of coding counts against background counts (4096 each).
    public init(coding: [Int], background: [Int]) {
        precondition(coding.count == 4096 && background.count == 4096)
        let codingTotal = Double(coding.reduce(0, +) + 4096), backgroundTotal = Double(background.reduce(0, +) + 4096)
        ratios = (0..<4096).map { h in
            Float(log(Double(coding[h] + 1) / codingTotal) - log(Double(background[h] + 1) / backgroundTotal))
        }
    }

    /// The hexamer index of six masks read forward from `masks[at]`; nil when one is ambiguous.
    @inlinable
    static func index(_ masks: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        var h = 0
        for i in start..<(start + 6) {
            let m = masks[i]
            guard BaseEncoding.isUnambiguous(m) else { return nil }
            h = h << 2 | m.trailingZeroBitCount
        }
        return h
    }

    /// The hexamer index of the reverse complement of masks[start ..< start + 6].
    @inlinable
    static func reverseIndex(_ masks: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        var h = 0
        for i in stride(from: start + 5, through: start, by: -1) {
            let m = masks[i]
            guard BaseEncoding.isUnambiguous(m) else { return nil }
            h = h << 2 | (3 - m.trailingZeroBitCount)
        }
        return h
    }
}
