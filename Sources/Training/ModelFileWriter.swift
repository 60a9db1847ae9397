#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file atomically: a temporary file in the same directory, flushed to disk, then renamed
/// over the destination, so readers see either the old file or the complete new one.
public enum ModelFileWriter {
    /// Writes `bytes` to `path` (permissions 0666 less the umask). On failure the temporary file is
    /// removed and the destination is untouched.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(TrainingError) {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !base.isEmpty else { throw .cannotWrite(path: path, reason: "not a file name") }
        var template = Array((directory + "." + base + ".tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        func fail(_ code: Int32) -> TrainingError {
            close(fd)
            unlink(temporary)
            return .cannotWrite(path: path, reason: String(cString: strerror(code)))
        }
        let mask = umask(0)
        umask(mask)
        if fchmod(fd, 0o666 & ~mask) != 0 { throw fail(errno) }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw fail(errno)
            }
            offset += n
        }
        if fsync(fd) != 0 { throw fail(errno) }
        if close(fd) != 0 {
            let code = errno
            unlink(temporary)
            throw .cannotWrite(path: path, reason: String(cString: strerror(code)))
        }
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw .cannotWrite(path: path, reason: String(cString: strerror(code)))
        }
    }
}
