import Evaluation

/// The evaluation of one genome against its annotation.
public struct GenomeAssessment: Sendable {
    /// The genome file's path as given ("-" is standard input).
    public var genomePath: String
    /// The annotation file's path as given.
    public var annotationPath: String
    /// How the annotation's seqids fit the genome (CDS on absent seqids are counted here).
    public var match: AnnotationMatch
    /// Records read, and those shorter than the model's minimum length (counted with score 0).
    public var records: Int
    public var skippedRecords: Int
    /// Name of the first skipped record, if any.
    public var firstSkipped: String?
    /// Bins whose window was not scored (too few A/C/G/T; counted with score 0).
    public var unscoredBins: Int
    /// One weighted item per bin (weights in bases), see `BaseWeighting`.
    public var items: [WeightedScore]
    /// The evaluation of `items`.
    public var evaluation: BinaryEvaluation
    /// The report row.
    public var metrics: EvalMetrics

    public init(genomePath: String, annotationPath: String, match: AnnotationMatch, records: Int,
                skippedRecords: Int, firstSkipped: String?, unscoredBins: Int, items: [WeightedScore],
                evaluation: BinaryEvaluation, metrics: EvalMetrics) {
        self.genomePath = genomePath
        self.annotationPath = annotationPath
        self.match = match
        self.records = records
        self.skippedRecords = skippedRecords
        self.firstSkipped = firstSkipped
        self.unscoredBins = unscoredBins
        self.items = items
        self.evaluation = evaluation
        self.metrics = metrics
    }
}
