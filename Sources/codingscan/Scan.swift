#if canImport(Glibc)
import Glibc
#endif
import Inference
import ArgumentParser
import GenomeCore
import GeneCalling
import Pipeline
import Tracks
import ModelFormat

extension TrackFormat: ExpressibleByArgument {}
extension StrandChoice: ExpressibleByArgument {}

/// `codingscan [scan] [FILE ...]`: the streaming scan.
struct Scan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Score sequences and write a coding-probability track (the default command)."
    )

    @Argument(help: "Input files (FASTA, FASTQ, SAM, BAM, CRAM; plain, gzip or bgzip). '-' or none: stdin.")
    var files: [String] = []

    @OptionGroup var settings: ScanSettingOptions

    @Option(name: [.customShort("f"), .customLong("format")], help: ArgumentHelp(
        "Output format: bedgraph, bed (decoded gene calls), gff (GFF3 gene calls), tsv (both strands per window; reads also their best frames) or bigwig (bigwig needs -o). "
            + "(default: bigwig when -o names a .bw or .bigwig file, else bedgraph)", valueName: "format"))
    var formatOption: TrackFormat?

    /// `-f`, or what the `-o` name implies (`.bw`, `.bigwig`: bigWig), or bedGraph.
    var format: TrackFormat { formatOption ?? (output.map(OutputName.impliesBigWig) == true ? .bigwig : .bedgraph) }

    @Option(help: ArgumentHelp("Strand reported: both (max of the two), plus or minus.", valueName: "strand"))
    var strand: StrandChoice = .both

    @Option(name: [.customShort("T"), .customLong("threshold")], parsing: .unconditional, help: ArgumentHelp(
        "Gene calls (bed, gff): a base's evidence favours a gene where p is above this; --raw BED: bins with "
            + "p >= this are coding. In [0, 1]. (default: 0.35; with --raw: 0.5)", valueName: "p"))
    var thresholdOption: Float?

    /// `--raw` BED's threshold.
    var threshold: Float { thresholdOption ?? 0.5 }

    @Flag(help: ArgumentHelp("The window track before decoding: -f bedgraph and bigwig write each window's P(coding) "
        + "per bin instead of the decoder's posterior, -f bed the bins with p >= -T instead of gene calls."))
    var raw = false

    @Flag(help: ArgumentHelp("-f bedgraph (or bigwig) writes the gene decoder's posterior P(coding) per base "
        + "(sharp at stop codons): the default, kept for scripts that name it."))
    var decoded = false

    /// Whether the output comes from the gene decoder: calls (-f gff, bed) or its posterior (bedGraph, bigWig).
    var decodes: Bool { format != .tsv && !raw }

    @Flag(help: ArgumentHelp("Adapt to the input genome before the output pass: learn its own coding statistics, start "
        + "codons, Shine-Dalgarno motif and start context from a first pass's gene calls (one more decoding); for the window "
        + "track (--raw, -f tsv) also fine-tune the network on them (about 20 s for 5 Mb on 2 cores). Inputs under "
        + "100 kb are not adapted."))
    var adapt = false

    @Option(name: [.short, .long], help: ArgumentHelp(
        "Also write the gene calls' proteins (FASTA, named by the calls' IDs) to this file (with -f gff or bed).",
        valueName: "file"))
    var proteins: String?

    @Flag(help: "Write a UCSC track header line (bedgraph, bed).")
    var trackLine = false

    @OptionGroup var trackLineOptions: TrackLineOptions

    @OptionGroup var regionOptions: RegionOptions

    @Option(help: ArgumentHelp("Reference FASTA of CRAM inputs (samtools' --reference). (default: what htslib finds "
        + "from the CRAM header's UR and M5 tags, REF_PATH and REF_CACHE)", valueName: "file"))
    var reference: String?

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of stdout (atomically; never an input).",
                                                      valueName: "file"))
    var output: String?

    @Option(name: [.short, .long], parsing: .unconditional, help: ArgumentHelp("Scoring threads, at most 1024. (default: the CPUs this process may use: its affinity mask, capped by its cgroup quota)", valueName: "n"))
    var threads: Int?

    @Flag(name: [.short, .long], help: "No warnings on stderr.")
    var quiet = false

    @Flag(help: "Progress on stderr even when it is not a terminal (plain lines every 5 s and at the end).")
    var progress = false

    @Flag(name: [.short, .long],
          help: "A summary on stderr at the end (-vv: also kernel variant, threads and speed).")
    var verbose: Int

    func validate() throws {
        try settings.check(threshold: threshold, threads: threads)
        if quiet && verbose > 0 { throw ValidationError("--quiet and --verbose cannot be used together") }
        if output == "-" { throw ValidationError("--output: give a file name; stdout is the default") }
        if format == .bigwig && output == nil {
            throw ValidationError("-f bigwig needs -o FILE: a bigWig is an indexed binary file written by seeking, "
                + "not a stream (use bedgraph for pipes)")
        }
        if raw && format != .bed && format != .bedgraph && format != .bigwig {
            throw ValidationError("--raw applies to -f bedgraph and bigwig (the window track) and bed (thresholded bins)")
        }
        if raw && decoded { throw ValidationError("--raw writes the window track, --decoded the decoder's: give one") }
        if decoded && format != .bedgraph && format != .bigwig {
            throw ValidationError("--decoded applies to -f bedgraph and bigwig")
        }
        if proteins != nil && !decodes {
            throw ValidationError("--proteins needs gene calls: -f gff, bed, bedgraph or bigwig, without --raw")
        }
        if proteins == "-" { throw ValidationError("--proteins: give a file name") }
        if (trackLine || trackLineOptions.any) && (format == .tsv || format == .bigwig || format == .gff) {
            throw ValidationError("track line options apply to bedgraph and bed, not \(format.rawValue)")
        }
    }

    /// Warnings for options that do nothing in this combination: `-f` writing text into a file named
    /// as a bigWig, `--strand` with TSV (which has both strands' columns), an unknown `CODINGSCAN_KERNELS`;
    /// and `--precision int8` where it is slower than floats.
    private func warnAboutIgnoredOptions() {
        guard !quiet else { return }
        if let output, let formatOption, OutputName.impliesBigWig(output) && formatOption != .bigwig {
            Stderr.line("codingscan: warning: -o \(output) is named as a bigWig but -f \(formatOption.rawValue) writes text")
        }
        if let output, formatOption == .bigwig, OutputName.impliesBGZF(output) {
            Stderr.line("codingscan: warning: -o \(output) is named as BGZF text but -f bigwig writes a bigWig "
                + "(compressed already)")
        }
        if strand != .both && format == .tsv {
            Stderr.line("codingscan: warning: --strand \(strand.rawValue) does nothing with -f tsv, "
                + "which has a column for each strand")
        }
        if settings.orfGate != nil && decodes {
            Stderr.line("codingscan: warning: --orf-gate weighs the window track only (--raw, -f tsv); the gene "
                + "decoder reads open reading frames itself")
        }
        if settings.precision == .int8, !KernelVariant.fromEnvironment().hasEightBitDotProducts {
            Stderr.line("codingscan: warning: --precision int8 on a CPU without VNNI runs a portable 8-bit kernel, "
                + "several times slower than fp32 here (same output)")
        }
        if let value = KernelVariant.unknownEnvironmentValue {
            Stderr.line("codingscan: warning: \(KernelVariant.environmentKey)=\(value) is not portable, avx2, avxvnni, avx512 or avx512vnni; "
                + "using the best the CPU has")
        }
    }

    /// A warning when `-w` asks for windows longer than the model was trained on (it accepts them up to
    /// its `max_window`, but has never seen such windows).
    private func warnAboutWindow(model: Model) {
        guard !quiet, let window = settings.window, window > model.metadata.window else { return }
        Stderr.line("codingscan: warning: -w \(window) is longer than the \(model.metadata.window)-base windows "
            + "model '\(model.metadata.name)' was trained on")
    }

    func run() throws {
        warnAboutIgnoredOptions()
        // A bare `codingscan` typed at a terminal would wait for bases on the keyboard: show the usage
        // instead, as samtools does (a pipe or a redirected stdin is read as always).
        if files.isEmpty && isatty(STDIN_FILENO) == 1 {
            Stderr.line(CodingScan.helpMessage() + "\n\ncodingscan: no input: give FILE, '-' or pipe sequences in")
            Glibc.exit(64)
        }
        try Failure.exitOnError(scan)
    }

    private func scan() throws {
        let started = MonotonicTime.now()
        let inputs = files.isEmpty ? ["-"] : files
        let (model, readModel) = try settings.models()
        var options = try settings.scanOptions()
        options.format = format
        options.strand = strand
        options.threshold = threshold
        options.raw = raw
        options.decodedTrack = (format == .bedgraph || format == .bigwig) && !raw
        options.callThreshold = thresholdOption
        options.trackLine = trackLine || trackLineOptions.any
        options.line = try trackLineOptions.line()
        options.provenance = Provenance.lines(model: model, readModel: readModel)
        options.regions = try regionOptions.regions(inputs: inputs)
        options.reference = reference
        let indexed: SequenceSizes?
        // With regions the .fai lengths are not what is scanned: bigWig spools, progress shows no percent.
        do { indexed = options.regions.isEmpty ? try FastaIndexSizes.load(inputs: inputs) : nil } catch {
            throw Failure.message(error.description)
        }
        if format == .bigwig { options.sequenceSizes = indexed }
        var scanner = try TrackScanner(model: model, readModel: readModel, options: options, threads: threads)
        warnAboutWindow(model: model)
        // --adapt reads its inputs twice: standard input and pipes are copied to temporary files first.
        let spool = adapt ? try InputSpool(inputs: inputs) : nil
        defer { spool?.remove() }
        let paths = spool?.paths ?? inputs
        if adapt { scanner = try adapted(scanner, inputs: paths) }
        let expected = options.regions.isEmpty ? ProgressReporter.expectedBases(inputs: inputs, indexed: indexed)
                                               : (bases: nil, exact: false)
        let reporter = ProgressReporter(forced: progress, quiet: quiet, expected: expected.bases, exact: expected.exact)
        if let reporter { scanner.progress = { reporter.update($0) } }
        defer { reporter?.clear() }
        let sink: OutputSink
        let regionsFile = regionOptions.regionsFile.map { [FileRole("the regions file (--regions-file)", $0)] }
        let reads = OutputGuard.reads(inputs) + settings.modelFiles + (regionsFile ?? [])
            + (reference.map { OutputGuard.reads([$0], role: "the CRAM reference (--reference)") } ?? [])
        var proteinSink: OutputSink?
        if let proteins {
            try OutputGuard.check(flag: "--proteins", output: proteins,
                                  reads: reads + (output.map { [FileRole("the output (--output)", $0)] } ?? OutputGuard.standardOutput))
            do { proteinSink = try OutputSink(path: proteins) } catch { throw Failure.message(error.description) }
            Interrupts.protect(temporary: proteinSink?.temporary)
        }
        if let output {
            // With -o, scan writes nothing to standard output, so `-o /dev/stdout` is just stdout.
            try OutputGuard.check(flag: "--output", output: output, reads: reads)
            do { sink = try OutputSink(path: output, compress: format == .bigwig ? false : nil) } catch {
                throw Failure.message(error.description)
            }
            Interrupts.protect(temporary: sink.temporary)
        } else {
            sink = OutputSink()
        }
        let summary: ScanSummary
        do {
            summary = try scanner.scan(paths: paths, sink: sink, proteins: proteinSink)
            try sink.commit()
            try proteinSink?.commit()
        } catch {
            sink.abandon()
            proteinSink?.abandon()
            throw error
        }
        if !quiet {
            for empty in summary.emptyInputs {
                Stderr.line("codingscan: warning: \(empty): no sequence records; nothing to score from it")
            }
        }
        let eukaryotes = summary.geneModels.filter { $0 == .eukaryote }.count
        if eukaryotes > 0 && !quiet {
            Stderr.line("codingscan: --gene-model auto called coding exons (eukaryote gene model) on \(eukaryotes) of "
                + "\(summary.geneModels.count) sequences; --gene-model prokaryote calls genes on all")
        }
        if summary.skipped > 0 && !quiet {
            Stderr.line("codingscan: warning: \(summary.skipped) of \(summary.sequences) sequences shorter than "
                + "\(summary.minLength) bp were not scored (first: \(summary.firstSkipped ?? "?"))")
        }
        if verbose > 0 {
            let seconds = MonotonicTime.now() - started
            Stderr.line("codingscan: model '\(model.metadata.name)', window \(summary.window), step \(summary.step); "
                + "\(summary.sequences) sequences, \(summary.bases) bases, \(summary.windows) windows "
                + "(\(summary.unscoredWindows) unscored), \(summary.skipped) skipped; "
                + "\(Figures.format(seconds)) s, peak memory \(Figures.peakMemoryMB()) MB")
            if verbose > 1 {
                Stderr.line("codingscan: " + speedReport(scanner, bases: summary.bases, seconds: seconds))
            }
        }
    }

    /// The scanner of the output pass of `--adapt`, or `scanner` itself (with a warning) when the input is
    /// too small to learn from.
    private func adapted(_ scanner: TrackScanner, inputs: [String]) throws -> TrackScanner {
        let adaptation = try scanner.adapted(paths: inputs, fineTune: !decodes)
        if !quiet { Adapt.warn(adaptation) }
        return adaptation.scanner
    }

    /// The `-vv` line: kernel variant, threads, speed, e.g. `kernels avx512 (…); 2 threads; 4.61 Mb/s;
    /// convolution stack 245.12 GFLOP in 0.52 s per thread (471.38 GFLOP/s)`.
    private func speedReport(_ scanner: TrackScanner, bases: Int, seconds: Double) -> String {
        let s = scanner.statistics
        let rate = seconds > 0 ? Double(bases) / seconds / 1e6 : 0
        var text = "\(scanner.engine.summary); \(scanner.threads) thread\(scanner.threads == 1 ? "" : "s"); "
            + "\(Figures.format(rate)) Mb/s"
        if s.stackSeconds > 0 {
            let perThread = s.stackSeconds / Double(scanner.threads)
            text += "; convolution stack \(Figures.format(s.nominalFLOPs / 1e9)) GFLOP in \(Figures.format(perThread)) s "
                + "per thread (\(Figures.format(s.nominalFLOPs / perThread / 1e9)) GFLOP/s)"
        }
        return text
    }
}
