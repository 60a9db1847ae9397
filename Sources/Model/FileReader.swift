#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file with stdio, reporting failures as `ModelError`s carrying the system's reason.
enum FileReader {
    /// All bytes of the file at `path` (regular file or pipe), read to end of file.
    static func readAll(path: String) throws(ModelError) -> [UInt8] {
        guard let file = fopen(path, "rb") else {
            throw ModelError(source: path, kind: .io, message: "cannot open: \(reason(errno))")
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            bytes.append(contentsOf: chunk[0..<n])
            if n < chunk.count {
                if ferror(file) != 0 {
                    throw ModelError(source: path, kind: .io, message: "cannot read: \(reason(errno))")
                }
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
