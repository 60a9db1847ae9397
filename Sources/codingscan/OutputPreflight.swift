#if canImport(Glibc)
import Glibc
#endif

/// Checks, before a long run, that its output file can be created where it is asked for, so a typo in
/// `train -o` or `eval --plot` fails at once instead of after minutes of training or scanning.
enum OutputPreflight {
    /// Why `path` cannot be written (the system's reason, as `strerror` words it), or nil when it is an
    /// existing writable device or FIFO, or it is not a directory and its directory exists and is writable.
    static func problem(writing path: String) -> String? {
        var s = stat()
        if stat(path, &s) == 0 {
            switch UInt32(s.st_mode) & UInt32(S_IFMT) {
            case UInt32(S_IFDIR):
                return String(cString: strerror(EISDIR))
            case UInt32(S_IFCHR), UInt32(S_IFIFO), UInt32(S_IFSOCK):
                return access(path, W_OK) == 0 ? nil : String(cString: strerror(errno))
            case UInt32(S_IFREG):
                break
            default:
                return "a block device (write a regular file, a character device or a FIFO)"
            }
        }
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        if access(directory, W_OK | X_OK) != 0 { return String(cString: strerror(errno)) }
        return nil
    }
}
