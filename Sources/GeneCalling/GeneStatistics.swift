import Foundation
import ReadingFrames
import Windows

/// What a first decoding pass over a genome says about its genes, for `--adapt`: the in-frame hexamers
/// of the genes it called against all hexamers of the genome (`HexamerTable`), how often its genes
/// start with ATG, GTG and TTG, and how often a Shine–Dalgarno-like motif lies before their starts.
///
/// `GeneDecodingWriter` feeds it (`countBackground` with every base as it is read, `countGene` with each
/// call); `adapted(_:)` turns the counts into a genome-specific `GeneModel`.
public final class GeneStatistics {
    /// In-frame hexamers of called genes, on their strand (codons whose hexamer stays inside the gene).
    private(set) var coding = [Int](repeating: 0, count: 4096)
    /// Every hexamer of the genome, on both strands.
    private(set) var background = [Int](repeating: 0, count: 4096)
    /// Start codons of complete calls: ATG, GTG, TTG.
    public private(set) var starts: [String: Int] = ["ATG": 0, "GTG": 0, "TTG": 0]
    /// Bases at 1 … 20 before the start codons of complete calls, on the gene's strand (index as
    /// `GeneModel.upstream`).
    private(set) var upstream = [Int](repeating: 0, count: 80)
    /// Complete calls with the motif before their start.
    public private(set) var withMotif = 0
    /// Bases counted, and A/T among them.
    public private(set) var bases = 0
    private var weak = 0
    /// The last bases of the record so far (hexamers across block boundaries).
    private var window = RollingHexamer()

    /// Calls counted (complete or not) and complete calls.
    public private(set) var genes = 0
    public private(set) var completeGenes = 0

    /// The fewest bases `adapted` needs (below it the statistics are too thin; the model is returned
    /// unchanged).
    public static let minimumBases = 100_000
    /// The fewest genes `adapted` needs.
    public static let minimumGenes = 50

    public init() {}

    /// Why `adapted` cannot adapt (too few bases or calls), in words; nil when it can.
    public var shortfall: String? {
        guard bases < Self.minimumBases || genes < Self.minimumGenes else { return nil }
        return "the input has \(bases) bases and \(genes) gene calls; adapting needs \(Self.minimumBases) "
            + "and \(Self.minimumGenes)"
    }

    /// A new record starts: no hexamer spans two records.
    public func beginRecord() { window = RollingHexamer() }

    /// Counts the hexamers of a block of bases on both strands (and its A/T content).
    public func countBackground(_ masks: UnsafeBufferPointer<UInt8>) {
        for m in masks {
            if BaseEncoding.isUnambiguous(m) {
                bases += 1
                if m == 1 || m == 8 { weak += 1 }
            }
            if window.push(m) {
                background[window.forward] += 1
                background[window.reverse] += 1
            }
        }
    }

    /// Counts one called gene: `masks` are the gene's bases (`gene.start ..< gene.end`); `motif` says
    /// whether its start has the motif upstream.
    func countGene(_ gene: DecodedGene, masks: UnsafeBufferPointer<UInt8>, motif: Bool, upstream before: [Int] = []) {
        for (k, base) in before.enumerated() where base >= 0 && k < 20 { upstream[4 * k + base] += 1 }
        genes += 1
        let n = masks.count
        if gene.minusStrand {
            // Codons at c = n − 3, n − 6, … ≥ 3 (stretch coordinates; an exon's first whole codon lies `phase`
            // bases in), each with the next one downstream.
            var c = n - 3 - gene.phase
            while c >= 3 {
                if let h = HexamerTable.reverseIndex(masks, at: c - 3) { coding[h] += 1 }
                c -= 3
            }
        } else {
            var x = gene.phase
            while x + 6 <= n {
                if let h = HexamerTable.index(masks, at: x) { coding[h] += 1 }
                x += 3
            }
        }
        if let codon = gene.startCodon {
            completeGenes += 1
            starts[GeneticCode.codonText(codon), default: 0] += 1
            if motif { withMotif += 1 }
        }
    }

    /// The weight of the hexamer table in an adapted model: 0.3, chosen on the prokaryotes held out in
    /// the first cross-validation fold (0.25–0.5 gave the same mean MCC within 0.001; 1, 2 and 4 less).
    public static let hexamerWeight = 0.3

    /// The weight of the start context in an adapted model: 1, chosen on the prokaryotes held out in the
    /// first cross-validation fold (mean calls MCC 0.859 without it; weights 0.5, 1, 1.5, 2: 0.863,
    /// 0.863, 0.862, 0.861).
    public static let upstreamWeight = 1.0

    /// `model` with this genome's statistics: its hexamer table (weighed by `hexamerWeight`), the
    /// log-ratios of the bases before its calls' start codons against its composition (`upstream`), start
    /// scores log(f_codon / f_ATG) from its calls' start codons (one pseudo-count each), and a motif score
    /// log(P(motif before a start) / P(motif by chance)), the chance from the genome's base composition,
    /// clamped to [0, 4]; and the posterior temperature of adapted models (`GeneModel.adaptedPosteriorTemperature`).
    /// Unchanged when fewer than `minimumBases` bases or `minimumGenes` calls were seen.
    public func adapted(_ model: GeneModel, hexamerWeight: Double = GeneStatistics.hexamerWeight) -> GeneModel {
        guard shortfall == nil else { return model }
        // Every learnt value is rounded to 4 decimals, as a model file stores it (`codingscan adapt`), so
        // that `--adapt` and `adapt` followed by `-m` decode alike.
        let round4 = { (x: Double) in (x * 10_000).rounded() / 10_000 }
        var adapted = model
        adapted.posteriorTemperature = GeneModel.adaptedPosteriorTemperature
        let table = HexamerTable(coding: coding, background: background)
        adapted.hexamers = HexamerTable(ratios: table.ratios.map { Float(round4(Double($0))) })
        adapted.hexamerWeight = hexamerWeight
        let atg = Double(starts["ATG", default: 0] + 1)
        for codon in GeneticCode.startCodons {
            adapted.startScores[codon] = round4(log(Double(starts[codon, default: 0] + 1) / atg))
        }
        if completeGenes > 0 {
            let at = Double(weak) / Double(bases) / 2, gc = 0.5 - at
            // AGGA, GGAG, GAGG at one of 11 positions (strand-symmetric composition).
            let piece = at * gc * gc * at + gc * gc * at * gc + gc * at * gc * gc
            let chance = 1 - pow(1 - piece, 11)
            let observed = (Double(withMotif) + 1) / (Double(completeGenes) + 2)
            adapted.motifScore = round4(min(max(log(observed / chance), 0), 4))
            let weakShare = Double(weak) / Double(bases) / 2, strongShare = 0.5 - weakShare
            let composition = [weakShare, strongShare, strongShare, weakShare]
            var table = [Float](repeating: 0, count: 80)
            for k in 0..<20 {
                let total = Double((0..<4).map { upstream[4 * k + $0] }.reduce(0, +) + 4)
                for b in 0..<4 {
                    table[4 * k + b] = Float(round4(log(Double(upstream[4 * k + b] + 1) / total / composition[b])))
                }
            }
            adapted.upstream = table
            adapted.upstreamWeight = Self.upstreamWeight
        }
        return adapted
    }
}
