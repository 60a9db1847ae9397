import Annotation
import Foundation
import GeneCalling
import GenomeCore
import Inference
import ModelFormat
import ReadingFrames
import SequenceIO
import Tracks
import Training
import Windows

/// The streaming scan: input records → windows on both strands → model → smoothing (`SmoothingWriter`)
/// → ORF gate (`ORFGate`, `GatingWriter`) → track lines.
///
/// The reading thread converts bases to IUPAC masks and cuts them into batches (`ScanBatchBuilder`);
/// `threads` workers score the batches with the shared-work fast path (`InferenceEngine`,
/// `SpanScorer`), and the reading thread writes each batch out as soon as it and every batch before
/// it are scored. The output is byte-identical for every thread count and batch size: a window's
/// scores depend only on its own bases.
///
/// Memory is bounded by the read block, the batches in flight (at most `4 · threads + 4` of about
/// `batchBases` bases each), each worker's scratch for one batch and the writer's line buffer,
/// whatever the length of a record. With the ORF gate each piece also carries up to
/// `ORFGate.lengthCap` bases of context on both sides, and the workers compute its windows' gates.
/// Windows with fewer than half of their bases unambiguous (A/C/G/T) are not scored and leave a gap
/// in bedGraph/BED (`NA` in TSV).
///
/// With a read model (`readModel`), every record whose length lies in `readLengths` (a read) is one
/// window of its own length scored by the read model instead, without smoothing or ORF gate; records
/// shorter than the plan's minimum length (`ScanOptions.minLength`, default the shortest either model
/// scores) are skipped.
public final class TrackScanner {
    public let model: Model
    /// The model that scores records with lengths in `readLengths` (reads), each as one window of its own
    /// length, without smoothing or ORF gate; nil = the model scores them too (down to its minimum).
    public let readModel: Model?
    public let options: ScanOptions
    public let plan: WindowPlan
    /// Smoothing span in bases (0 = none), from the options or the model.
    public let smooth: Int
    /// The windows the smoothing averages on each side of a window: ⌊smooth / (2 · step)⌋ (see
    /// `SmoothingWriter`).
    public var smoothingRadius: Int { smooth / (2 * plan.step) }
    /// ORF-gate midpoint in bases (0 = no gate), from the options or the model.
    public let orfGate: Int
    /// The ORF gate applied after smoothing; nil when `orfGate` is 0.
    public var gate: ORFGate? { orfGate > 0 ? ORFGate(midpoint: orfGate, code: options.geneticCode) : nil }
    /// The read model's hexamer statistics with the stop codons of the scan's genetic code; nil without.
    var readHexamers: ReadHexamerScorer? {
        guard let tables = readModel?.metadata.readHexamers else { return nil }
        var stops = [Bool](repeating: false, count: 64)
        for codon in options.geneticCode.stops { stops[GeneticCode.codonIndex(codon)!] = true }
        return ReadHexamerScorer(hexamers: tables, stops: stops)
    }
    /// Most scoring threads a scan accepts (documented in codingscan(1)).
    public static let maxThreads = 1024
    /// Scoring threads (the reading and writing thread comes on top, mostly waiting).
    public let threads: Int
    /// Window starts per batch, in bases.
    public let batchBases: Int
    /// The compiled model and its kernel variant.
    public let engine: InferenceEngine
    /// The compiled read model, when there is one.
    public let readEngine: InferenceEngine?
    /// Lengths of the records the read model scores whole (empty without one): from its minimum length
    /// to below twice its window (the length of reads it learnt from; the model's own window does
    /// better on longer records, measured on fold 1 with reads of 250 and 340 bases), at most the scan
    /// window, and up to at least the model's minimum length (shorter records only the read model can
    /// score). Shorter records the model scores itself, when it can.
    public let readLengths: Range<Int>
    /// What the fast path computed in the last `scan` (all threads together).
    public private(set) var statistics = InferenceStatistics()
    /// Called on the scanning thread as output is written (see `ScanProgress`); nil = no reports.
    /// The Pipeline never prints: the executable decides what to show.
    public var progress: ((ScanProgress) -> Void)?
    /// Scores of an earlier scan of the same inputs with the same network and plan, which the next
    /// scan replays instead of scoring (`--adapt`'s output pass; `ScoreRecording`); used once.
    var replay: ScoreRecording?
    /// Bases per read from the input.
    private let blockSize = 1 << 16
    /// Default window starts per batch (bases): large enough to amortise the batch overhead and the
    /// span overlap (`window − step` bases), small enough for a batch's activations to stay near the
    /// core's cache.
    public static let defaultBatchBases = 16_384

    /// Checks the options against what the model accepts.
    /// - Parameters:
    ///   - threads: scoring threads; nil = one per online CPU core.
    ///   - batchBases: window starts per batch (a tuning knob; the output does not depend on it).
    ///   - variant: kernel variant; nil = the best the CPU supports (or `CODINGSCAN_KERNELS`).
    ///   - readModel: scores the short records whose lengths lie in `readLengths`.
    public init(model: Model, readModel: Model? = nil, options: ScanOptions, threads: Int? = nil,
                batchBases: Int = TrackScanner.defaultBatchBases,
                variant: KernelVariant? = nil) throws(ScanError) {
        try options.check(threads: threads)
        let meta = model.metadata
        let window = options.window ?? meta.window
        if window < meta.minLength || window > meta.maxWindow {
            throw .outOfRange(.window, "\(window) is outside what model '\(meta.name)' accepts "
                + "(\(meta.minLength)...\(meta.maxWindow))")
        }
        let step = options.step ?? min(meta.step, window)
        if step < 1 || step > window {
            throw .outOfRange(.step, "\(step) must be between 1 and the window (\(window))")
        }
        let smooth = options.smooth ?? meta.smooth
        if smooth < 0 || smooth > ModelMetadata.lengthLimit {
            throw .outOfRange(.smooth, "\(smooth) must be between 0 and \(ModelMetadata.lengthLimit) bases")
        }
        // The shortest record scored: the shortest either model accepts, or more if asked.
        let floor = min(readModel?.metadata.minLength ?? meta.minLength, meta.minLength)
        let minLength = options.minLength ?? floor
        if minLength < floor || minLength > window {
            let models = ([meta.name] + (readModel.map { [$0.metadata.name] } ?? [])).map { "'\($0)'" }
            throw .outOfRange(.minLength, "\(minLength) is outside \(floor)...\(window) (the shortest record "
                + "\(models.count == 1 ? "model" : "models") \(models.joined(separator: " and ")) score, and the window)")
        }
        let orfGate = options.orfGate ?? meta.orfGate   // the model's own is checked when it is loaded
        let threadCount = threads ?? min(CPUBudget.available(), Self.maxThreads)
        if batchBases < 1 { throw .usage("batch size \(batchBases) must be at least 1") }
        self.model = model
        self.readModel = readModel
        self.readLengths = readModel.map { read in
            let low = read.metadata.minLength
            return low..<max(low, min(window, 2 * read.metadata.window), meta.minLength)
        } ?? 0..<0
        self.options = options
        self.plan = WindowPlan(window: window, step: step, minLength: minLength)
        self.smooth = smooth
        self.orfGate = orfGate
        self.threads = threadCount
        self.batchBases = batchBases
        let kernels = variant ?? KernelVariant.fromEnvironment()
        self.engine = InferenceEngine(model: model, variant: kernels, precision: options.precision)
        self.readEngine = readModel.map { InferenceEngine(model: $0, variant: kernels, precision: options.precision) }
    }

    /// Scans `paths` in order ("-" is standard input) and writes one track to `sink`.
    /// The sink is flushed but not committed: the caller commits on success.
    ///
    /// Legal input with nothing to score (a BAM with only a header, records all shorter than the model's
    /// minimum) gives an empty, valid track; `ScanSummary.emptyInputs` and `skipped` say why, for a warning.
    ///
    /// With a gene model (`options.geneModel`) and `-f gff` or `-f bed` (unless `options.raw`), the track
    /// is the decoded gene calls (`GeneDecodingWriter`), and with `-f bedgraph` and
    /// `options.decodedTrack` the decoder's posterior per base; `proteins`, when given, receives the
    /// calls' translations (protein FASTA) and is flushed too.
    public func scan(paths: [String], sink: OutputSink, proteins: OutputSink? = nil) throws(ScanError) -> ScanSummary {
        let summary: ScanSummary
        if let decoder = decodingWriter(sink: sink, proteins: proteins) {
            summary = try scanAll(paths: paths, writer: decoder, decoder: decoder)
        } else {
            summary = try scanAll(paths: paths, writer: TrackWriters.make(options.format, settings: trackSettings, sink: sink))
        }
        do {
            try sink.flush()
            try proteins?.flush()
        } catch { throw .output(error) }
        return summary
    }

    /// The first pass of `--adapt`: decodes `paths` with `options.geneModel` (whatever the format) and
    /// returns what the calls say about the genome (`GeneStatistics`), handing the calls to `calls`;
    /// writes nothing.
    /// With `readSample`, the reads the read model scores are counted there too.
    /// With `recording`, the window scores are kept there for a second scan to replay.
    func geneStatistics(paths: [String], calls: CallWriter = DiscardingCallWriter(), readSample: ReadHexamerSample? = nil,
                        recording: ScoreRecording?) throws(ScanError) -> GeneStatistics {
        let statistics = GeneStatistics()
        guard let decoder = decodingWriter(output: calls, translate: false) else { return statistics }
        decoder.statistics = statistics
        _ = try scanAll(paths: paths, writer: decoder, decoder: decoder, readSample: readSample, recording: recording)
        return statistics
    }

    public func geneStatistics(paths: [String], calls: CallWriter = DiscardingCallWriter(),
                               readSample: ReadHexamerSample? = nil) throws(ScanError) -> GeneStatistics {
        try geneStatistics(paths: paths, calls: calls, readSample: readSample, recording: nil)
    }

    /// The read model with the read hexamers of `sample` in place of its own (`--adapt` on reads); nil
    /// without a read model with read hexamers, or when the sample is too small (`ReadHexamerSample`).
    func readModel(adaptedTo sample: ReadHexamerSample) -> Model? {
        guard let readModel, let own = readModel.metadata.readHexamers, let table = sample.table(like: own) else { return nil }
        let metadata = readModel.metadata.withReadHexamers(table)
        return try? Model.load(bytes: Model.serialize(metadata: metadata, tensors: readModel.tensors),
                               source: readModel.metadata.name)
    }

    /// `--adapt`: learns the genome of `paths` and returns the scanner of the pass that writes the output.
    ///
    /// 1. Decodes once (`geneStatistics`); when the statistics are too thin (`GeneStatistics.shortfall`)
    ///    that is all, and the result's scanner is this one.
    /// 2. With `fineTune`: decodes again with the statistics in the gene model, keeping the calls.
    /// 3. With `fineTune`: fine-tunes the network on the inputs (at most
    ///    `TrainingOptions.adaptingBaseLimit` bases) labelled by those calls (`TrainingOptions.adapting`),
    ///    unless the scan reads regions or the model is not a network `codingscan train` builds.
    /// The last scanner has the fine-tuned network (or the model) and the adapted gene model, the same
    /// options otherwise, threads and progress. `names` (parallel to `paths`; default the paths) and
    /// `command` name the inputs and the command in the fine-tuned network's provenance.
    ///
    /// Without `fineTune` the network stays as it is: the decoder's outputs (its posterior, its calls)
    /// gain all but nothing from fine-tuning once the statistics are learnt (docs/adapt.md), and
    /// skipping steps 2 and 3 makes adapting cost one more decoding (the output pass replays the first
    /// pass's scores, `ScoreRecording`, unless the reads adapt) instead of two scans and a training run.
    /// `outputPass` false: no scan follows (`codingscan adapt`), so the first pass keeps no scores.
    public func adapted(paths: [String], names: [String]? = nil, command: String = "codingscan --adapt",
                        fineTune: Bool = true, outputPass: Bool = true) throws(ScanError) -> ScanAdaptation {
        let sample = ReadHexamerSample()
        // Without fine-tuning the output pass scores what the first pass scored with the same network
        // (unless the reads adapt): it replays the first pass's scores instead (`ScoreRecording`).
        let recording = fineTune || !outputPass ? nil : ScoreRecording()
        let statistics = try geneStatistics(paths: paths, readSample: sample, recording: recording)
        let adaptedReads = readModel(adaptedTo: sample)
        let readModel = adaptedReads ?? self.readModel
        let replay = adaptedReads == nil && recording?.isComplete == true ? recording : nil
        guard statistics.shortfall == nil else {
            guard adaptedReads != nil else {
                self.replay = replay
                return ScanAdaptation(scanner: self, statistics: statistics, network: nil, networkShortfall: nil, windows: 0,
                                      readsAdapted: false)
            }
            let reads = try TrackScanner(model: model, readModel: readModel, options: options, threads: threads)
            reads.progress = progress
            return ScanAdaptation(scanner: reads, statistics: statistics, network: nil, networkShortfall: nil, windows: 0,
                                  readsAdapted: true)
        }
        var adaptedOptions = options
        adaptedOptions.geneModel = statistics.adapted(options.geneModel ?? GeneModel())
        let decoding = try TrackScanner(model: model, readModel: readModel, options: adaptedOptions, threads: threads)
        guard fineTune else {
            decoding.progress = progress
            decoding.replay = replay
            return ScanAdaptation(scanner: decoding, statistics: statistics, network: nil, networkShortfall: nil, windows: 0,
                                  readsAdapted: adaptedReads != nil)
        }
        let (network, shortfall, windows) = try fineTuned(paths: paths, names: names ?? paths, command: command,
                                                          decoding: decoding, bases: statistics.bases)
        var last = decoding
        if let network { last = try TrackScanner(model: network, readModel: readModel, options: adaptedOptions, threads: threads) }
        last.progress = progress
        return ScanAdaptation(scanner: last, statistics: statistics, network: network, networkShortfall: shortfall,
                              windows: windows, readsAdapted: adaptedReads != nil)
    }

    /// Steps 2 and 3 of `adapted`: the network fine-tuned on the calls of `decoding` (this scan with the
    /// learnt statistics) over `paths` (`bases` bases), with the windows it trained on; or nil and why not.
    private func fineTuned(paths: [String], names: [String], command: String, decoding: TrackScanner,
                           bases: Int) throws(ScanError) -> (Model?, shortfall: String?, windows: Int) {
        guard options.regions.isEmpty else { return (nil, "regions are scanned", 0) }
        guard let training = TrainingOptions.adapting(model, bases: bases, command: command) else {
            return (nil, "'\(model.metadata.name)' is not a network 'codingscan train' builds", 0)
        }
        let calls = CallCollector()
        _ = try decoding.geneStatistics(paths: paths, calls: calls)
        let labels = AnnotationSet(path: "gene calls", format: .gff3, intervals: calls.calls)
        let result: TrainingResult
        do throws(TrainingError) {
            var genomes: [GenomeData] = []
            var left = TrainingOptions.adaptingBaseLimit
            for (path, name) in zip(paths, names) where left > 0 {
                genomes.append(try GenomeLoader.load(genome: path, cds: labels, reference: options.reference, limit: left,
                                                     name: name))
                left -= genomes[genomes.count - 1].totalLength
            }
            result = try Trainer.train(trainingGenomes: genomes, validationGenomes: [], options: training)
        } catch {
            return (nil, error.description, 0)
        }
        do {
            return (try Model.load(bytes: result.modelBytes, source: "\(model.source), adapted"), nil, training.windowsPerEpoch)
        } catch {
            preconditionFailure("a fine-tuned model that does not load: \(error)")
        }
    }

    /// Decodes `paths` with `options.geneModel` (whatever the format): the calls to `calls`, each base's
    /// posterior to `posterior` (for evaluation). Like `scan(paths:writer:)`, an input without records, or
    /// with records all too short to score, is an error.
    public func decode(paths: [String], calls: CallWriter, posterior: BaseValueWriter) throws(ScanError) -> ScanSummary {
        guard let decoder = decodingWriter(output: calls, translate: false) else {
            throw .usage("decoding needs a gene model")
        }
        decoder.posteriorOutput = posterior
        return try requireScored(try scanAll(paths: paths, writer: decoder, decoder: decoder))
    }

    /// Whether this scan's output is decoded gene calls.
    public var decodes: Bool {
        options.geneModel != nil && (options.format == .gff || (options.format == .bed && !options.raw)
            || ((options.format == .bedgraph || options.format == .bigwig) && options.decodedTrack))
    }

    /// The decoding writer of a scan that decodes, writing its calls to `sink` (and `proteins`).
    private func decodingWriter(sink: OutputSink, proteins: OutputSink?) -> GeneDecodingWriter? {
        guard decodes else { return nil }
        let calls: CallWriter
        switch options.format {
        case .gff: calls = GFFCallWriter(sink: sink, provenance: options.provenance)
        case .bed: calls = BedCallWriter(settings: trackSettings, sink: sink)
        default: calls = DiscardingCallWriter()   // the decoded bedGraph: the posterior, not the calls
        }
        let output: CallWriter = proteins.map { CallFanOut([calls, ProteinWriter(sink: $0)]) } ?? calls
        let writer = decodingWriter(output: output, translate: proteins != nil)
        switch options.format {
        case .bedgraph: writer?.posteriorOutput = PosteriorBedGraphWriter(settings: trackSettings, sink: sink)
        case .bigwig: writer?.posteriorOutput = BigWigWriter(settings: trackSettings, sink: sink)
        default: break
        }
        return writer
    }

    /// A decoding writer with this scan's gene model, genetic code, threshold and strands.
    private func decodingWriter(output: CallWriter, translate: Bool) -> GeneDecodingWriter? {
        guard var model = options.geneModel else { return nil }
        // A model adapted to a genome (`codingscan adapt`) brings its gene statistics, unless this scan
        // learnt its own (`--adapt`); a prior (the built-in model's pooled statistics) only for a genetic
        // code with the stop codons it was learnt with: its hexamer ratios say how rare in-frame stops
        // are in genes, which a code that reads one of them as an amino acid contradicts.
        if let adapted = self.model.metadata.geneModel, model.hexamers == nil,
           !adapted.prior || Set(adapted.geneticCode.stops) == Set(options.geneticCode.stops) {
            model = model.applying(adapted)
        }
        model.code = options.geneticCode
        if let threshold = options.callThreshold { model.threshold = threshold }
        return GeneDecodingWriter(model: model, output: output,
                                  strands: (options.strand != .minus, options.strand != .plus), translate: translate)
    }

    /// The writer settings this scan's options imply.
    public var trackSettings: TrackSettings {
        TrackSettings(plan: plan, strand: options.strand, threshold: options.threshold,
                      trackLine: options.trackLine, modelName: model.metadata.name, line: options.line,
                      provenance: options.provenance, sequenceSizes: options.sequenceSizes)
    }

    /// Scans `paths` in order into any writer (e.g. an in-memory collector for evaluation).
    /// `options.format` is ignored; both strands are scored unless `options.strand` names one and the
    /// writer is a bedGraph writer. An input without records, or records all too short to score, is an
    /// error here (`noSequences`, `nothingScored`): an evaluation has nothing to measure.
    public func scan(paths: [String], writer: TrackWriter) throws(ScanError) -> ScanSummary {
        try requireScored(try scanAll(paths: paths, writer: writer))
    }

    /// `summary`, or the error of an input without records or with nothing to score (what an
    /// evaluation cannot measure).
    private func requireScored(_ summary: ScanSummary) throws(ScanError) -> ScanSummary {
        if let empty = summary.emptyInputs.first { throw .noSequences(path: empty) }
        if summary.sequences > 0 && summary.skipped == summary.sequences {
            throw .nothingScored(minLength: plan.minLength, firstSkipped: summary.firstSkipped ?? "input")
        }
        return summary
    }

    /// Scans `paths` into `writer`, whatever there is to score.
    private func scanAll(paths: [String], writer: TrackWriter, decoder: GeneDecodingWriter? = nil,
                         readSample: ReadHexamerSample? = nil, recording: ScoreRecording? = nil) throws(ScanError) -> ScanSummary {
        let oneStrand = writer is BedGraphWriter || writer is BigWigWriter
        // The decoder reads ORFs itself: it takes the smoothed probabilities without the gate.
        let gate = decoder == nil ? self.gate : nil
        let workers = ScanWorkers(engine: engine, readEngine: readEngine, readHexamers: readHexamers, readSample: readSample,
                                  threads: threads,
                                  plus: !oneStrand || options.strand != .minus, minus: !oneStrand || options.strand != .plus,
                                  gate: gate, recording: recording, replaying: replay)
        replay = nil
        let gated: TrackWriter = gate != nil ? GatingWriter(writer) : writer
        let smoothed: TrackWriter = smoothingRadius > 0 ? SmoothingWriter(gated, radius: smoothingRadius) : gated
        let observed: TrackWriter = progress.map { ProgressWriter(smoothed, observer: $0) } ?? smoothed
        var run = ScanRun(plan: plan, batchBases: batchBases, workers: workers, writer: observed,
                          maxInFlight: 4 * threads + 4, context: gate != nil ? ORFGate.lengthCap : 0,
                          reads: readEngine.map { (readLengths, $0.totalStride) }, decoder: decoder)
        defer { statistics = workers.shutdown() }
        do {
            try run.read(paths: paths, regions: options.regions, reference: options.reference, blockSize: blockSize)
            try observed.finish()
        } catch let error as SequenceIOError {
            throw .input(error)
        } catch let error as RegionError {
            throw .region(error)
        } catch let error as TrackError {
            throw .output(error)
        } catch let error as ScanError {
            throw error
        } catch {
            preconditionFailure("unexpected error \(error)")
        }
        var summary = run.summary
        summary.geneModels = decoder?.recordKinds ?? []
        return summary
    }
}
