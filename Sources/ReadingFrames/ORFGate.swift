import Foundation

/// The open-reading-frame gate: a weight in (0, 1) per base and strand that is small where no long
/// open reading frame runs through the base on that strand, and close to 1 where one does.
///
/// A protein-coding base lies inside an open reading frame (ORF) on its coding strand: the stretch
/// of one frame between two stop codons (those of `code`: TAA, TAG, TGA by default; on the minus
/// strand their reverse complements TTA, CTA, TCA read on the forward strand). Stop codons end
/// genes to the base, so the gate places gene ends far more sharply than a window's score can.
///
/// For a base x and a strand, L(x) is the longest of the three frames' ORFs containing x, in bases,
/// each ORF counted from the base after the previous in-frame stop codon up to and including the
/// stop codon that ends it (on the minus strand, mirrored). An ORF that reaches the edge of the
/// record (or of the bases given) without a stop codon is open and counts as `lengthCap`, as does
/// any ORF longer than the cap. Only three unambiguous bases form a stop codon (an N never ends an
/// ORF). The gate is
///
///     gate(L) = 1 / (1 + (midpoint / min(L, lengthCap))^(1 / width))
///
/// a logistic curve in ln L: 0.5 at `midpoint` bases, `width` its scale in natural-log units.
/// The scanner multiplies each window's (smoothed) probability on a strand by the mean gate of the
/// bases of the window's bin on that strand (see `binGates`).
public struct ORFGate: Sendable, Equatable {
    /// ORF length (bases) at which the gate is 0.5; 1 ... `lengthCap`.
    public let midpoint: Int
    /// Whose stop codons end ORFs.
    public let code: GeneticCode
    /// Scale of the logistic curve in ln(bases).
    public static let width = 0.3
    /// Longest ORF length told apart, in bases; also the context each bin needs on both sides.
    public static let lengthCap = 2_000

    /// - Precondition: `1 ≤ midpoint ≤ lengthCap`.
    public init(midpoint: Int, code: GeneticCode = .standard) {
        precondition(midpoint >= 1 && midpoint <= ORFGate.lengthCap, "midpoint out of range")
        self.midpoint = midpoint
        self.code = code
    }

    /// The gate of an ORF of `length` bases (≥ 1; lengths above `lengthCap` count as the cap).
    public func value(length: Int) -> Double {
        let capped = Double(min(max(length, 1), ORFGate.lengthCap))
        return 1 / (1 + pow(Double(midpoint) / capped, 1 / ORFGate.width))
    }

    /// The mean gate of each bin's bases on the plus and the minus strand.
    ///
    /// `masks` are the 4-bit IUPAC masks (`BaseEncoding`) of a stretch of one record; `bins` are
    /// ranges of indices into `masks`, in increasing order of `lowerBound`. For exact results the
    /// stretch must hold `lengthCap` bases on each side of every bin, or reach the record's edge
    /// there: an ORF running into the stretch's edge counts as open. Cost: O(masks.count) per call.
    /// - Returns: one (plus, minus) pair per bin, each in (0, 1); an empty bin gets (1, 1).
    public func binGates(masks: UnsafeBufferPointer<UInt8>, bins: [Range<Int>]) -> [(plus: Float, minus: Float)] {
        guard let first = bins.first?.lowerBound else { return [] }
        let last = bins.map(\.upperBound).max()!
        precondition(first >= 0 && last <= masks.count, "bins outside the masks")
        let plus = baseGates(masks: masks, range: first..<last, minusStrand: false)
        let minus = baseGates(masks: masks, range: first..<last, minusStrand: true)
        let sumPlus = prefixSums(plus), sumMinus = prefixSums(minus)
        return bins.map { bin in
            guard !bin.isEmpty else { return (1, 1) }
            let a = bin.lowerBound - first, b = bin.upperBound - first, n = Double(bin.count)
            return (Float((sumPlus[b] - sumPlus[a]) / n), Float((sumMinus[b] - sumMinus[a]) / n))
        }
    }

    /// The gate of every base of `range` on one strand: the largest over the three frames.
    func baseGates(masks: UnsafeBufferPointer<UInt8>, range: Range<Int>, minusStrand: Bool) -> [Double] {
        let n = masks.count
        var best = [Double](repeating: 0, count: range.count)
        var boundaries: [Int] = []
        for frame in 0..<3 {
            // Segment boundaries of this frame: after a plus-strand stop codon, at the first base
            // of a minus-strand one. Each segment [b_(k−1), b_k) is one ORF; the first and the last
            // run into the stretch's edges and are open.
            boundaries.removeAll(keepingCapacity: true)
            var s = frame
            while s + 2 < n {
                if code.isStop(masks[s], masks[s + 1], masks[s + 2], minusStrand: minusStrand) {
                    boundaries.append(minusStrand ? s : s + 3)
                }
                s += 3
            }
            var low = 0
            for k in 0...boundaries.count {
                let high = k < boundaries.count ? boundaries[k] : n
                defer { low = high }
                let a = max(low, range.lowerBound), b = min(high, range.upperBound)
                guard a < b else { continue }
                let open = k == 0 || k == boundaries.count
                let g = value(length: open ? ORFGate.lengthCap : high - low)
                for x in a..<b where g > best[x - range.lowerBound] { best[x - range.lowerBound] = g }
            }
        }
        return best
    }

    private func prefixSums(_ values: [Double]) -> [Double] {
        var sums = [Double](repeating: 0, count: values.count + 1)
        for i in values.indices { sums[i + 1] = sums[i] + values[i] }
        return sums
    }
}
