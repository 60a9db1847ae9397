/// How a training or validation draw is shared among genomes.
///
/// A genome's size is its number of eligible windows (starts × strands, see `GenomeWindowSampler`),
/// which is about twice its length in bases. Shares are whole windows: the largest-remainder split
/// of the draw in proportion to the weights, ties to the earlier genome, so a draw is a pure
/// function of the sizes and the count.
public enum GenomeWeighting: String, Sendable, Equatable, CaseIterable {
    /// Every genome the same share, whatever its size (a 48 kb phage as much as a 6 Mb bacterium).
    case equal
    /// Weight √(size / median size), clamped to [`floor`, `cap`]: a genome four times the median
    /// gets twice its share, and no genome gets less than a quarter (tiny genomes are not drowned
    /// out) or more than twice (a large one does not dominate); each genome's windows are sampled
    /// less often the smaller it is, so a tiny genome is seen at most a quarter as often as under
    /// `equal`, which is what overfitted it.
    case sqrt

    /// Bounds of the `sqrt` weight, relative to the median genome's weight of 1.
    public static let floor = 0.25
    public static let cap = 2.0

    /// The weight of each genome of the given sizes (eligible windows; at least one size positive).
    public func weights(sizes: [Int]) -> [Double] {
        switch self {
        case .equal:
            return sizes.map { _ in 1 }
        case .sqrt:
            let sorted = sizes.sorted()
            guard let middle = sorted.isEmpty ? nil : sorted[(sorted.count - 1) / 2], middle > 0 else {
                return sizes.map { _ in 1 }
            }
            return sizes.map { min(Self.cap, max(Self.floor, (Double($0) / Double(middle)).squareRoot())) }
        }
    }

    /// Windows of a draw of `count` for each genome: proportional to `weights(sizes:)`, summing to `count`.
    public func shares(sizes: [Int], count: Int) -> [Int] {
        let w = weights(sizes: sizes)
        let total = w.reduce(0, +)
        guard total > 0, count > 0 else { return sizes.map { _ in 0 } }
        let exact = w.map { Double(count) * $0 / total }
        var shares = exact.map { Int($0.rounded(.down)) }
        let order = exact.indices.sorted { a, b in
            let (ra, rb) = (exact[a] - Double(shares[a]), exact[b] - Double(shares[b]))
            return ra != rb ? ra > rb : a < b
        }
        var left = count - shares.reduce(0, +)
        for k in order where left > 0 {
            shares[k] += 1
            left -= 1
        }
        return shares
    }
}
