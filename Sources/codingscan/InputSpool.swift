#if canImport(Glibc)
import Glibc
#endif
import GenomeCore

/// Inputs that can be read twice (`--adapt`): standard input and other inputs that are not regular
/// files (pipes, FIFOs, process substitution) are copied byte for byte to temporary files first; files
/// and URLs are read in place. The copies are removed by `remove()`, and on ^C (`Interrupts`).
struct InputSpool {
    /// The paths to read, one per input, in order.
    let paths: [String]
    /// The temporary copies among them.
    private let copies: [String]

    init(inputs: [String]) throws {
        var paths: [String] = [], copies: [String] = []
        do {
            for input in inputs {
                if input.contains("://") || InputSpool.isRegularFile(input) {
                    paths.append(input)
                    continue
                }
                let copy = try InputSpool.spool(input)
                copies.append(copy)
                paths.append(copy)
            }
        } catch {
            for copy in copies { unlink(copy) }
            throw error
        }
        self.paths = paths
        self.copies = copies
    }

    /// Removes the copies.
    func remove() {
        for copy in copies {
            unlink(copy)
            Interrupts.release(temporary: copy)
        }
    }

    private static func isRegularFile(_ path: String) -> Bool {
        guard path != "-" else { return false }
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// Copies `input` ("-": standard input) to a new file under `$TMPDIR` (or /tmp).
    private static func spool(_ input: String) throws -> String {
        let directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array("\(directory)/codingscan-adapt-XXXXXX".utf8CString)
        let out = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard out >= 0 else {
            throw Failure.message("--adapt: cannot create a temporary copy of \(PathName.display(input)) in \(directory): "
                + String(cString: strerror(errno)))
        }
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        Interrupts.protect(temporary: path)
        defer { close(out) }
        let source = input == "-" ? STDIN_FILENO : open(input, O_RDONLY)
        guard source >= 0 else {
            unlink(path)
            throw Failure.message("\(input): cannot open: \(String(cString: strerror(errno)))")
        }
        defer { if source != STDIN_FILENO { close(source) } }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                unlink(path)
                throw Failure.message("\(PathName.display(input)): read error: \(String(cString: strerror(errno)))")
            }
            var written = 0
            while written < n {
                let w = buffer.withUnsafeBytes { write(out, $0.baseAddress! + written, n - written) }
                if w < 0 {
                    if errno == EINTR { continue }
                    unlink(path)
                    throw Failure.message("--adapt: cannot write the temporary copy \(path): \(String(cString: strerror(errno)))")
                }
                written += w
            }
        }
        return path
    }
}
