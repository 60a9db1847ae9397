import ArgumentParser
import GeneCalling
import GenomeCore
import Inference
import ModelFormat
import Pipeline
import ReadingFrames

/// The options `scan` and `eval` share: the model and how it scans (window, step, smoothing, ORF
/// gate, genetic code), with their range checks (usage errors, exit 64). nil means the model's value.
struct ScanSettingOptions: ParsableArguments {
    @Option(name: [.short, .long], help: ArgumentHelp("Model file (safetensors). (default: the built-in model)",
                                                      valueName: "file"))
    var model: String?

    @Option(name: .customLong("read-model"), help: ArgumentHelp(
        "Model that scores each record from its minimum length to below twice its window (reads; at most the "
            + "window) as one window; 'none': the model scores them too, down to its minimum length. "
            + "(default: the built-in read model, 50-299 bp)", valueName: "file"))
    var readModel: String?

    @Option(name: .customLong("min-length"), parsing: .unconditional, help: ArgumentHelp(
        "Skip records shorter than this. (default: the shortest record the models score)",
        valueName: "bp"))
    var minLength: Int?

    @Option(name: [.short, .long], parsing: .unconditional, help: ArgumentHelp("Window length in bp. (default: the model's window)",
                                                      valueName: "bp"))
    var window: Int?

    @Option(name: [.short, .long], parsing: .unconditional, help: ArgumentHelp("Step between window starts in bp. (default: the model's step)",
                                                      valueName: "bp"))
    var step: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Average each window's probabilities (per strand) with those of the windows whose starts lie within "
            + "bp/2 of its own; 0 = off. (default: the model's smooth)", valueName: "bp"))
    var smooth: Int?

    @Option(name: .customLong("orf-gate"), parsing: .unconditional, help: ArgumentHelp(
        "Weigh each window's probability on a strand by how long the open reading frames through its bin are "
            + "on that strand: 0.5 at this ORF length, 0.91 at twice it, 0.09 at half; 0 = off. "
            + "(default: the model's orf_gate)", valueName: "bp"))
    var orfGate: Int?

    @Option(name: .customLong("genetic-code"), parsing: .unconditional, help: ArgumentHelp(
        "NCBI translation table whose stop codons end the ORF gate's open reading frames: "
            + ScanSettingOptions.tableList + " (4: Mycoplasma, TGA is Trp). (default: 11; eval: the annotation's transl_table "
            + "when all its CDS state one)", valueName: "table"))
    var geneticCode: Int?

    @Option(name: .customLong("gene-model"), help: ArgumentHelp(
        "What the gene decoder calls: prokaryote (genes: start codon to stop codon), eukaryote (coding exons: "
            + "from a start codon or a splice acceptor AG to a stop codon or a splice donor GT), or auto (each "
            + "sequence of 100 kb or more by which model explains its first 240 kb better; shorter ones follow the "
            + "last that chose). (default: auto)",
        valueName: "model"))
    var geneModel: GeneModelKind?

    @Option(help: ArgumentHelp(
        "Arithmetic of the network's convolutions after the first: fp32 (floats, as trained) or int8 (8-bit, "
            + "about twice as fast on CPUs with VNNI (AVX-512 VNNI or AVX-VNNI), slower elsewhere; the same output "
            + "on every CPU). "
            + "(default: fp32)", valueName: "precision"))
    var precision: Precision?

    private static let tableList = GeneticCode.supportedTables.map(String.init).joined(separator: ", ")

    /// Whether any of these options was given (`eval --track` takes none).
    var any: Bool {
        model != nil || readModel != nil || minLength != nil || window != nil || step != nil || smooth != nil
            || orfGate != nil || geneticCode != nil || geneModel != nil || precision != nil
    }

    /// Throws a `ValidationError` naming the option when a value is out of range (`ScanOptions.check`,
    /// the library's one check, spelled with options); `threshold` is the command's own `-T` and
    /// `threads` its `-t`, when it has them.
    func check(threshold: Float, threads: Int? = nil) throws {
        var options = ScanOptions(window: window, step: step, smooth: smooth, orfGate: orfGate)
        options.minLength = minLength
        options.threshold = threshold
        do { try options.check(threads: threads) } catch { throw ValidationError(error.commandLineText) }
        _ = try code()
    }

    /// The genetic code asked for (table 11 when none), or a `ValidationError` naming the tables.
    func code() throws -> GeneticCode {
        guard let geneticCode else { return .standard }
        guard let code = GeneticCode.ncbi(geneticCode) else {
            throw ValidationError("--genetic-code \(geneticCode) is not supported (tables: "
                + ScanSettingOptions.tableList + "; --orf-gate 0 turns the gate off)")
        }
        return code
    }

    /// The model and the read model these options name (`ModelSource`).
    func models() throws -> (model: Model, readModel: Model?) {
        (try ModelSource.load(path: model), try ModelSource.loadRead(option: readModel))
    }

    /// The model files these options name, which no output may replace.
    var modelFiles: [FileRole] {
        OutputGuard.model(model) + OutputGuard.model(readModel == ModelSource.noReadModel ? nil : readModel,
                                                     role: "the read model (--read-model)")
    }

    /// Scan options carrying these settings (every other field at its default).
    func scanOptions() throws -> ScanOptions {
        var options = ScanOptions(window: window, step: step, smooth: smooth, orfGate: orfGate)
        options.minLength = minLength
        options.geneticCode = try code()
        options.precision = precision ?? .fp32
        if let geneModel { options.geneModel?.kind = geneModel }
        return options
    }
}

extension GeneModelKind: ExpressibleByArgument {}
extension Precision: ExpressibleByArgument {}
