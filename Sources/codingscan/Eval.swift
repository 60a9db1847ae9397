#if canImport(Glibc)
import Glibc
#endif
import Annotation
import ArgumentParser
import Foundation
import Assessment
import Tracks
import GenomeCore
import Windows

extension EvalFormat: ExpressibleByArgument {}

/// `codingscan eval --genome G --annotation A [...]`: base-level accuracy of a model against CDS
/// annotations, one row per genome (plus `all` when there are several).
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate a model on annotated genomes (--genome FILE --annotation FILE, repeatable): "
            + "ROC-AUC, PR-AUC, MCC; --plot draws the curves.",
        discussion: """
            Scans each genome exactly as 'codingscan scan' does and compares every base with the annotation: \
            a base is coding when any CDS on either strand covers it, and its score is max(p_plus, p_minus) \
            of its bin. Bases without a scored bin (windows with too few A/C/G/T, records shorter than the \
            model's minimum length) count with score 0. The n-th --genome pairs with the n-th --annotation.
            """
    )

    @Option(name: .long, parsing: .singleValue,
            help: ArgumentHelp("Genome (FASTA etc., plain or compressed). Repeatable.", valueName: "file"))
    var genome: [String] = []

    @Option(name: .long, parsing: .singleValue,
            help: ArgumentHelp("CDS annotation of the genome given in the same position (GFF3, GTF or BED). Repeatable.",
                               valueName: "file"))
    var annotation: [String] = []

    @Option(name: .long, parsing: .singleValue,
            help: ArgumentHelp("Evaluate this bedGraph track of the genome in the same position instead of a model "
                               + "(e.g. another tool's scores). Repeatable, one per --genome.", valueName: "file"))
    var track: [String] = []

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp(
        "Also score these gene calls of the genome in the same position (GFF3, GTF or BED CDS, e.g. from "
            + "'codingscan -f gff' or Prodigal): calls_mcc, calls_f1, stops_exact, starts_exact. Repeatable, one "
            + "per --genome.", valueName: "file"))
    var calls: [String] = []

    @Flag(help: ArgumentHelp("Score the gene decoder's posterior P(coding) per base (as 'scan --decoded' writes it) "
        + "instead of the window track, and the decoder's calls (calls_mcc, stops_exact, ...; --calls replaces them)."))
    var decoded = false

    @Flag(help: ArgumentHelp("Adapt to each genome first, as 'scan --adapt' does (its gene statistics, and for the window "
        + "track a fine-tuned network), and score the adapted track; reads each genome file several times."))
    var adapt = false

    @OptionGroup var settings: ScanSettingOptions

    @Option(name: [.customShort("T"), .long], parsing: .unconditional,
            help: ArgumentHelp("Calls: bases whose bin has p >= this are coding, in [0, 1].", valueName: "p"))
    var threshold: Float = 0.5

    @Option(name: [.short, .long], help: ArgumentHelp("Report format: tsv or json.", valueName: "format"))
    var format: EvalFormat = .tsv

    @Option(help: ArgumentHelp("Write ROC and precision-recall curves to this SVG file (atomically).",
                               valueName: "file"))
    var plot: String?

    @Option(name: [.short, .long], help: ArgumentHelp("Write the report to this file instead of stdout (atomically; never an input).",
                                                      valueName: "file"))
    var output: String?

    @Option(name: [.short, .long], parsing: .unconditional, help: ArgumentHelp(
        "Scoring threads, at most 1024. (default: the CPUs this process may use: its affinity mask, capped by its "
            + "cgroup quota)", valueName: "n"))
    var threads: Int?

    @Flag(name: [.short, .long], help: "No warnings on stderr.")
    var quiet = false

    func validate() throws {
        if genome.isEmpty && annotation.isEmpty {
            throw ValidationError("--genome and --annotation are required")
        }
        if genome.count != annotation.count {
            throw ValidationError("--genome and --annotation come in pairs: got \(genome.count) --genome and "
                + "\(annotation.count) --annotation")
        }
        if !track.isEmpty && track.count != genome.count {
            throw ValidationError("--track: give one track per --genome (got \(track.count) for \(genome.count))")
        }
        if !track.isEmpty && settings.any {
            throw ValidationError("--track evaluates existing tracks: --model, --read-model, --min-length, --window, "
                + "--step, --smooth, --orf-gate, --genetic-code, --gene-model and --precision do not apply")
        }
        if !calls.isEmpty && calls.count != genome.count {
            throw ValidationError("--calls: give one calls file per --genome (got \(calls.count) for \(genome.count))")
        }
        if decoded && !track.isEmpty { throw ValidationError("--decoded scores the decoder's track: not with --track") }
        if adapt && genome.contains("-") {
            throw ValidationError("--adapt reads each genome several times: give files, not standard input")
        }
        if genome.filter({ $0 == "-" }).count > 1 {
            throw ValidationError("--genome: standard input ('-') can be read only once")
        }
        try settings.check(threshold: threshold, threads: threads)
        if output == "-" { throw ValidationError("--output: give a file name; stdout is the default") }
        if plot == "-" || plot == "" { throw ValidationError("--plot: give a file name") }
    }

    func run() throws {
        try Failure.exitOnError(evaluate)
    }

    private func evaluate() throws {
        let reads = OutputGuard.reads(genome + annotation + track + calls) + settings.modelFiles
        if let output {
            // The report and the plot must not be one file (by name before either exists, by inode after).
            if let plot, URL(fileURLWithPath: plot).standardizedFileURL.path
                == URL(fileURLWithPath: output).standardizedFileURL.path {
                throw Failure.usage("--output \(output) is the plot (--plot) \(plot); refusing to overwrite it")
            }
            try OutputGuard.check(flag: "--output", output: output,
                                  reads: reads + (plot.map { [FileRole("the plot (--plot)", $0)] } ?? []))
            do { try OutputFile.check(output) } catch { throw Failure.message("\(output): cannot create output: \(error.reason)") }
        }
        if let plot {
            // Without -o the report goes to stdout, which the plot must not overwrite either.
            try OutputGuard.check(flag: "--plot", output: plot,
                                  reads: reads + (output == nil ? OutputGuard.standardOutput : []))
        }
        if let plot {
            do { try OutputFile.check(plot) } catch { throw Failure.message("\(plot): cannot create output: \(error.reason)") }
        }
        do {
            let assessor: Assessor
            if track.isEmpty {
                let (model, readModel) = try settings.models()
                assessor = try Assessor(model: model, readModel: readModel, options: try settings.scanOptions(), threshold: threshold,
                                        geneticCodeFromAnnotation: settings.geneticCode == nil, threads: threads,
                                        decoded: decoded, adapt: adapt)
            } else {
                let label = track.count == 1 ? GenomeLabels.baseName(track[0]) : "tracks"
                assessor = try Assessor(trackLabel: label, threshold: threshold)
            }
            // Every annotation is read before the first (slow) scan, so a bad file fails fast.
            var annotations: [AnnotationSet] = []
            for path in annotation { annotations.append(try Assessor.readAnnotation(path: path)) }
            var callSets: [AnnotationSet] = []
            for path in calls { callSets.append(try Assessor.readAnnotation(path: path)) }
            for set in annotations where set.cdsCount == 0 && !quiet {
                Stderr.line("codingscan: warning: \(set.path): no CDS features (only CDS lines count); "
                    + "every base counts as non-coding")
            }
            var assessments: [GenomeAssessment] = []
            let labels = GenomeLabels.labels(for: genome)
            for index in genome.indices {
                let assessment = try assessor.assess(genome: genome[index], annotation: annotations[index],
                                                     label: labels[index], track: track.isEmpty ? nil : track[index],
                                                     calls: callSets.isEmpty ? nil : callSets[index])
                warn(about: assessment, minLength: assessor.scorer?.plan.minLength ?? 0)
                assessments.append(assessment)
            }
            let rows = try assessor.rows(assessments)
            if let plot {
                let svg = EvalPlot.svg(assessments, model: assessor.source, window: assessor.window,
                                       step: assessor.step)
                try EvalPlot.write(svg, to: plot)
            }
            try printReport(EvalReport.render(rows, format: format))
        }
    }

    /// Warnings for CDS on seqids the genome lacks and for records too short to score.
    private func warn(about assessment: GenomeAssessment, minLength: Int) {
        guard !quiet else { return }
        let genomeName = PathName.display(assessment.genomePath)
        let match = assessment.match
        if let first = match.missingNames.first {
            let seqids = match.missingSeqids.count == 1 ? "1 seqid" : "\(match.missingSeqids.count) seqids"
            let cds = match.missingCDS == 1 ? "1 CDS" : "\(match.missingCDS) CDS"
            Stderr.line("codingscan: warning: \(assessment.annotationPath): \(cds) on \(seqids) absent from "
                + "\(genomeName) were ignored (first: '\(first)')")
        }
        if assessment.skippedRecords > 0 {
            Stderr.line("codingscan: warning: \(genomeName): \(assessment.skippedRecords) of \(assessment.records) "
                + "sequences shorter than \(minLength) bp were not scored "
                + "and count with score 0 (first: '\(assessment.firstSkipped ?? "?")')")
        }
    }

    /// Writes the report to standard output, ending quietly on a closed pipe.
    private func printReport(_ text: String) throws {
        let sink = try output.map { try OutputSink(path: $0) } ?? OutputSink()
        try sink.write(text)
        try sink.commit()
    }
}
