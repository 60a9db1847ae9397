import Windows

/// A stretch's hexamer ratios (`HexamerTable`) summed over the codons of any gene in O(1): per strand,
/// prefix sums with stride 3 of the ratio of the hexamer at each codon position.
///
/// Plus strand: ratio[x] is the hexamer masks[x ..< x + 6] read forward; a gene [s, e) counts the codons
/// at s, s + 3, … up to e − 6 (the last hexamer that ends inside the gene). Minus strand: ratio[c] is the
/// reverse complement of masks[c − 3 ..< c + 3], i.e. the codon at [c, c + 3) read on the minus strand
/// followed by the next one; a gene [s, e) counts the codons at s + 3, s + 6, … up to e − 3.
struct HexamerSums {
    /// sums[x] = ratio[x] + sums[x − 3] (0 before the stretch), for each strand.
    private let plus: [Double]
    private let minus: [Double]

    /// nil without a table.
    init?(masks: UnsafeBufferPointer<UInt8>, table: HexamerTable?) {
        guard let table else { return nil }
        let n = masks.count
        var plus = [Double](repeating: 0, count: n), minus = plus
        // One pass over the bases: at base i the hexamer [i − 5, i] gives ratio[i − 5] on the plus strand
        // and its reverse complement ratio[i − 2] on the minus strand.
        var window = RollingHexamer()
        for i in 0..<n where window.push(masks[i]) {
            plus[i - 5] = Double(table.ratios[window.forward])
            minus[i - 2] = Double(table.ratios[window.reverse])
        }
        for x in 3..<max(n, 3) {
            plus[x] += plus[x - 3]
            minus[x] += minus[x - 3]
        }
        self.plus = plus
        self.minus = minus
    }

    /// The summed ratios of the codons of the gene [s, e) (e − s a multiple of 3) on one strand.
    func sum(from s: Int, to e: Int, minus isMinus: Bool) -> Double {
        let (first, last, sums) = isMinus ? (s + 3, e - 3, minus) : (s, e - 6, plus)
        guard last >= first else { return 0 }
        return sums[last] - (first >= 3 ? sums[first - 3] : 0)
    }
}
