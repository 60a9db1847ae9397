import GenomeCore
import Kernels
import ModelFormat

/// Trains a coding-potential network on annotated genomes and returns the model file bytes.
///
/// Data: genomes are loaded wholly into memory. Each window of `architecture.window` bases is read
/// on both strands (the minus strand reverse-complemented); on a strand it is coding when at least
/// `codingFraction` of its bases are covered by a CDS on that strand. Windows with fewer than half
/// A/C/G/T are skipped. Every epoch draws `windowsPerEpoch` windows, an equal share per genome, half
/// of each share coding; each base of a drawn window mutates with probability `mutationRate` (and
/// meets an insertion or deletion with probability `indelRate`).
/// Validation uses the validation genomes if given, otherwise the held-out last 10% of every record
/// (training windows never overlap it), and a fixed balanced set of windows without augmentation.
/// Training stops after `patience` epochs without a lower validation loss; the best epoch's weights
/// are saved with batch norm folded into the convolutions (see `ModelExporter`).
public enum Trainer {
    /// Loads the genomes (reporting each), then trains. `validation` may be empty.
    public static func train(
        training: [GenomeSource], validation: [GenomeSource], options: TrainingOptions,
        progress: (TrainingEvent) -> Void = { _ in }
    ) throws(TrainingError) -> TrainingResult {
        try options.validate()
        guard !training.isEmpty else { throw .noTrainingGenome }
        var trainingGenomes: [GenomeData] = []
        for source in training {
            let genome = try GenomeLoader.load(genome: source.genome, annotation: source.annotation)
            progress(.genomeLoaded(GenomeSummary(role: "training", genome: genome)))
            trainingGenomes.append(genome)
        }
        var validationGenomes: [GenomeData] = []
        for source in validation {
            let genome = try GenomeLoader.load(genome: source.genome, annotation: source.annotation)
            progress(.genomeLoaded(GenomeSummary(role: "validation", genome: genome)))
            validationGenomes.append(genome)
        }
        return try train(trainingGenomes: trainingGenomes, validationGenomes: validationGenomes, options: options,
                         progress: progress)
    }

    /// Trains on genomes already in memory. `validationGenomes` may be empty (hold-out validation).
    public static func train(
        trainingGenomes: [GenomeData], validationGenomes: [GenomeData], options: TrainingOptions,
        progress: (TrainingEvent) -> Void = { _ in }
    ) throws(TrainingError) -> TrainingResult {
        try options.validate()
        guard !trainingGenomes.isEmpty else { throw .noTrainingGenome }
        let (trainSet, validationSet) = try WindowDataset.split(
            training: trainingGenomes, validation: validationGenomes, window: options.architecture.window,
            holdoutFraction: options.holdoutFraction, codingFraction: options.codingFraction,
            labelSpan: options.resolvedLabelSpan, softLabels: options.softLabels, weighting: options.weighting)
        for set in [trainSet, validationSet] {
            progress(.windowsCounted(role: set.role, coding: set.count(coding: true), nonCoding: set.count(coding: false)))
        }
        let session = TrainingSession(options: options, trainSet: trainSet, validationSet: validationSet)
        let outcome = try session.run(progress: progress)
        let best = outcome.history[outcome.bestEpoch - 1]
        let summaries = trainingGenomes.map { GenomeSummary(role: "training", genome: $0) }
            + validationGenomes.map { GenomeSummary(role: "validation", genome: $0) }
        let provenance = makeProvenance(options: options, outcome: outcome, best: best, genomes: summaries,
                                        heldOut: validationGenomes.isEmpty)
        var metadata = ModelExporter.metadata(architecture: options.architecture, name: options.name, step: options.step,
                                              smooth: options.smooth, orfGate: options.orfGate, minLength: options.effectiveMinLength, maxWindow: options.maxWindow,
                                              provenance: provenance)
        // A network fine-tuned from a model keeps that model's gene statistics (the built-in model's
        // pooled prior, a species' own): they describe genomes, not the network.
        if let geneModel = options.initialModel?.metadata.geneModel {
            metadata = metadata.adapted(geneModel, name: options.name)
        }
        return TrainingResult(
            modelBytes: ModelExporter.serialize(outcome.weights, metadata: metadata), metadata: metadata,
            weights: outcome.weights, epochsRun: outcome.history.count, bestEpoch: outcome.bestEpoch,
            validationLoss: best.validationLoss, validationAUC: best.validationAUC,
            trainingSeconds: outcome.seconds, history: outcome.history, genomes: summaries)
    }

    /// The provenance object stored in the model metadata.
    static func makeProvenance(options: TrainingOptions, outcome: TrainingSession.Outcome, best: EpochProgress,
                               genomes: [GenomeSummary], heldOut: Bool) -> JSONValue {
        let a = options.architecture
        func ints(_ values: [Int]) -> JSONValue { .array(values.map { .integer($0) }) }
        var hyper: [String: JSONValue] = [
            "window": .integer(a.window), "step": .integer(options.step), "min_length": .integer(options.effectiveMinLength),
            "channels": ints(a.channels), "kernels": ints(a.kernels), "pools": ints(a.pools),
            "pool_kinds": .array(a.poolKinds.map { .string($0.rawValue) }), "hidden": .integer(a.hidden),
            "epochs": .integer(options.epochs), "batch_size": .integer(options.batchSize),
            "learning_rate": .number(options.learningRate),
            "learning_rate_schedule": .string(options.learningRateSchedule.rawValue), "weight_decay": .number(options.weightDecay),
            "dropout": .number(options.dropout), "mutation_rate": .number(options.mutationRate),
            "indel_rate": .number(options.indelRate),
            "coding_fraction": .number(options.codingFraction),
            "label_span": .integer(options.resolvedLabelSpan),
            "soft_labels": .bool(options.softLabels), "windows_per_epoch": .integer(options.windowsPerEpoch),
            "validation_windows": .integer(options.validationWindows), "patience": .integer(options.patience),
            "genome_weighting": .string(options.weighting.rawValue),
            "optimizer": "adam(0.9, 0.999, 1e-8), decoupled weight decay on weights",
            "loss": "binary cross-entropy on logits",
            "batch_norm": .string("batch norm over the whole mini-batch (thread parts reduced), eps 1e-5, "
                + "running-statistics momentum \(NetworkWeights.batchNormMomentum), folded into conv1d on export"),
        ]
        if options.smooth > 0 { hyper["smooth"] = .integer(options.smooth) }
        if let initial = options.initialModel {
            hyper["initial_model"] = .object(["name": .string(initial.metadata.name), "sha256": .string(initial.sha256)])
        }
        if options.orfGate > 0 { hyper["orf_gate"] = .integer(options.orfGate) }
        let genomeValues: [JSONValue] = genomes.map { g in
            .object([
                "role": .string(g.role), "file": .string(PathName.short(g.path)),
                "annotation": .string(PathName.short(g.annotationPath)), "records": .integer(g.records),
                "length": .integer(g.length), "crc32": .string(g.checksum), "cds": .integer(g.cdsCount),
                "cds_on_missing_sequences": .integer(g.missingCDSCount),
            ])
        }
        let seed: JSONValue = options.seed < 1 << 53 ? .integer(Int(options.seed)) : .string(String(options.seed))
        var provenance: [String: JSONValue] = [
            "command": .string(options.command),
            "trainer": "codingscan train",
            "genomes": .array(genomeValues),
            "checksum": "CRC-32 (zlib) of the uppercase bases of all records, concatenated in file order",
            "validation": .string(heldOut
                ? "last \(Int((options.holdoutFraction * 100).rounded()))% of every record held out"
                : "separate validation genomes"),
            "seed": seed,
            "threads": .integer(options.threads),
            "kernels": .string(TrainingKernels.gemm.name),
            "epochs_run": .integer(outcome.history.count),
            "best_epoch": .integer(outcome.bestEpoch),
            "validation_loss": .number(best.validationLoss),
            "validation_roc_auc": best.validationAUC.map { .number($0) } ?? .null,
            "hyperparameters": .object(hyper),
        ]
        if options.recordTiming {
            provenance["training_seconds"] = .number((outcome.seconds * 10).rounded() / 10)
        }
        return .object(provenance)
    }
}
