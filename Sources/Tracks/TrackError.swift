import GenomeCore

/// Errors of the output side. `description` is one line without a program prefix.
public enum TrackError: Error, CustomStringConvertible, Equatable {
    /// The reader of a pipe went away (EPIPE); a filter ends quietly on this.
    case brokenPipe
    /// The output file could not be created, written or finished (ENOSPC on `/dev/full`, a directory, ...).
    case file(OutputFileError)
    /// A bigWig could not be written as asked (`message` says why, naming record or index).
    case bigWig(path: String, message: String)
    /// Compressing the output failed (`message` says how).
    case compression(message: String)
    /// A track being read (`BedGraphReader`) could not be opened or read, or has a malformed `line`
    /// (1-based; 0 when the file as a whole failed).
    case unreadable(path: String, line: Int, message: String)

    /// The same failure of an `OutputFile` (a broken pipe stays `.brokenPipe`).
    public init(_ error: OutputFileError) {
        self = error == .brokenPipe ? .brokenPipe : .file(error)
    }

    /// write(2) or a seek on `path` failed with `errno`.
    static func writeFailed(path: String, errno: Int32) -> TrackError { .file(.writeFailed(path: path, errno: errno)) }
    /// `path` (or its temporary sibling) could not be created, with `errno`.
    static func cannotCreate(path: String, errno: Int32) -> TrackError { .file(.cannotCreate(path: path, errno: errno)) }

    public var description: String {
        switch self {
        case .brokenPipe: return "broken pipe"
        case let .file(error): return error.description
        case let .bigWig(path, message): return "\(path): \(message)"
        case let .compression(message): return message
        case let .unreadable(path, line, message):
            return line > 0 ? "\(path): line \(line): \(message)" : "\(path): \(message)"
        }
    }
}
