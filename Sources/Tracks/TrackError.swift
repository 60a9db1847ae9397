#if canImport(Glibc)
import Glibc
#endif

/// Errors of the output side. `description` is one line without a program prefix.
public enum TrackError: Error, CustomStringConvertible, Equatable {
    /// The reader of a pipe went away (EPIPE); a filter ends quietly on this.
    case brokenPipe
    /// write(2) failed, e.g. ENOSPC on `/dev/full`.
    case writeFailed(path: String, errno: Int32)
    /// The output file (or its temporary sibling) could not be created or renamed.
    case cannotCreate(path: String, errno: Int32)
    /// A bigWig could not be written as asked (`message` says why, naming record or index).
    case bigWig(path: String, message: String)

    public var description: String {
        switch self {
        case .brokenPipe:
            return "broken pipe"
        case let .writeFailed(path, code):
            return "\(path): write failed: \(String(cString: strerror(code)))"
        case let .cannotCreate(path, code):
            return "\(path): cannot create output: \(String(cString: strerror(code)))"
        case let .bigWig(path, message):
            return "\(path): \(message)"
        }
    }
}
