#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Clock, threads and argument helpers of `codingscan-bench`.
enum BenchSupport {
    /// Runs `body(0 ..< threads)` on `threads` threads at once and waits for all.
    static func parallel(_ threads: Int, _ body: @escaping @Sendable (Int) -> Void) {
        if threads == 1 { body(0); return }
        let done = DispatchSemaphore(value: 0)
        for index in 0..<threads {
            let thread = Thread { body(index); done.signal() }
            thread.stackSize = 8 << 20
            thread.start()
        }
        for _ in 0..<threads { done.wait() }
    }

    /// The value after `--name` in `arguments`, or nil.
    static func option(_ name: String, _ arguments: [String]) -> String? {
        guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
        return arguments[i + 1]
    }

    /// Writes a line to stderr and exits with status 64.
    static func usage(_ message: String) -> Never {
        FileHandle.standardError.write(Data("codingscan-bench: \(message)\n".utf8))
        exit(64)
    }

    /// Online processors.
    static var cores: Int { ProcessInfo.processInfo.activeProcessorCount }
}
