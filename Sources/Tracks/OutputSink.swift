#if canImport(Glibc)
import Glibc
#endif

/// A buffered byte writer on a file descriptor that reports every write error.
///
/// To a path, it writes a temporary file beside the target (`.NAME.tmp-XXXXXX`) and renames it over
/// the target only in `commit()`, so a failed or interrupted run never leaves a truncated track under
/// the final name. To standard output it writes straight through.
public final class OutputSink {
    /// Name used in messages: the target path, or "stdout".
    public let name: String
    private let fd: Int32
    private let target: String?
    /// The temporary file written until `commit()` renames it (nil for stdout).
    public let temporary: String?
    private var buffer: [UInt8] = []
    private let capacity = 1 << 16
    private var closed = false

    /// A sink on standard output.
    public init() {
        name = "stdout"
        fd = STDOUT_FILENO
        target = nil
        temporary = nil
        buffer.reserveCapacity(capacity)
    }

    /// A sink that will atomically become the file at `path` on `commit()`.
    public init(path: String) throws(TrackError) {
        name = path
        target = path
        let slash = path.lastIndex(of: "/")
        let dir = slash.map { String(path[...$0]) } ?? ""
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var template = Array("\(dir).\(base).tmp-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if made < 0 { throw .cannotCreate(path: path, errno: errno) }
        fd = made
        temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        // mkstemp creates 0600; give the file the usual 0666 & ~umask.
        let mask = umask(0)
        umask(mask)
        fchmod(fd, 0o666 & ~mask)
        buffer.reserveCapacity(capacity)
    }

    deinit {
        if !closed { abandon() }
    }

    /// Appends bytes, flushing when the buffer is full.
    public func write(_ bytes: [UInt8]) throws(TrackError) {
        try write(bytes[...])
    }

    public func write(_ bytes: ArraySlice<UInt8>) throws(TrackError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    public func write(_ text: String) throws(TrackError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= capacity { try flush() }
    }

    /// Writes out everything buffered.
    public func flush() throws(TrackError) {
        var offset = 0
        let count = buffer.count
        while offset < count {
            let n = buffer.withUnsafeBytes { raw in
                Glibc.write(fd, raw.baseAddress! + offset, count - offset)
            }
            if n < 0 {
                let code = errno
                if code == EINTR { continue }
                buffer.removeAll(keepingCapacity: true)
                if code == EPIPE { throw .brokenPipe }
                throw .writeFailed(path: name, errno: code)
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, closes and, for a file, renames the temporary file to the target.
    public func commit() throws(TrackError) {
        try flush()
        closed = true
        guard let target, let temporary else { return }
        if fsync(fd) != 0 && errno != EINVAL {
            let code = errno
            close(fd); unlink(temporary)
            throw .writeFailed(path: target, errno: code)
        }
        if close(fd) != 0 {
            let code = errno
            unlink(temporary)
            throw .writeFailed(path: target, errno: code)
        }
        if rename(temporary, target) != 0 {
            let code = errno
            unlink(temporary)
            throw .cannotCreate(path: target, errno: code)
        }
    }

    /// Drops the output: for a file, the temporary file is removed and the target left untouched.
    public func abandon() {
        closed = true
        buffer.removeAll()
        if let temporary {
            close(fd)
            unlink(temporary)
        }
    }
}
