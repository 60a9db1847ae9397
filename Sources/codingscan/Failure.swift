#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser

/// A failure the executable reports as one line on stderr, then exits with its status.
enum Failure: Error {
    /// Input, output or model error: exit 1.
    case message(String)
    /// Usage error: exit 64.
    case usage(String)
    /// The output pipe was closed by its reader: exit quietly.
    case brokenPipe

    /// Prints the message and exits.
    func exit() -> Never {
        switch self {
        case let .message(text):
            Stderr.line("codingscan: \(text)")
            Glibc.exit(1)
        case let .usage(text):
            Stderr.line("codingscan: \(text)")
            Glibc.exit(64)
        case .brokenPipe:
            // As if killed by SIGPIPE, like samtools: status 141, no message.
            signal(SIGPIPE, SIG_DFL)
            raise(SIGPIPE)
            Glibc.exit(141)
        }
    }
}

/// Writes to standard error without buffering surprises.
enum Stderr {
    static func line(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.append(10)
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(STDERR_FILENO, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { return }
                offset += n
            }
        }
    }
}
