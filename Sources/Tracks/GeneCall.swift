/// One gene (CDS) the decoder called on a sequence.
///
/// `start`/`end` are 0-based, half-open, on the forward strand of the sequence as scanned (a region
/// keeps genomic coordinates). The span holds whole codons and, when the gene has one, its stop codon.
/// On the minus strand the gene is read from `end` down to `start`: its start codon ends at `end`.
public struct GeneCall: Sendable, Equatable {
    public var start: Int
    public var end: Int
    /// true: the gene is read on the reverse complement.
    public var minusStrand: Bool
    /// The start codon as read on the gene's strand ("ATG", "GTG", "TTG"); nil when the gene runs off
    /// the sequence before reaching one (a partial gene).
    public var startCodon: String?
    /// The gene runs off the sequence at its left end (`start`): for a plus-strand gene no start codon,
    /// for a minus-strand gene no stop codon.
    public var partialLeft: Bool
    /// The gene runs off the sequence at its right end (`end`).
    public var partialRight: Bool
    /// The decoder's score: the gene's summed evidence in log-odds units (see `GeneModel`).
    public var score: Double
    /// Mean P(coding) of the gene's strand over its bases, in [0, 1].
    public var meanProbability: Float
    /// The translation (one-letter amino acids, without the stop codon); empty unless asked for.
    public var protein: [UInt8]
    /// Bases before the first whole codon from the call's 5' end on its strand (GFF3's phase column):
    /// 0 for genes; a coding exon of the eukaryote gene model may begin inside a codon.
    public var phase = 0
    /// The call's left / right end (forward strand) is a splice site: an exon of the eukaryote gene model.
    public var splicedLeft = false
    public var splicedRight = false

    public init(start: Int, end: Int, minusStrand: Bool, startCodon: String?, partialLeft: Bool,
                partialRight: Bool, score: Double, meanProbability: Float, protein: [UInt8] = []) {
        self.start = start
        self.end = end
        self.minusStrand = minusStrand
        self.startCodon = startCodon
        self.partialLeft = partialLeft
        self.partialRight = partialRight
        self.score = score
        self.meanProbability = meanProbability
        self.protein = protein
    }

    /// What begins the call on its strand: the start codon, `Splice` (after an acceptor) or `Edge`.
    public var startType: String {
        startCodon ?? ((minusStrand ? splicedRight : splicedLeft) ? "Splice" : "Edge")
    }

    /// Whether the call's 3' end on its strand is a splice donor rather than a stop codon or the edge.
    public var endsAtDonor: Bool { minusStrand ? splicedLeft : splicedRight }

    /// The strand as a BED/GFF column: `+` or `-`.
    public var strandText: String { minusStrand ? "-" : "+" }

    /// Prodigal's `partial` code: two digits for the left and the right end, 1 where the gene runs off
    /// the sequence ("00": complete).
    public var partialCode: String { (partialLeft ? "1" : "0") + (partialRight ? "1" : "0") }
}
