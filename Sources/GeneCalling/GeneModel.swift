import ReadingFrames
import Foundation

/// The prokaryote gene model the decoder calls genes with: what a gene is and how its evidence counts.
///
/// A gene on a strand runs from a start codon (`GeneticCode.startCodons`) to the first in-frame stop
/// codon of `code` and is at least `minimumLength` and at most `maximumLength` bases long, stop codon
/// included. A gene may run off either end of a sequence (a partial gene: a contig or read cut it); it
/// then starts or ends on the last whole codon. Genes may overlap by up to `maximumOverlap` bases
/// (on either strand), as neighbouring genes in operons do.
///
/// The score of a gene [a, b) on strand s is
///
///     Σ_{x ∈ [a, b)} weight · (clamp(logit p_s(x), ±logitLimit) − logit(threshold)) + startScore − geneCost
///
/// (plus, with `hexamers`, the genome's own coding statistics) where p_s(x) is the network's P(coding) on strand s, interpolated per base between the centres of
/// the track's bins; bases without a score count as p = threshold. Non-coding bases score 0. The
/// decoder finds the set of genes with the highest total score (Viterbi over a semi-Markov model whose
/// segments are genes and single non-coding bases).
public struct GeneModel: Sendable, Equatable {
    /// Whose stop codons end genes.
    public var code: GeneticCode
    /// Shortest gene in bases, stop codon included (Prodigal's default is 90).
    public var minimumLength: Int
    /// Longest gene in bases; also the decoder's look-back (see `GeneDecodingWriter`).
    public var maximumLength: Int
    /// Most bases two called genes may share.
    public var maximumOverlap: Int
    /// P(coding) at which a base's evidence is 0: above it a base favours a gene.
    public var threshold: Float
    /// Weight of one base's log-odds: neighbouring bases share most of a window, so a base is worth
    /// far less than an independent observation.
    public var weight: Double
    /// Largest |logit p| a base contributes (p clamped to about [0.0025, 0.9975]).
    public var logitLimit: Double
    /// Score added for a gene starting with ATG, GTG, TTG (natural-log preferences; 0 for ATG).
    public var startScores: [String: Double]
    /// Score subtracted for every gene: short genes must earn their place.
    public var geneCost: Double
    /// Score added to a start codon with a Shine–Dalgarno-like motif (GGAG, GAGG, AGGA, GGAGG…: any
    /// 4-base piece of AGGAGG) 5 to 15 bases upstream of it, on the gene's strand.
    public var motifScore: Double
    /// The genome's own coding statistics (`--adapt`), weighed by `hexamerWeight`: a gene gains
    /// weight × the sum of the hexamer ratios of its codons (each codon with the next one, on the gene's
    /// strand; codons whose hexamer would reach past the gene do not count). nil: none. The eukaryote
    /// model reads them for exons too, unless they are a prior (`statisticsArePrior`).
    public var hexamers: HexamerTable?
    public var hexamerWeight: Double = 1
    /// The genome's own start context (`--adapt`): log-ratios of each base at 1 … 20 bases before a start
    /// codon on the gene's strand (index 4 · (distance − 1) + base, A = 0 … T = 3) against the genome's
    /// composition; a gene with a start codon gains `upstreamWeight` × their sum. nil: none.
    public var upstream: [Float]?
    public var upstreamWeight: Double = 1
    /// The posterior (`GeneDecoder.posterior`, both gene models) weighs a parse by e^(score / this)
    /// instead of e^score; the calls (Viterbi) do not depend on it. At 1 the posterior was overconfident
    /// held out (bases at P ≥ 0.9999 coding 89–98%, at P < 0.0001 still 3–10%), so most bases tied at 0 or
    /// 1 in the 4-decimal bedGraph; 2 was chosen on the first cross-validation fold's held-out genomes
    /// (four decoded with the gene model, yeast with the exon model): the lowest log loss of the
    /// bedGraph whose mean best MCC stays within 0.001 of 1's (docs/decoder.md, "Posterior temperature").
    public var posteriorTemperature: Double = 2
    /// The posterior temperature of a model with the genome's own statistics (`--adapt`, a species
    /// model saved by `codingscan adapt`), whose hexamer terms make parses' scores larger: 2.5, chosen on
    /// the first fold's held-out genomes with `--adapt` by the rule that chose 2 (the lowest log loss
    /// among the temperatures whose mean best MCC stays within 0.001 of 2's: 2 / 2.5 / 3 / 4 gave log loss
    /// 0.145 / 0.136 / 0.131 / 0.131 and best MCC 0.8826 / 0.8818 / 0.8806 / 0.8758; docs/adapt.md).
    public static let adaptedPosteriorTemperature = 2.5
    /// The statistics above are a prior pooled over other genomes (the built-in model's), not this
    /// genome's: `auto` chooses its gene model without them (`withoutStatistics`).
    public var statisticsArePrior = false
    /// Genes (open reading frames), coding exons, or either per record (`auto`, the default; see
    /// `GeneDecodingWriter`). The type's comment and the fields above describe the prokaryote model;
    /// `ExonDecoder` the eukaryote one, which reads `code`, `threshold`, `weight`, `logitLimit`, ATG's
    /// `startScores` and the fields below. Exon cost 10, splice scores −10 with consensus weight 4 and
    /// 12-base exons were chosen with the first cross-validation fold's model on yeast (held out) and the
    /// A. thaliana and D. melanogaster slices (in its training set), by the decoded track's best MCC;
    /// see `docs/decoder.md`.
    public var kind = GeneModelKind.auto
    /// Eukaryote model: score subtracted for every exon.
    public var exonCost: Double = 10
    /// Eukaryote model: score added where an exon ends before a splice donor (GT on its strand) and
    /// where one begins after a splice acceptor (AG); negative, since most GT and AG are no splice site.
    public var donorScore: Double = -10
    public var acceptorScore: Double = -10
    /// Eukaryote model: weight of a splice site's match to the intron consensus (`SpliceSites`); 0: the
    /// GT or AG alone.
    public var spliceConsensusWeight: Double = 4
    /// Eukaryote model: shortest exon in bases (at least 4).
    public var minimumExonLength: Int = 12

    /// The defaults: 90 to 30,000 bases, 60 bases of overlap, weight 1/30, starts ATG 0, GTG −1.5,
    /// TTG −2 (roughly the log frequency of each start among bacterial genes relative to ATG); threshold
    /// 0.35, gene cost 8 and motif score 3 were chosen on the prokaryotes held out in the first
    /// cross-validation fold only (Caulobacter, S. aureus, Pyrococcus, lambda), with that fold's model;
    /// see `docs/decoder.md`.
    public init(code: GeneticCode = .standard, minimumLength: Int = 90, maximumLength: Int = 30_000,
                maximumOverlap: Int = 60, threshold: Float = 0.35, weight: Double = 1.0 / 30,
                logitLimit: Double = 6, startScores: [String: Double] = ["ATG": 0, "GTG": -1.5, "TTG": -2],
                geneCost: Double = 8, motifScore: Double = 3) {
        self.code = code
        self.minimumLength = minimumLength
        self.maximumLength = maximumLength
        self.maximumOverlap = maximumOverlap
        self.threshold = threshold
        self.weight = weight
        self.logitLimit = logitLimit
        self.startScores = startScores
        self.geneCost = geneCost
        self.motifScore = motifScore
    }

    /// This model without statistics: no hexamer table or start context, and the default start codon
    /// and motif scores (the settings `GeneModelKind.auto`'s margin was measured with; it chooses with
    /// them when the statistics are a prior).
    public var withoutStatistics: GeneModel {
        let defaults = GeneModel()
        var plain = self
        plain.hexamers = nil
        plain.hexamerWeight = defaults.hexamerWeight
        plain.upstream = nil
        plain.upstreamWeight = defaults.upstreamWeight
        plain.startScores = defaults.startScores
        plain.motifScore = defaults.motifScore
        plain.statisticsArePrior = false
        return plain
    }

    /// The evidence of one base whose P(coding) is `p` (nil: not scored).
    @inlinable
    public func evidence(_ p: Float?) -> Double {
        guard let p else { return 0 }
        return weight * (logit(Double(p)) - logit(Double(threshold)))
    }

    @inlinable
    func logit(_ p: Double) -> Double {
        let q = min(max(p, 1e-9), 1 - 1e-9)
        return min(max(log(q / (1 - q)), -logitLimit), logitLimit)
    }
}
