#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import GenomeCore
import ModelFormat
import Training
import Foundation

extension LearningRateSchedule: ExpressibleByArgument {}
extension GenomeWeighting: ExpressibleByArgument {}

/// `codingscan train`: trains a network on annotated genomes and writes a model file.
struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a coding-potential network on annotated genomes and write a model file.",
        discussion: """
            Each --genome (FASTA, plain or gzip) is paired in order with an --annotation (GFF3, GTF or \
            BED with CDS features). Windows are read on both strands; a window is coding on a strand when \
            at least --coding-fraction of its bases lie in a CDS on that strand. Each epoch draws \
            --windows-per-epoch windows, shared among genomes by --genome-weighting, half coding. Validation uses the \
            --validate-genome/--validate-annotation pairs, or else the last 10% of every record, which \
            training windows never overlap. Training stops after --patience epochs without a lower \
            validation loss and saves the best epoch, batch norm folded into the convolutions. \
            --threads N (at most 1024, and no more than --batch-size) splits every mini-batch into N \
            parts computed in parallel; batch norm always uses the statistics of the whole mini-batch, \
            so any thread count trains an equally good model (identical bytes for the same --seed and \
            --threads; other thread counts differ only by rounding). The defaults are the recipe of the \
            built-in model (docs/default-model.md); the model's provenance records the command with each \
            file named by its folder and name, never an absolute path.
            """
    )

    @Option(name: .long, help: ArgumentHelp("Training genome FASTA (repeatable; plain or gzip).", valueName: "file"))
    var genome: [String] = []

    @Option(name: .long, help: ArgumentHelp("CDS annotation of the --genome in the same position (repeatable).",
                                            valueName: "file"))
    var annotation: [String] = []

    @Option(name: .long, help: ArgumentHelp("Validation genome FASTA (repeatable). (default: hold out the last 10% of every record)",
                                            valueName: "file"))
    var validateGenome: [String] = []

    @Option(name: .long, help: ArgumentHelp("Annotation of the --validate-genome in the same position (repeatable).",
                                            valueName: "file"))
    var validateAnnotation: [String] = []

    @Option(name: [.short, .long], help: ArgumentHelp("Model file to write (safetensors; written atomically).",
                                                      valueName: "file"))
    var output: String

    @Option(help: ArgumentHelp("Start from this model's weights instead of random ones (fine-tuning; 'default': the "
        + "built-in model). Its network and scan defaults replace --window, --channels, --kernels, --pools, "
        + "--pool-kinds, --hidden, --step, --smooth, --orf-gate and --min-length.", valueName: "file"))
    var initialModel: String?

    @Option(help: ArgumentHelp("Model name stored in the file.", valueName: "name"))
    var name = "codingscan-trained"

    @Option(name: [.short, .long], parsing: .unconditional,
            help: ArgumentHelp("Training window, bp (also the model's default scan window).", valueName: "bp"))
    var window = NetworkArchitecture.standard.window

    @Option(name: [.short, .long], parsing: .unconditional,
            help: ArgumentHelp("Default scan step stored in the model, bp.", valueName: "bp"))
    var step = TrainingOptions().step

    @Option(parsing: .unconditional, help: ArgumentHelp("Default smoothing span stored in the model, bp (see scan --smooth; 0 = none).",
                               valueName: "bp"))
    var smooth = TrainingOptions().smooth

    @Option(name: .customLong("orf-gate"), parsing: .unconditional,
            help: ArgumentHelp("Default ORF-gate midpoint stored in the model, bp (see scan --orf-gate; 0 = none).",
                               valueName: "bp"))
    var orfGate = TrainingOptions().orfGate

    @Option(parsing: .unconditional, help: ArgumentHelp("Shortest sequence the scanner scores, bp. (default: the network's minimum input length)",
                               valueName: "bp"))
    var minLength: Int?

    @Option(help: ArgumentHelp("Output channels of each conv block, comma-separated.", valueName: "list"))
    var channels = NetworkArchitecture.standard.channels.map(String.init).joined(separator: ",")

    @Option(help: ArgumentHelp("Kernel width of each conv block, comma-separated.", valueName: "list"))
    var kernels = NetworkArchitecture.standard.kernels.map(String.init).joined(separator: ",")

    @Option(help: ArgumentHelp("Max-pool size after each conv block (1 = none), comma-separated.", valueName: "list"))
    var pools = NetworkArchitecture.standard.pools.map(String.init).joined(separator: ",")

    @Option(help: ArgumentHelp("How each conv block pools: max or subsample (keeps the reading frame), comma-separated.",
                               valueName: "list"))
    var poolKinds = NetworkArchitecture.standard.poolKinds.map(\.rawValue).joined(separator: ",")

    @Option(parsing: .unconditional, help: ArgumentHelp("Units of the hidden dense layer.", valueName: "n"))
    var hidden = NetworkArchitecture.standard.hidden

    @Option(parsing: .unconditional, help: ArgumentHelp("Central bases whose CDS coverage labels a window. (default: \(TrainingOptions.defaultLabelSpan), or the whole window if shorter)",
                               valueName: "bp"))
    var labelSpan: Int?

    @Flag(inversion: .prefixedNo,
          help: "Train towards the CDS-covered fraction of the label span (--no-soft-labels: towards 0 or 1).")
    var softLabels = TrainingOptions().softLabels

    @Option(parsing: .unconditional, help: ArgumentHelp("Most epochs to run.", valueName: "n"))
    var epochs = TrainingOptions().epochs

    @Option(parsing: .unconditional, help: ArgumentHelp("Windows per optimiser step.", valueName: "n"))
    var batchSize = TrainingOptions().batchSize

    @Option(parsing: .unconditional, help: ArgumentHelp("Adam learning rate (the start of the schedule).", valueName: "rate"))
    var learningRate = TrainingOptions().learningRate

    @Option(help: ArgumentHelp("Learning-rate schedule: constant, or cosine (annealed towards 0 over all the epochs).",
                               valueName: "schedule"))
    var lrSchedule = TrainingOptions().learningRateSchedule

    @Option(parsing: .unconditional, help: ArgumentHelp("Decoupled weight decay on conv and dense weights (0 = none).", valueName: "rate"))
    var weightDecay = TrainingOptions().weightDecay

    @Option(parsing: .unconditional, help: ArgumentHelp("Dropout rate on the pooled features, in [0, 1).", valueName: "rate"))
    var dropout = TrainingOptions().dropout

    @Option(parsing: .unconditional, help: ArgumentHelp("Random point mutations per base per sample (augmentation), in [0, 1].", valueName: "rate"))
    var mutationRate = TrainingOptions().mutationRate

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Random insertions and deletions per base per sample (augmentation for long-read errors), in [0, 0.5].",
        valueName: "rate"))
    var indelRate = TrainingOptions().indelRate

    @Option(parsing: .unconditional, help: ArgumentHelp("Fraction of a window that must be CDS on its strand to count as coding, in (0, 1].",
                               valueName: "fraction"))
    var codingFraction = TrainingOptions().codingFraction

    @Option(parsing: .unconditional, help: ArgumentHelp("Training windows drawn per epoch.", valueName: "n"))
    var windowsPerEpoch = TrainingOptions().windowsPerEpoch

    @Option(parsing: .unconditional, help: ArgumentHelp("Size of the fixed validation set, windows.", valueName: "n"))
    var validationWindows = TrainingOptions().validationWindows

    @Option(parsing: .unconditional, help: ArgumentHelp("Stop after this many epochs without a lower validation loss.", valueName: "n"))
    var patience = TrainingOptions().patience

    @Option(help: ArgumentHelp("How each epoch's windows are shared among genomes: sqrt (by the square root of "
        + "each genome's size, clamped to a quarter and twice the median genome's share) or equal.", valueName: "rule"))
    var genomeWeighting = TrainingOptions().weighting

    @Option(parsing: .unconditional, help: ArgumentHelp("Random seed.", valueName: "n"))
    var seed: UInt64 = 1

    @Option(name: [.short, .long], parsing: .unconditional, help: ArgumentHelp("Worker threads, at most 1024 (each mini-batch is split into this many parts). (default: the CPUs this process may use: its affinity mask, capped by its cgroup quota)",
                               valueName: "n"))
    var threads: Int?

    @Flag(help: "Leave the training time out of the provenance: same inputs, seed and --threads give identical bytes.")
    var reproducible = false

    @Flag(help: ArgumentHelp("Also store the training genomes' CDS hexamer statistics by GC, which the scan adds to a read "
        + "model's score of each read (for a read model; docs/read-model.md). With --epochs 0 and --initial-model FILE: "
        + "add them to that model without training."))
    var readHexamers = false

    @Flag(name: [.short, .long], help: "No progress or warnings on stderr.")
    var quiet = false

    func validate() throws {
        if genome.isEmpty { throw ValidationError("--genome: give at least one training genome") }
        if genome.count != annotation.count {
            throw ValidationError("--genome and --annotation must be paired: \(genome.count) genomes, "
                + "\(annotation.count) annotations")
        }
        if validateGenome.count != validateAnnotation.count {
            throw ValidationError("--validate-genome and --validate-annotation must be paired: "
                + "\(validateGenome.count) genomes, \(validateAnnotation.count) annotations")
        }
        if output.isEmpty || output == "-" { throw ValidationError("--output: give a file name") }
        for (option, text) in [("--channels", channels), ("--kernels", kernels), ("--pools", pools)] {
            _ = try Self.list(text, option: option)
        }
        if epochs == 0 && (initialModel == nil || initialModel == "default" || !readHexamers) {
            throw ValidationError("--epochs 0 needs --read-hexamers and --initial-model FILE (it only adds the tables)")
        }
        // The initial model is read when the command runs (its errors are the run's, with their exit status).
        var options = try options(loadingModel: false)
        if epochs == 0 { options.epochs = 1 }
        do { try options.validate() } catch {
            throw ValidationError(error.commandLineText)
        }
    }

    func run() throws {
        try Failure.exitOnError(train)
    }

    private func train() throws {
        let inputs = genome + annotation + validateGenome + validateAnnotation
            + (initialModel.map { $0 == "default" ? [] : [$0] } ?? [])
        try OutputGuard.check(flag: "--output", output: output, reads: OutputGuard.reads(inputs))
        do { try OutputFile.check(output) } catch {
            throw Failure.message("\(output): cannot write the model: \(error.reason)")
        }
        // Counted before training (seconds), so that an annotation without CDS stops the run first.
        let tables = readHexamers ? try trainingReadHexamers() : nil
        if epochs == 0, let initialModel, let tables {
            let model = try ModelSource.load(path: initialModel)
            try ModelFileWriter.writeAtomically(Model.serialize(metadata: model.metadata.withReadHexamers(tables),
                                                                tensors: model.tensors), to: output)
            reportReadHexamers(tables)
            return
        }
        let options = try options()
        let result: TrainingResult
        do {
            result = try Trainer.train(
                training: zip(genome, annotation).map { GenomeSource(genome: $0, annotation: $1) },
                validation: zip(validateGenome, validateAnnotation).map { GenomeSource(genome: $0, annotation: $1) },
                options: options, progress: report)
            var bytes = result.modelBytes
            if let tables {
                // The trained model with the tables, written once.
                let trained = try Model.load(bytes: bytes, source: output)
                bytes = Model.serialize(metadata: trained.metadata.withReadHexamers(tables), tensors: trained.tensors)
            }
            try ModelFileWriter.writeAtomically(bytes, to: output)
        }
        if !quiet {
            let auc = result.validationAUC.map { fixed($0, 4) } ?? "n/a"
            Stderr.line("codingscan: wrote \(output): best epoch \(result.bestEpoch) of \(result.epochsRun), "
                + "validation loss \(fixed(result.validationLoss, 4)), ROC-AUC \(auc), "
                + "\(fixed(result.trainingSeconds, 1)) s")
        }
        if let tables { reportReadHexamers(tables) }
    }

    /// The training genomes' `ReadHexamers` (`--read-hexamers`).
    private func trainingReadHexamers() throws -> ReadHexamers {
        var counts: [ReadHexamerCounts] = []
        for (g, a) in zip(genome, annotation) {
            counts.append(ReadHexamerCounts(try GenomeLoader.load(genome: g, annotation: a)))
        }
        if let empty = counts.first(where: { $0.coding.allSatisfy { $0 == 0 } }) {
            throw Failure.message("--read-hexamers: \(empty.genome) has no CDS of 8 bases or more in its annotation")
        }
        return ReadHexamerCounts.pooled(counts)
    }

    /// Says what `--read-hexamers` stored (unless --quiet).
    private func reportReadHexamers(_ tables: ReadHexamers) {
        if !quiet {
            Stderr.line("codingscan: wrote \(output): read hexamers of \(genome.count) genome\(genome.count == 1 ? "" : "s") at GC "
                + tables.gc.map { fixed($0, 2) }.joined(separator: ", "))
        }
    }

    /// The library options from the command line.
    private func options(loadingModel: Bool = true) throws -> TrainingOptions {
        var o = TrainingOptions()
        o.architecture = NetworkArchitecture(window: window, channels: try Self.list(channels, option: "--channels"),
                                             kernels: try Self.list(kernels, option: "--kernels"),
                                             pools: try Self.list(pools, option: "--pools"),
                                             poolKinds: try Self.poolKindList(poolKinds), hidden: hidden)
        o.name = name
        o.step = step
        o.smooth = smooth
        o.orfGate = orfGate
        o.labelSpan = labelSpan
        o.softLabels = softLabels
        o.minLength = minLength
        o.epochs = epochs
        o.batchSize = batchSize
        o.learningRate = learningRate
        o.learningRateSchedule = lrSchedule
        o.weightDecay = weightDecay
        o.dropout = dropout
        o.mutationRate = mutationRate
        o.indelRate = indelRate
        o.codingFraction = codingFraction
        o.windowsPerEpoch = windowsPerEpoch
        o.validationWindows = validationWindows
        o.patience = patience
        o.weighting = genomeWeighting
        o.seed = seed
        o.threads = threads ?? CPUBudget.available()
        if let initialModel, loadingModel {
            let model = try ModelSource.load(path: initialModel == "default" ? nil : initialModel)
            guard o.start(from: model) else {
                throw Failure.message("--initial-model: '\(model.metadata.name)' has layers 'codingscan train' does not build")
            }
        }
        o.recordTiming = !reproducible
        o.command = Self.provenanceCommand(CommandLine.arguments)
        return o
    }

    /// Prints one progress event on stderr (unless --quiet).
    private func report(_ event: TrainingEvent) {
        guard !quiet else { return }
        switch event {
        case let .genomeLoaded(g):
            Stderr.line("codingscan: \(g.role) genome \(g.path): \(g.records) records, \(g.length) bp, "
                + "\(g.cdsCount) CDS, \(g.codingBases) coding bp, crc32 \(g.checksum)")
            if g.cdsCount == 0 {
                Stderr.line("codingscan: warning: \(g.annotationPath): no CDS features (only CDS lines count)")
            } else if g.missingCDSCount > 0 {
                let sequences = g.missingSeqidCount == 1 ? "1 sequence" : "\(g.missingSeqidCount) sequences"
                Stderr.line("codingscan: warning: \(g.annotationPath): \(g.missingCDSCount) CDS on "
                    + "\(sequences) not in \(g.path) were ignored")
            }
        case let .windowsCounted(role, coding, nonCoding):
            Stderr.line("codingscan: \(role) windows (start x strand): \(coding) coding, \(nonCoding) non-coding")
        case let .epoch(e):
            let auc = e.validationAUC.map { fixed($0, 4) } ?? "n/a"
            Stderr.line("codingscan: epoch \(e.epoch)/\(e.epochs): train loss \(fixed(e.trainLoss, 4)), "
                + "validation loss \(fixed(e.validationLoss, 4)), ROC-AUC \(auc), "
                + "\(Int(e.windowsPerSecond.rounded())) windows/s, elapsed \(clock(e.elapsedSeconds)), "
                + "left ~\(clock(e.estimatedSecondsLeft))\(e.isBest ? " *" : "")")
        case let .stoppedEarly(epoch, best):
            Stderr.line("codingscan: stopping after epoch \(epoch): no lower validation loss since epoch \(best)")
        }
    }

    /// The command line for the model's provenance: `codingscan` and the arguments, shell-quoted, with
    /// the value of every file option (`--genome`, `--annotation`, `--validate-*`, `-o`) cut to its
    /// parent folder and name, so a model does not record the trainer's directory layout.
    static func provenanceCommand(_ arguments: [String]) -> String {
        let fileOptions: Set<String> = ["--genome", "--annotation", "--validate-genome", "--validate-annotation",
                                        "-o", "--output"]
        var words = ["codingscan"]
        var pathNext = false
        for argument in arguments.dropFirst() {
            if pathNext {
                words.append(PathName.short(argument))
                pathNext = false
            } else if let equals = argument.firstIndex(of: "="), fileOptions.contains(String(argument[..<equals])) {
                words.append(argument[..<equals] + "=" + PathName.short(String(argument[argument.index(after: equals)...])))
            } else {
                words.append(argument)
                pathNext = fileOptions.contains(argument)
            }
        }
        return words.map(ShellWord.quoted).joined(separator: " ")
    }

    /// Comma-separated integers.
    private static func list(_ text: String, option: String) throws -> [Int] {
        try commaList(text, option: option, expected: "integers") { Int(String($0.filter { $0 != " " })) }
    }

    /// `--pool-kinds`: comma-separated `max` / `subsample`.
    private static func poolKindList(_ text: String) throws -> [PoolKind] {
        try commaList(text, option: "--pool-kinds", expected: "max or subsample") {
            PoolKind(rawValue: $0.trimmingCharacters(in: .whitespaces))
        }
    }

    /// The comma-separated parts of `text`, each through `parse`; one unparsable part fails the option.
    private static func commaList<T>(_ text: String, option: String, expected: String,
                                     _ parse: (Substring) -> T?) throws -> [T] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        let values = parts.compactMap(parse)
        guard !parts.isEmpty, values.count == parts.count else {
            throw ValidationError("\(option) must be comma-separated \(expected) (got '\(text)')")
        }
        return values
    }

    /// `value` with `digits` decimals ("nan"/"inf" as Swift writes them).
    private func fixed(_ value: Double, _ digits: Int) -> String {
        FixedPoint.text(value, digits: digits) ?? "\(value)"
    }

    /// Seconds as `h:mm:ss` or `m:ss`.
    private func clock(_ seconds: Double) -> String {
        let s = max(0, Int(seconds.rounded()))
        let two = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        return s >= 3600 ? "\(s / 3600):\(two(s / 60 % 60)):\(two(s % 60))" : "\(s / 60):\(two(s % 60))"
    }
}
