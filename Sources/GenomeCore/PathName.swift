/// How paths are named to users: `-` is standard input.
public enum PathName {
    /// `"stdin"` for `"-"`, else the path as given (messages).
    public static func display(_ path: String) -> String {
        path == "-" ? "stdin" : path
    }

    /// The last path component, trailing slashes ignored (`/` for the root); `"stdin"` for `"-"`.
    public static func base(_ path: String) -> String {
        if path == "-" { return "stdin" }
        return path.split(separator: "/").last.map(String.init) ?? (path.hasPrefix("/") ? "/" : path)
    }

    /// The parent folder and last component (`ecoli/genome.fa.gz` for `/data/ecoli/genome.fa.gz`), or the
    /// last component alone when there is no parent; `"stdin"` for `"-"`. Names a file in a record
    /// (model provenance) without the absolute paths of the machine that wrote it.
    public static func short(_ path: String) -> String {
        if path == "-" { return "stdin" }
        let parts = path.split(separator: "/").filter { $0 != "." }
        guard parts.count >= 2 else { return base(path) }
        return parts.suffix(2).joined(separator: "/")
    }
}
