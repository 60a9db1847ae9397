#if canImport(Glibc)
import CMalloc
import Glibc
#endif
import ArgumentParser
import ModelFormat

/// `codingscan`: the command tree. `scan` is the default subcommand.
@main
struct CodingScan: ParsableCommand {
    static let version = "0.1.0"

    /// `codingscan VERSION (built-in model: NAME, read model: NAME)`; the models are only loaded when
    /// --version is asked for.
    static var versionLine: String {
        guard CommandLine.arguments.contains("--version") else { return "codingscan \(version)" }
        let model = (try? ModelSource.load(path: nil)).map { "built-in model: \($0.metadata.name)" }
        let read = ((try? ModelSource.loadRead(option: nil)) ?? nil).map { ", read model: \($0.metadata.name)" }
        return "codingscan \(version) (\(model ?? "no built-in model")\(read ?? ""))"
    }

    static let configuration = CommandConfiguration(
        commandName: "codingscan",
        abstract: "Score DNA for protein-coding potential with a convolutional network.",
        discussion: """
            Reads FASTA, FASTQ, SAM, BAM or CRAM (plain, gzip or bgzip; files or stdin), slides a window \
            along every sequence, scores each window on both strands and writes a coding-probability \
            track (bedGraph, BED or TSV, 0-based half-open) or gene calls (GFF3, BED) to stdout. Reads \
            (records of 50 to 299 bases) are scored whole by a second network, the read model. See \
            codingscan(1).

            scan is the default command: 'codingscan scan --help' lists its options (model, window, \
            format, regions, output, threads).
            """,
        version: versionLine,
        subcommands: [Scan.self, ModelInfo.self, Eval.self, Train.self, Adapt.self],
        defaultSubcommand: Scan.self
    )

    /// The help of the command at hand: `codingscan eval --help` after `codingscan eval ...`, and
    /// `codingscan scan --help` for the default command (whose options the top-level help does not list).
    static func helpCommand(_ arguments: [String]) -> String {
        let named = configuration.subcommands.map { $0._commandName }
        let command = arguments.count > 1 && named.contains(arguments[1]) ? arguments[1] : "scan"
        return "codingscan \(command) --help"
    }

    /// Parses and runs a command. Usage errors are one line on stderr (`codingscan: ...`, exit 64);
    /// help and version go to stdout as usual.
    static func main() {
        signal(SIGPIPE, SIG_DFL)
        // The gene decoder allocates and frees buffers of up to about 6 MB for each stretch it decodes:
        // keep blocks under 8 MB in the heap for reuse instead of having glibc map fresh zeroed pages and
        // unmap them every time (7% of a decoded scan's CPU time went to page faults). Larger blocks (a
        // long read's bases as they grow) stay mapped, so that growing them never holds two copies in the
        // heap (with a 256 MB threshold a 50 Mb reverse-strand read took 97 MB instead of 65 MB).
        #if canImport(Glibc)
        _ = mallopt(M_MMAP_THRESHOLD, 8 << 20)
        _ = mallopt(M_TRIM_THRESHOLD, 512 << 20)
        #endif
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success || code == .failure && !(error is ValidationError) {
                exit(withError: error)
            }
            let message = self.message(for: error)
                .split(whereSeparator: \.isNewline).joined(separator: " ")
            Stderr.line("codingscan: \(message) (see '\(helpCommand(CommandLine.arguments))')")
            Glibc.exit(code.rawValue)
        }
    }
}
