import ArgumentParser
import Windows

/// The range checks `scan` and `eval` share for --window, --step, --smooth, --orf-gate and --threshold (usage
/// errors, exit 64).
enum WindowOptionChecks {
    /// The help of `--smooth`, the same in `scan` and `eval`.
    static let smoothHelp = ArgumentHelp(
        "Average each window's probabilities (per strand) with those of the windows whose starts lie within "
            + "bp/2 of its own; 0 = off. (default: the model's smooth)", valueName: "bp")
    /// The help of `--orf-gate`, the same in `scan` and `eval`.
    static let orfGateHelp = ArgumentHelp(
        "Weigh each window's probability on a strand by how long the open reading frames through its bin are "
            + "on that strand: 0.5 at this ORF length, 0.91 at twice it, 0.09 at half; 0 = off. "
            + "(default: the model's orf_gate)", valueName: "bp")

    /// Throws a `ValidationError` naming the option when a value is out of range.
    /// The help of `--genetic-code`, the same in `scan` and `eval`.
    static let geneticCodeHelp = ArgumentHelp(
        "NCBI translation table whose stop codons end the ORF gate's open reading frames: "
            + GeneticCode.supportedTables.map(String.init).joined(separator: ", ")
            + " (4: Mycoplasma, TGA is Trp). (default: 11)", valueName: "table")

    /// The genetic code of `table` (nil: 11), or a `ValidationError` naming the tables there are.
    static func geneticCode(_ table: Int?) throws -> GeneticCode {
        guard let table else { return .standard }
        guard let code = GeneticCode.ncbi(table) else {
            throw ValidationError("--genetic-code \(table) is not supported (tables: "
                + GeneticCode.supportedTables.map(String.init).joined(separator: ", ")
                + "; --orf-gate 0 turns the gate off)")
        }
        return code
    }

    static func validate(window: Int?, step: Int?, smooth: Int?, orfGate: Int?, threshold: Float) throws {
        if let window, window < 1 { throw ValidationError("--window must be at least 1 (got \(window))") }
        if let step, step < 1 { throw ValidationError("--step must be at least 1 (got \(step))") }
        if let smooth, smooth < 0 { throw ValidationError("--smooth must be at least 0 (got \(smooth))") }
        if let orfGate, orfGate < 0 || orfGate > ORFGate.lengthCap {
            throw ValidationError("--orf-gate must be between 0 and \(ORFGate.lengthCap) (got \(orfGate))")
        }
        if let window, let step, step > window {
            throw ValidationError("--step (\(step)) must not exceed --window (\(window))")
        }
        if !(threshold >= 0 && threshold <= 1) {
            throw ValidationError("--threshold must be between 0 and 1 (got \(threshold))")
        }
    }
}
