/// Command lines recorded in outputs (TSV provenance, model provenance), quoted one way.
public enum ShellWord {
    /// `word` as a POSIX shell reads it back: bare when only safe characters, else in single quotes
    /// (`'` as `'\''`); with control characters, `$'…'` with escapes so the line stays one line.
    public static func quoted(_ word: String) -> String {
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
}
