import ModelFormat

/// The `##` lines at the top of a TSV track: what made it.
enum Provenance {
    /// `source=codingscan VERSION`, `model=NAME`, `model_sha256=HEX`, `command=ARGV` (shell-quoted;
    /// the program as `codingscan` whatever path ran it, so the line is the same from any directory
    /// layout).
    static func lines(model: Model, arguments: [String] = CommandLine.arguments) -> [String] {
        let words = ["codingscan"] + arguments.dropFirst().map(shellQuoted)
        return [
            "source=codingscan \(CodingScan.version)",
            "model=\(oneLine(model.metadata.name))",
            "model_sha256=\(model.sha256)",
            "command=\(words.joined(separator: " "))",
        ]
    }

    /// `word` as a POSIX shell reads it back: bare when only safe characters, else in single quotes
    /// (`'` as `'\''`); with control characters, `$'…'` with escapes so the line stays one line.
    static func shellQuoted(_ word: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_@%+=:,./-")
        if !word.isEmpty && word.allSatisfy({ safe.contains($0) }) { return word }
        if word.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) {
            var out = "$'"
            for s in word.unicodeScalars {
                switch s {
                case "\n": out += "\\n"
                case "\t": out += "\\t"
                case "\r": out += "\\r"
                case "\\": out += "\\\\"
                case "'": out += "\\'"
                default:
                    if s.value < 0x20 || s.value == 0x7f {
                        let hex = String(s.value, radix: 16)
                        out += "\\x" + (hex.count < 2 ? "0" : "") + hex
                    } else {
                        out.unicodeScalars.append(s)
                    }
                }
            }
            return out + "'"
        }
        var quoted = "'"
        for c in word { quoted += c == "'" ? "'\\''" : String(c) }
        return quoted + "'"
    }

    /// `text` with control characters as spaces.
    private static func oneLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7f ? " " : $0 }))
    }
}
