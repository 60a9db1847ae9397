#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole model file with stdio, bounded by `ModelLimits.fileBytes`, reporting failures as
/// `ModelError`s carrying the system's reason.
enum FileReader {
    /// All bytes of the file at `path`: a regular file no larger than `limit`, or a pipe that ends within
    /// `limit` bytes. Devices (`/dev/zero`), directories and sockets are refused before reading.
    static func readAll(path: String, limit: Int = ModelLimits.fileBytes) throws(ModelError) -> [UInt8] {
        func fail(_ message: String) -> ModelError { ModelError(source: path, kind: .io, message: message) }
        var info = stat()
        if stat(path, &info) == 0 {
            switch UInt32(info.st_mode) & UInt32(S_IFMT) {
            case UInt32(S_IFREG):
                if Int(info.st_size) > limit {
                    throw fail("file is \(info.st_size) bytes, larger than the \(limit)-byte limit of a model file")
                }
            case UInt32(S_IFIFO):
                break
            case UInt32(S_IFDIR):
                throw fail("cannot read: \(reason(EISDIR))")
            default:
                throw fail("not a regular file or pipe (a device never ends); give a model file")
            }
        }
        guard let file = fopen(path, "rb") else { throw fail("cannot open: \(reason(errno))") }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > limit {
                throw fail("more than the \(limit)-byte limit of a model file")
            }
            if n < chunk.count {
                if ferror(file) != 0 { throw fail("cannot read: \(reason(errno))") }
                break
            }
        }
        return bytes
    }

    /// `strerror` text for an errno value.
    private static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
