#if canImport(Glibc)
import Glibc
#endif

/// Reads a small text file whole (a bedGraph track for evaluation, a `.fai` index).
public enum TextFile {
    /// The file's bytes as UTF-8 text; throws the strerror text.
    public static func read(_ path: String) throws(TextFileError) -> String {
        guard let file = fopen(path, "rb") else { throw TextFileError(message: String(cString: strerror(errno))) }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = fread(&chunk, 1, chunk.count, file)
            if n > 0 { bytes.append(contentsOf: chunk[0..<n]) }
            if n < chunk.count {
                if ferror(file) != 0 { throw TextFileError(message: String(cString: strerror(errno))) }
                break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A failed read, with the system's message.
public struct TextFileError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
