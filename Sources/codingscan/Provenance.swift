import GenomeCore
import ModelFormat

/// The `##` lines at the top of a TSV track: what made it.
enum Provenance {
    /// `source=codingscan VERSION`, `model=NAME`, `model_sha256=HEX`, with a read model
    /// `read_model=NAME` and `read_model_sha256=HEX`, then `command=ARGV` (shell-quoted; the program as
    /// `codingscan` whatever path ran it, so the line is the same from any directory layout).
    static func lines(model: Model, readModel: Model? = nil, arguments: [String] = CommandLine.arguments) -> [String] {
        let words = ["codingscan"] + arguments.dropFirst().map(ShellWord.quoted)
        var lines = [
            "source=codingscan \(CodingScan.version)",
            "model=\(PrintableText.oneLine(model.metadata.name))",
            "model_sha256=\(model.sha256)",
        ]
        if let readModel {
            lines += ["read_model=\(PrintableText.oneLine(readModel.metadata.name))",
                      "read_model_sha256=\(readModel.sha256)"]
        }
        return lines + ["command=\(words.joined(separator: " "))"]
    }
}
