/// A gene on the decoder's best path, in the coordinates of the stretch it decoded (0-based,
/// half-open; the span holds whole codons and the stop codon when there is one).
///
/// Kept apart from `Tracks.GeneCall`, the output record it becomes: the sweep makes one of these per
/// candidate gene (millions per genome), so the start codon stays an index, and the record carries the
/// dynamic program's predecessor and score parts instead of text, mean probability and protein.
public struct DecodedGene: Sendable, Equatable {
    public var start: Int
    public var end: Int
    public var minusStrand: Bool
    /// The start codon's index (`GeneticCode.codonIndex`, as read on the gene's strand); nil for a
    /// gene that runs off the stretch before its start.
    public var startCodon: Int?
    /// Runs off the stretch's left end (see `GeneCall.partialLeft`).
    public var partialLeft: Bool
    /// Runs off the stretch's right end.
    public var partialRight: Bool
    /// The gene's score (`GeneModel`).
    public var score: Double
    /// The part of `score` that is not evidence: start codon and motif scores minus the gene cost.
    public var bonus: Double
    /// Bases before the first whole codon, counted from the gene's 5' end on its strand (GFF3's phase):
    /// 0 for genes; an exon may begin inside a codon.
    public var phase = 0
    /// An exon's left / right end (forward strand) is a splice site rather than a codon or the stretch's end.
    public var splicedLeft = false
    public var splicedRight = false
    /// Where the best path was before this gene: the prefix [0, predecessor) holds the genes before it.
    var predecessor: Int

    public init(start: Int, end: Int, minusStrand: Bool, startCodon: Int?, partialLeft: Bool,
                partialRight: Bool, score: Double, bonus: Double = 0, predecessor: Int = 0) {
        self.start = start
        self.end = end
        self.minusStrand = minusStrand
        self.startCodon = startCodon
        self.partialLeft = partialLeft
        self.partialRight = partialRight
        self.score = score
        self.bonus = bonus
        self.predecessor = predecessor
    }

    /// Same gene, whatever the path led to it.
    public static func == (a: DecodedGene, b: DecodedGene) -> Bool {
        a.start == b.start && a.end == b.end && a.minusStrand == b.minusStrand && a.startCodon == b.startCodon
            && a.partialLeft == b.partialLeft && a.partialRight == b.partialRight && abs(a.score - b.score) < 1e-9
            && a.phase == b.phase && a.splicedLeft == b.splicedLeft && a.splicedRight == b.splicedRight
    }
}
