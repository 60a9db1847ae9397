import Annotation
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
    /// Score with the gene decoder's posterior (and keep its calls) instead of the window track.
    public let decoded: Bool
    /// Adapt to each genome first (`--adapt`: `TrackScanner.adapted`), then score.
    public let adapt: Bool

    /// Scans with `options` as `codingscan scan` does (window, step, smoothing, ORF gate, genetic
    /// code; nil fields are the model's defaults); `options.format` is ignored, both strands are
    /// scored; `readModel` scores records shorter than the window. Throws `.scan(.outOfRange)` when the
    /// model does not accept them.
    /// With `decoded`, the bins are the gene decoder's posterior P(coding) per base (`scan --decoded`)
    /// and the genome keeps the decoder's calls. With `adapt`, each genome is adapted to first (its
    /// file is read several times: standard input cannot be), the network fine-tuned only for the window track.
    public init(model: Model, readModel: Model? = nil, options: ScanOptions = ScanOptions(), threads: Int? = nil,
                decoded: Bool = false, adapt: Bool = false) throws(AssessmentError) {
        self.decoded = decoded
        self.adapt = adapt
        do {
            scanner = try TrackScanner(model: model, readModel: readModel, options: options, threads: threads)
        } catch {
            if case let .usage(message) = error { throw .usage(message) }
            throw .scan(error)
        }
        self.model = model
        plan = scanner.plan
    }

    /// Scores every record of the sequence file at `path` ("-" is standard input) on both strands.
    public func score(path: String) throws(AssessmentError) -> ScoredGenome {
        if decoded { return try scoreDecoded(path: path) }
        let collector = BinCollector(plan: plan)
        do {
            let scanner = adapt ? try self.scanner.adapted(paths: [path]).scanner : self.scanner
            _ = try scanner.scan(paths: [path], writer: collector)
        } catch {
            throw .scan(error)
        }
        return ScoredGenome(path: path, sequences: collector.take(), window: plan.window, step: plan.step,
                            minLength: plan.minLength)
    }

    /// The decoder's posterior as bins, and its calls.
    private func scoreDecoded(path: String) throws(AssessmentError) -> ScoredGenome {
        let posterior = PosteriorCollector(), calls = CallCollector()
        do {
            let decoder = adapt ? try scanner.adapted(paths: [path], fineTune: false).scanner : scanner
            _ = try decoder.decode(paths: [path], calls: calls, posterior: posterior)
        } catch {
            throw .scan(error)
        }
        var genome = ScoredGenome(path: path, sequences: posterior.sequences, window: plan.window, step: plan.step,
                                  minLength: plan.minLength)
        genome.calls = AnnotationSet(path: "calls", format: .gff3, intervals: calls.calls)
        return genome
    }
}
