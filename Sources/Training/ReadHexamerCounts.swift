import GenomeCore
import Foundation
import ModelFormat
import ReadingFrames
import Windows

/// One annotated genome's hexamer counts for a read model's `ReadHexamers`: hexamers in frame in its
/// CDS (on their strand) and every hexamer of its records on both strands, and its GC fraction.
///
/// The annotation gives CDS coverage per strand, not frames: each run of covered bases on a strand is
/// read in the frame (counted from the run's 5' end on its strand) with the fewest stop codons before
/// its last codon, the first such frame on ties; its codons count whose hexamer (the codon and the next
/// one) lies inside the run. Stop codons are those of the genetic code the annotation states
/// (`transl_table`; TGA is tryptophan in table 4), else of table 11.
public struct ReadHexamerCounts: Sendable {
    /// 4096 counts each, hexamer index as `ReadHexamers`.
    public var coding = [Int](repeating: 0, count: 4096)
    public var background = [Int](repeating: 0, count: 4096)
    /// G + C over unambiguous bases.
    public var gc = 0.0
    /// The genome file by parent folder and name.
    public var genome: String

    /// Counts `genome` (its records' masks and CDS coverage).
    public init(_ genome: GenomeData) {
        self.genome = PathName.short(genome.path)
        let code = genome.translationTable.flatMap(GeneticCode.ncbi) ?? .standard
        let stops = Set(code.stops.compactMap(GeneticCode.codonIndex))
        var strong = 0, known = 0
        for record in genome.records {
            let masks = record.masks, n = masks.count
            var codes = [Int](repeating: -1, count: n)
            var window = RollingHexamer()
            for (i, m) in masks.enumerated() {
                if BaseEncoding.isUnambiguous(m) {
                    codes[i] = m.trailingZeroBitCount
                    known += 1
                    if m == 2 || m == 4 { strong += 1 }
                }
                if window.push(m) {
                    background[window.forward] += 1
                    background[window.reverse] += 1
                }
            }
            for minus in [false, true] {
                let bit = minus ? GenomeRecord.minusCoding : GenomeRecord.plusCoding
                var a = 0
                while a < n {
                    guard record.flags[a] & bit != 0 else { a += 1; continue }
                    var b = a
                    while b < n && record.flags[b] & bit != 0 { b += 1 }
                    countRun(codes, a, b, minus: minus, stops: stops)
                    a = b
                }
            }
        }
        gc = known > 0 ? Double(strong) / Double(known) : 0.5
    }

    /// The index of the `length` bases at forward positions [p, p + length) (a codon, a hexamer), read
    /// forward or as their reverse complement (first base most significant); nil when a base is
    /// ambiguous or outside.
    static func index(_ codes: [Int], _ p: Int, length: Int = 6, minus: Bool) -> Int? {
        guard p >= 0 && p + length <= codes.count else { return nil }
        var h = 0
        for k in 0..<length {
            let c = minus ? codes[p + length - 1 - k] : codes[p + k]
            guard c >= 0 else { return nil }
            h = h << 2 | (minus ? 3 - c : c)
        }
        return h
    }

    /// Counts the in-frame hexamers of the covered run [a, b) on one strand.
    private mutating func countRun(_ codes: [Int], _ a: Int, _ b: Int, minus: Bool, stops: Set<Int>) {
        // Codon k of frame f on the run's strand: forward [a + f + 3k, +3) on plus, [b − 3 − f − 3k, +3) on minus.
        func codonStart(_ f: Int, _ k: Int) -> Int { minus ? b - 3 - f - 3 * k : a + f + 3 * k }
        func codon(_ s: Int) -> Int? { Self.index(codes, s, length: 3, minus: minus) }
        let codons = { (f: Int) in max(0, (b - a - f) / 3) }
        var best = 0, fewest = Int.max
        for f in 0..<3 {
            var count = 0
            for k in 0..<max(0, codons(f) - 1) where codon(codonStart(f, k)).map(stops.contains) ?? false { count += 1 }
            if count < fewest { (best, fewest) = (f, count) }
        }
        // Hexamer of codon k: the codon and the next one, both inside the run.
        for k in 0..<max(0, codons(best) - 1) {
            let s = codonStart(best, k)
            if let h = Self.index(codes, minus ? s - 3 : s, minus: minus) { coding[h] += 1 }
        }
    }

    /// `ReadHexamers` from genomes' counts: at each GC of `grid`, the ratio of pooled coding frequencies
    /// against pooled background frequencies (each genome's counts with one pseudo-count per hexamer,
    /// as frequencies, weighed by exp(−½ ((gc_genome − gc) / sigma)²)), in nats rounded to 4 decimals.
    public static func pooled(_ genomes: [ReadHexamerCounts], grid: [Double] = ReadHexamerCounts.grid,
                              sigma: Double = ReadHexamerCounts.sigma, weight: Double = ReadHexamerCounts.weight,
                              length: Int = ReadHexamerCounts.length, stopPenalty: Double = ReadHexamerCounts.stopPenalty) -> ReadHexamers {
        precondition(!genomes.isEmpty)
        let coding = genomes.map { g in frequencies(g.coding) }, background = genomes.map { g in frequencies(g.background) }
        let tables: [[Float]] = grid.map { x in
            let w = genomes.map { exp(-0.5 * pow(($0.gc - x) / sigma, 2)) }
            let total = w.reduce(0, +)
            return (0..<4096).map { h in
                var c = 0.0, b = 0.0
                for i in genomes.indices {
                    c += w[i] / total * coding[i][h]
                    b += w[i] / total * background[i][h]
                }
                return Float((log(c / b) * 10_000).rounded() / 10_000)
            }
        }
        let source: JSONValue = .object([
            "genomes": .array(genomes.map { g in
                .object(["genome": .string(g.genome), "gc": .number((g.gc * 10_000).rounded() / 10_000),
                         "coding_hexamers": .integer(g.coding.reduce(0, +))])
            }),
            "sigma": .number(sigma),
        ])
        return ReadHexamers(gc: grid, tables: tables, weight: weight, length: length, stopPenalty: stopPenalty, source: source)
    }

    private static func frequencies(_ counts: [Int]) -> [Double] {
        let total = Double(counts.reduce(0, +) + 4096)
        return counts.map { Double($0 + 1) / total }
    }

    /// The defaults, chosen on the reads of the first cross-validation fold's held-out genomes (see
    /// docs/read-model.md): GC 0.2 to 0.8 in steps of 0.1, genomes pooled within about 0.12 of each
    /// GC, weight 0.5 for reads of 150 bases (so 0.75 at 100 bases, 0.3 at 250), a stop codon costs 2 nats.
    public static let grid = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]
    public static let sigma = 0.12
    public static let weight = 0.5
    public static let length = 150
    public static let stopPenalty = 2.0
}
