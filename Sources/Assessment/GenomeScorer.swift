import ModelFormat
import Pipeline
import Windows

/// Scores genome files with a model exactly as `codingscan scan` does (same window, step, smoothing,
/// ORF gate and bins) and keeps the bins in memory.
public final class GenomeScorer {
    public let model: Model
    /// Window, step and minimum length in bases, resolved from the options and the model.
    public let plan: WindowPlan
    private let scanner: TrackScanner

    /// Scans with `options` as `codingscan scan` does (window, step, smoothing, ORF gate, genetic
    /// code; nil fields are the model's defaults); `options.format` is ignored, both strands are
    /// scored. Throws `.scan(.outOfRange)` when the model does not accept them.
    public init(model: Model, options: ScanOptions = ScanOptions(), threads: Int? = nil) throws(AssessmentError) {
        do {
            scanner = try TrackScanner(model: model, options: options, threads: threads)
        } catch {
            if case let .usage(message) = error { throw .usage(message) }
            throw .scan(error)
        }
        self.model = model
        plan = scanner.plan
    }

    /// Scores every record of the sequence file at `path` ("-" is standard input) on both strands.
    public func score(path: String) throws(AssessmentError) -> ScoredGenome {
        let collector = BinCollector(plan: plan)
        do {
            _ = try scanner.scan(paths: [path], writer: collector)
        } catch {
            throw .scan(error)
        }
        return ScoredGenome(path: path, sequences: collector.take(), window: plan.window, step: plan.step,
                            minLength: plan.minLength)
    }
}
