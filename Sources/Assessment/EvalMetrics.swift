import Evaluation

/// One row of the `codingscan eval` report: base-level metrics of one genome (or of all pooled).
///
/// Every base weighs one. Positive class = coding (covered by any CDS on either strand), score = the
/// max(p_plus, p_minus) of the bin holding the base (0 for bases without a scored bin). Metrics that
/// are undefined (a class without bases) are nil.
public struct EvalMetrics: Sendable, Equatable {
    /// Genome file base name, or "all".
    public var genome: String
    /// Model name from its metadata.
    public var model: String
    /// Window and step in bases.
    public var window: Int
    public var step: Int
    /// Bases evaluated (every base of every record).
    public var bases: Int
    /// Coding bases / bases, in [0, 1].
    public var codingFraction: Double
    /// Area under the ROC curve (ties count one half).
    public var rocAUC: Double?
    /// Average precision (step-wise PR-AUC) of the non-coding class, bases ranked by increasing score.
    public var prAUCNonCoding: Double?
    /// The highest Matthews correlation coefficient over all thresholds, and that threshold
    /// (bases with score >= it called coding). Nil when a class has no bases (MCC is 0 everywhere).
    public var bestMCC: Double?
    public var bestMCCThreshold: Float?
    /// The threshold of the calls below: a base is called coding when its score >= this.
    public var threshold: Float
    /// Precision, recall, F1 and MCC of the coding calls at `threshold` (0 where a denominator is 0).
    public var precision: Double
    public var recall: Double
    public var f1: Double
    public var mcc: Double
    /// How another set of gene calls (`eval --calls`) matches the annotation; nil when none was given.
    public var calls: CallAccuracy?
    /// Calibration of the scores read as P(coding): mean log loss per base (scores clamped to [0.0001,
    /// 0.9999]) and Brier score; nil when a score lies outside [0, 1] (e.g. another tool's track).
    public var logLoss: Double?
    public var brier: Double?

    public init(genome: String, model: String, window: Int, step: Int, bases: Int, codingFraction: Double,
                rocAUC: Double?, prAUCNonCoding: Double?, bestMCC: Double?, bestMCCThreshold: Float?,
                threshold: Float, precision: Double, recall: Double, f1: Double, mcc: Double) {
        self.genome = genome
        self.model = model
        self.window = window
        self.step = step
        self.bases = bases
        self.codingFraction = codingFraction
        self.rocAUC = rocAUC
        self.prAUCNonCoding = prAUCNonCoding
        self.bestMCC = bestMCC
        self.bestMCCThreshold = bestMCCThreshold
        self.threshold = threshold
        self.precision = precision
        self.recall = recall
        self.f1 = f1
        self.mcc = mcc
    }

    /// The metrics of `evaluation` (weights in bases), calls at `threshold`.
    public init(genome: String, model: String, window: Int, step: Int, evaluation: BinaryEvaluation,
                threshold: Float) {
        let total = evaluation.totalPositive + evaluation.totalNegative
        let bothClasses = evaluation.totalPositive > 0 && evaluation.totalNegative > 0
        let best = bothClasses ? evaluation.bestMCC : nil
        let calls = evaluation.confusion(atThreshold: threshold)
        self.init(genome: genome, model: model, window: window, step: step, bases: Int(total.rounded()),
                  codingFraction: total > 0 ? evaluation.totalPositive / total : 0,
                  rocAUC: evaluation.rocAUC, prAUCNonCoding: evaluation.averagePrecision(for: .negative),
                  bestMCC: best?.value, bestMCCThreshold: best?.threshold, threshold: threshold,
                  precision: calls.precision, recall: calls.recall, f1: calls.f1, mcc: calls.mcc)
        logLoss = evaluation.logLoss
        brier = evaluation.brierScore
    }
}
