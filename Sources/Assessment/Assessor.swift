import Annotation
import Evaluation
import ModelFormat
import Pipeline
import ReadingFrames
import Windows

/// Runs `codingscan eval`: scores genomes with a model, weighs each bin by its coding and non-coding
/// bases and computes base-level metrics per genome and pooled.
///
/// A base is coding when any CDS on either strand covers it; its score is max(p_plus, p_minus) of its
/// bin (0 without a scored bin). Calls at `threshold`: score >= threshold is coding, the base-level
/// view of the `codingscan scan -f bed` calls at the same threshold.
public final class Assessor {
    /// Scores genomes with the model; nil when evaluating existing tracks (`--track`).
    public let scorer: GenomeScorer?
    /// What is evaluated, for the report's `model` column: the model's name or the track's label.
    public let source: String
    /// Window and step in bases (0 for tracks).
    public var window: Int { scorer?.plan.window ?? 0 }
    public var step: Int { scorer?.plan.step ?? 0 }
    /// Probability cut of the calls, in [0, 1].
    public let threshold: Float
    /// Label of the row that pools every genome.
    public static let pooledLabel = "all"
    /// The model and scan options, for scorers with another genetic code (`followsAnnotationCode`).
    private let model: Model?
    private let options: ScanOptions
    /// Scan each genome with the genetic code its annotation states (`AnnotationSet.translationTable`,
    /// when it is a supported table) instead of `options.geneticCode`.
    public let followsAnnotationCode: Bool
    /// Scores the records shorter than the window (see `TrackScanner.readModel`).
    private let readModel: Model?
    /// Scoring threads (nil: `CPUBudget.available()`).
    private let threads: Int?
    /// Score the decoder's posterior and calls (`eval --decoded`); adapt to each genome first (`--adapt`).
    private let decoded: Bool
    private let adapt: Bool
    /// Scorers for codes other than `options.geneticCode`, by NCBI table number.
    private var codeScorers: [Int: GenomeScorer] = [:]

    /// Scans as `GenomeScorer` does with `options`; with `geneticCodeFromAnnotation`, each genome with
    /// the genetic code its annotation states (`transl_table`, e.g. 4 for Mycoplasma), which the ORF gate
    /// then uses. Throws `.scan(.outOfRange)` for settings the model does not accept or a threshold
    /// outside [0, 1].
    /// With `decoded`, genomes are scored by the gene decoder's posterior and its calls are scored too
    /// (see `GenomeScorer`); `adapt` adapts to each genome first.
    public init(model: Model, readModel: Model? = nil, options: ScanOptions = ScanOptions(),
                threshold: Float = 0.5, geneticCodeFromAnnotation: Bool = false,
                threads: Int? = nil, decoded: Bool = false, adapt: Bool = false) throws(AssessmentError) {
        self.model = model
        self.readModel = readModel
        self.options = options
        self.threads = threads
        self.decoded = decoded
        self.adapt = adapt
        followsAnnotationCode = geneticCodeFromAnnotation
        try Self.check(threshold: threshold)
        scorer = try GenomeScorer(model: model, readModel: readModel, options: options, threads: threads,
                                  decoded: decoded, adapt: adapt)
        source = model.metadata.name
        self.threshold = threshold
    }

    /// Evaluates bedGraph tracks given per genome to `assess(genome:annotation:label:track:)`;
    /// `label` fills the report's `model` column.
    public init(trackLabel label: String, threshold: Float = 0.5) throws(AssessmentError) {
        decoded = false
        adapt = false
        model = nil
        readModel = nil
        options = ScanOptions()
        followsAnnotationCode = false
        threads = nil
        try Self.check(threshold: threshold)
        scorer = nil
        source = label
        self.threshold = threshold
    }

    /// Reads the CDS of an annotation file (GFF3, GTF or BED; plain or compressed).
    public static func readAnnotation(path: String) throws(AssessmentError) -> AnnotationSet {
        do { return try AnnotationReader.read(path: path) } catch { throw .annotation(error) }
    }

    /// Scores the genome at `genomePath` and evaluates it against `annotation`; `label` names its row
    /// (default: the file's base name, see `GenomeLabels`). Throws when a CDS ends past its record's
    /// end; CDS on seqids absent from the genome are only counted.
    /// With `track`, the scores come from that bedGraph instead of the model (see `TrackGenome`).
    /// With `calls`, the row also says how those gene calls match the annotation (`CallAccuracy`).
    public func assess(genome genomePath: String, annotation: AnnotationSet,
                       label: String? = nil, track: String? = nil,
                       calls: AnnotationSet? = nil) throws(AssessmentError) -> GenomeAssessment {
        let genome: ScoredGenome
        if let track {
            genome = try TrackGenome.load(track: track, genome: genomePath)
        } else if let scorer {
            genome = try self.scorer(for: annotation, default: scorer).score(path: genomePath)
        } else {
            throw .usage("a track file is needed for every genome when no model is evaluated")
        }
        let match = try AnnotationMatch(annotation: annotation, genome: genome)
        let items = BaseWeighting.items(genome: genome, annotation: annotation)
        let evaluation: BinaryEvaluation
        do { evaluation = try BinaryEvaluation(items) } catch { throw .evaluation(error) }
        let skipped = genome.skipped
        var row = metrics(label: label ?? genome.displayName, evaluation: evaluation)
        row.calls = (calls ?? genome.calls).map {
            CallAccuracy(truth: annotation, calls: $0, records: genome.sequences.map { ($0.name, $0.length) })
        }
        return GenomeAssessment(
            genomePath: genomePath, annotationPath: annotation.path, match: match,
            records: genome.sequences.count, skippedRecords: skipped.count, firstSkipped: skipped.first?.name,
            unscoredBins: genome.unscoredBins, items: items, evaluation: evaluation, metrics: row)
    }

    /// Checks the calls' threshold with the scanner's one rule (`ScanOptions.check`).
    private static func check(threshold: Float) throws(AssessmentError) {
        var options = ScanOptions()
        options.threshold = threshold
        do { try options.check() } catch { throw .scan(error) }
    }

    /// The scorer for `annotation`'s stated genetic code when `followsAnnotationCode` (made once per code),
    /// else `scorer`.
    private func scorer(for annotation: AnnotationSet, default scorer: GenomeScorer) throws(AssessmentError) -> GenomeScorer {
        guard followsAnnotationCode, let model, let table = annotation.translationTable,
              let code = GeneticCode.ncbi(table), code != options.geneticCode else { return scorer }
        if let made = codeScorers[table] { return made }
        var coded = options
        coded.geneticCode = code
        let made = try GenomeScorer(model: model, readModel: readModel, options: coded, threads: threads,
                                    decoded: decoded, adapt: adapt)
        codeScorers[table] = made
        return made
    }

    /// The row pooling every base of `assessments` (label `pooledLabel`).
    public func pooled(_ assessments: [GenomeAssessment]) throws(AssessmentError) -> EvalMetrics {
        let evaluation: BinaryEvaluation
        do { evaluation = try BinaryEvaluation(assessments.flatMap(\.items)) } catch { throw .evaluation(error) }
        var row = metrics(label: Self.pooledLabel, evaluation: evaluation)
        let calls = assessments.compactMap(\.metrics.calls)
        if calls.count == assessments.count { row.calls = calls.reduce(CallAccuracy(), +) }
        return row
    }

    /// The report rows: one per genome, plus the pooled row when there is more than one genome.
    public func rows(_ assessments: [GenomeAssessment]) throws(AssessmentError) -> [EvalMetrics] {
        var rows = assessments.map(\.metrics)
        if assessments.count > 1 { rows.append(try pooled(assessments)) }
        return rows
    }

    /// The metrics row of `evaluation` with this run's model, window, step and threshold.
    private func metrics(label: String, evaluation: BinaryEvaluation) -> EvalMetrics {
        EvalMetrics(genome: label, model: source, window: window, step: step, evaluation: evaluation,
                    threshold: threshold)
    }
}
