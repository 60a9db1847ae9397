import GenomeCore
import ModelFormat

/// The `##` lines at the top of a TSV track: what made it.
enum Provenance {
    /// `source=codingscan VERSION`, `model=NAME`, `model_sha256=HEX`, `command=ARGV` (shell-quoted;
    /// the program as `codingscan` whatever path ran it, so the line is the same from any directory
    /// layout).
    static func lines(model: Model, arguments: [String] = CommandLine.arguments) -> [String] {
        let words = ["codingscan"] + arguments.dropFirst().map(ShellWord.quoted)
        return [
            "source=codingscan \(CodingScan.version)",
            "model=\(PrintableText.oneLine(model.metadata.name))",
            "model_sha256=\(model.sha256)",
            "command=\(words.joined(separator: " "))",
        ]
    }
}
