import Windows

/// Splice-site scores of the eukaryote gene model: how well the bases around a GT donor or an AG
/// acceptor match the consensus shared by eukaryotic introns (exon | intron: MAG|GTRAGT for donors,
/// a pyrimidine tract, then YAG|G for acceptors), read on the exon's strand.
///
/// A site scores `base` + `weight` × (matches − the matches expected of random bases): donor positions
/// −3 (A or C), −2 (A), −1 (G), +2 (A or G), +3 (A), +4 (G), +5 (T), 1 each (2.25 expected); acceptor
/// positions −3 (C or T) and +0 (G), 1 each, and 0.2 for each C or T in −14 … −5 (1.75 expected).
/// Positions count from the boundary on the exon's strand: 0 is the first base after it, −1 the
/// last base before it. Bases outside the stretch or ambiguous match nothing.
struct SpliceSites {
    let masks: UnsafeBufferPointer<UInt8>
    let weight: Double

    /// The base (IUPAC mask, complemented on the minus strand) at strand offset `k` from the boundary
    /// between forward positions b − 1 and b; 0 outside the stretch.
    @inline(__always)
    func base(_ b: Int, _ k: Int, minus: Bool) -> UInt8 {
        let x = minus ? b - 1 - k : b + k
        guard x >= 0 && x < masks.count else { return 0 }
        return minus ? BaseEncoding.complement(masks[x]) : masks[x]
    }

    /// Whether the strand's base at `k` is one of `allowed` (a mask union; ambiguous bases never are).
    @inline(__always)
    private func matches(_ b: Int, _ k: Int, _ allowed: UInt8, minus: Bool) -> Bool {
        let m = base(b, k, minus: minus)
        return BaseEncoding.isUnambiguous(m) && m & allowed != 0
    }

    /// An acceptor's matches by its two single positions (0…2) and its pyrimidines (0…10), index
    /// 11 · head + tract: head + 0.2 added once per pyrimidine (the sum as a loop over the tract would
    /// make it, to the last bit, without its chain of dependent additions).
    private static let acceptorHits: [Double] = (0...2).flatMap { head in
        (0...10).map { tract in (0..<tract).reduce(Double(head)) { sum, _ in sum + 0.2 } }
    }

    /// Donor positions besides GT and the bases each allows (A = 1, C = 2, G = 4, T = 8).
    private static let donorPattern: [(Int, UInt8)] = [(-3, 1 | 2), (-2, 1), (-1, 4), (2, 1 | 4), (3, 1), (4, 4), (5, 8)]

    /// The consensus part of a donor's score at boundary `b` (the exon ends at b on the plus strand, begins at b on the minus one).
    func donor(_ b: Int, minus: Bool) -> Double {
        guard weight != 0 else { return 0 }
        var hits = 0
        for (k, allowed) in SpliceSites.donorPattern { hits += matches(b, k, allowed, minus: minus) ? 1 : 0 }   // no branch to mispredict
        return weight * (Double(hits) - 2.25)
    }

    /// The consensus part of an acceptor's score at boundary `b` (the exon begins at b on the plus strand, ends at b on the minus one).
    func acceptor(_ b: Int, minus: Bool) -> Double {
        var tract = 0
        for k in -14 ... -5 { tract += matches(b, k, 2 | 8, minus: minus) ? 1 : 0 }
        return acceptor(b, minus: minus, tract: tract)
    }

    /// `acceptor(b, minus:)` given its pyrimidine tract's count (the unambiguous C or T at −14 … −5 on
    /// the strand), which `ExonEvents` reads from prefix counts instead of a loop per site.
    @inline(__always)
    func acceptor(_ b: Int, minus: Bool, tract: Int) -> Double {
        guard weight != 0 else { return 0 }
        let (c, g, t): (UInt8, UInt8, UInt8) = (2, 4, 8)
        let head = (matches(b, -3, c | t, minus: minus) ? 1 : 0) + (matches(b, 0, g, minus: minus) ? 1 : 0)
        return weight * (SpliceSites.acceptorHits[head * 11 + tract] - 1.75)
    }
}
