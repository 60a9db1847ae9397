#if canImport(Glibc)
import Glibc
#endif

/// Checks, before a long run, that its output file can be created where it is asked for, so a typo in
/// `train -o` or `eval --plot` fails at once instead of after minutes of training or scanning.
enum OutputPreflight {
    /// Why `path` cannot be written (the system's reason, as `strerror` words it), or nil when `path` is
    /// not a directory and its directory exists and is writable by this process.
    static func problem(writing path: String) -> String? {
        var s = stat()
        if stat(path, &s) == 0 && (s.st_mode & S_IFMT) == S_IFDIR { return String(cString: strerror(EISDIR)) }
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        if access(directory, W_OK | X_OK) != 0 { return String(cString: strerror(errno)) }
        return nil
    }
}
