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
}
