#if canImport(Glibc)
import Glibc
#endif

/// Why an output file could not be opened, written or finished. `description` is one line naming the
/// path, without a program prefix.
public enum OutputFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file (or its temporary sibling) could not be created, opened or renamed; `errno` says why.
    case cannotCreate(path: String, errno: Int32)
    /// The path names something that is never written: a directory, a block device, a dangling link.
    case unsuitable(path: String, reason: String)
    /// write(2), fsync(2) or close(2) failed, e.g. ENOSPC on a full disk or `/dev/full`.
    case writeFailed(path: String, errno: Int32)
    /// The reader of a pipe went away (EPIPE).
    case brokenPipe

    public var description: String {
        switch self {
        case let .cannotCreate(path, code):
            return "\(path): cannot create output: \(String(cString: strerror(code)))"
        case let .unsuitable(path, reason):
            return "\(path): cannot create output: \(reason)"
        case let .writeFailed(path, code):
            return "\(path): write failed: \(String(cString: strerror(code)))"
        case .brokenPipe:
            return "broken pipe"
        }
    }
}

extension OutputFileError {
    /// The reason alone, without the path: the system's words (`strerror`) or the refusal.
    public var reason: String {
        switch self {
        case let .cannotCreate(_, code), let .writeFailed(_, code): return String(cString: strerror(code))
        case let .unsuitable(_, reason): return reason
        case .brokenPipe: return String(cString: strerror(EPIPE))
        }
    }
}
