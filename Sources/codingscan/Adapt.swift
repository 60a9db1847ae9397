import ArgumentParser
import GeneCalling
import GenomeCore
import ModelFormat
import Pipeline
import ReadingFrames
import Tracks

/// `codingscan adapt [FILE ...] -o SPECIES.safetensors`: what `--adapt` learns from a first decoding
/// pass (the genome's hexamer statistics, start codons, Shine–Dalgarno motif, start context), saved in a copy of the
/// model for scanning many assemblies of a species with `-m`.
struct Adapt: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "adapt",
        abstract: "Adapt the model to a genome (as --adapt does) and save the adapted model.",
        discussion: """
            Decodes the input with the model and learns the genome's gene statistics from the calls (the \
            log-likelihood ratios of in-frame hexamers against the genome, the start codon, Shine-Dalgarno motif and \
            start context scores). Writes the model with a gene_model entry (format version 5): 'codingscan -m OUT' \
            then decodes (the default bedGraph, gene calls) as 'codingscan --adapt' does on this input, in one pass. \
            With --fine-tune it also decodes again with the statistics and fine-tunes the network on that pass's \
            calls (one epoch of up to 30,000 windows of the first 20 Mb; about 20 s for 5 Mb on 2 cores), as \
            'codingscan --adapt' does for the window track: 'codingscan -m OUT --raw' then writes the track \
            'codingscan --adapt --raw' does. Standard input is copied to a temporary file first.
            """
    )

    @Argument(help: "Genome files (FASTA, FASTQ, SAM, BAM, CRAM; plain, gzip or bgzip). '-' or none: stdin.")
    var files: [String] = []

    @Option(name: [.short, .long], help: ArgumentHelp("The adapted model file to write (atomically; never an input).",
                                                      valueName: "file"))
    var output: String

    @OptionGroup var settings: ScanSettingOptions

    @Option(name: [.customShort("T"), .customLong("threshold")], parsing: .unconditional, help: ArgumentHelp(
        "The first pass's gene calls: a base's evidence favours a gene where p is above this, in [0, 1]. "
            + "(default: 0.35)", valueName: "p"))
    var threshold: Float?

    @Option(help: ArgumentHelp("Name of the adapted model. (default: the model's name with '-adapted')",
                               valueName: "name"))
    var name: String?

    @Option(name: [.short, .long], parsing: .unconditional, help: ArgumentHelp(
        "Scoring threads, at most 1024. (default: the CPUs this process may use)", valueName: "n"))
    var threads: Int?

    @Flag(help: ArgumentHelp("Also fine-tune the network on the genome's calls, as --adapt does for the window track "
        + "(--raw, -f tsv)."))
    var fineTune = false

    @Flag(help: ArgumentHelp("Mark the statistics as a prior: pooled over the inputs for genomes not among them (as the "
        + "built-in model's are), they score genes, but --gene-model auto chooses without them."))
    var prior = false

    @Flag(name: [.short, .long], help: "No summary on stderr.")
    var quiet = false

    func validate() throws {
        try settings.check(threshold: threshold ?? 0.35, threads: threads)
        if output == "-" { throw ValidationError("--output: give a file name (a model file is not a stream)") }
        if let name, name.isEmpty || name.contains(where: \.isNewline) {
            throw ValidationError("--name must be a non-empty one-line name")
        }
    }

    func run() throws {
        try Failure.exitOnError(adapt)
    }

    private func adapt() throws {
        let inputs = files.isEmpty ? ["-"] : files
        let (model, readModel) = try settings.models()
        try OutputGuard.check(flag: "--output", output: output, reads: OutputGuard.reads(inputs) + settings.modelFiles)
        var options = try settings.scanOptions()
        options.format = .gff
        options.callThreshold = threshold
        let scanner = try TrackScanner(model: model, readModel: readModel, options: options, threads: threads)
        // Learning the statistics reads the input once, fine-tuning three times: standard input and pipes
        // are copied to temporary files first (always, so that both behave alike on them).
        let spool = try InputSpool(inputs: inputs)
        defer { spool.remove() }
        // Paths by parent folder and name, never this machine's absolute paths (as train records them).
        let words = ["codingscan"] + CommandLine.arguments.dropFirst().map {
            ShellWord.quoted($0.contains("/") ? PathName.short($0) : $0)
        }
        let adaptation = try scanner.adapted(paths: spool.paths, names: inputs.map { $0 == "-" ? "stdin" : $0 },
                                             command: words.joined(separator: " "), fineTune: fineTune,
                                             outputPass: false)
        let statistics = adaptation.statistics
        if !quiet && statistics.shortfall == nil { Self.warn(adaptation) }
        let adapted = statistics.adapted(options.geneModel ?? GeneModel())
        let adaptedTo: JSONValue = .object([
            "genomes": .array(inputs.map { .string($0 == "-" ? "stdin" : PathName.short($0)) }),
            "bases": .integer(statistics.bases), "calls": .integer(statistics.genes),
            "complete_calls": .integer(statistics.completeGenes), "genetic_code": .integer(options.geneticCode.table),
            "base_model": .string(model.metadata.name), "base_model_sha256": .string(model.sha256),
            "network": .string(adaptation.network != nil
                ? "fine-tuned on \(adaptation.windows) windows labelled by the calls"
                : "not fine-tuned: " + (fineTune ? adaptation.networkShortfall ?? "" : "statistics only (no --fine-tune)")),
            "command": .string(words.joined(separator: " ")), "codingscan": .string(CodingScan.version),
        ])
        guard var entry = adapted.adaptedEntry(adaptedTo: adaptedTo) else {
            throw Failure.message("adapt: " + (statistics.shortfall ?? "nothing to adapt"))
        }
        entry.prior = prior
        let network = adaptation.network ?? model
        let metadata = network.metadata.adapted(entry, name: name ?? model.metadata.name + "-adapted")
        let bytes = Model.serialize(metadata: metadata, tensors: network.tensors)
        do { _ = try Model.load(bytes: bytes, source: output) } catch {
            throw Failure.message("adapt: the adapted model does not load back: \(error.description)")
        }
        do { try OutputFile.write(bytes, to: output) } catch {
            throw Failure.message("\(output): cannot write the model: \(error.reason)")
        }
        if !quiet {
            Stderr.line("codingscan: adapted '\(model.metadata.name)' to \(statistics.bases) bases, \(statistics.genes) "
                + "gene calls (starts ATG/GTG/TTG \(statistics.starts["ATG"] ?? 0)/\(statistics.starts["GTG"] ?? 0)/"
                + "\(statistics.starts["TTG"] ?? 0))\(adaptation.network != nil ? ", network fine-tuned on \(adaptation.windows) windows" : ""); "
                + "wrote \(output)")
        }
    }

    /// The warning of an adaptation that left something out: an input too small to learn from, or a
    /// network that could not be fine-tuned.
    static func warn(_ adaptation: ScanAdaptation) {
        if let shortfall = adaptation.statistics.shortfall {
            Stderr.line("codingscan: warning: --adapt: \(shortfall): "
                + (adaptation.readsAdapted ? "the gene decoder is not adapted (the reads are)" : "scanning without adapting"))
        } else if let reason = adaptation.networkShortfall {
            Stderr.line("codingscan: warning: --adapt: the network is not fine-tuned: \(reason)")
        }
    }
}
