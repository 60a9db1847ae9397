#if canImport(Glibc)
import Glibc
#endif

/// Reads a whole small file (a model, a `.fai`, a bedGraph to evaluate) with stdio, optionally bounded.
public enum WholeFile {
    /// Why a file could not be read whole.
    public enum Failure: Error, Equatable, Sendable {
        /// fopen(3) failed with `errno`.
        case cannotOpen(errno: Int32)
        /// fread(3) failed with `errno` (a directory reads as EISDIR).
        case cannotRead(errno: Int32)
        /// A device, socket or other non-regular file, refused because it may never end.
        case device
        /// A regular file of `size` bytes, or a pipe that went on (`size` nil), past `limit` bytes.
        case tooLarge(size: Int?, limit: Int)

        /// The system's words for the open and read failures; the refusal otherwise.
        public var reason: String {
            switch self {
            case let .cannotOpen(code), let .cannotRead(code): return String(cString: strerror(code))
            case .device: return "not a regular file or pipe (a device never ends)"
            case let .tooLarge(size?, limit): return "file is \(size) bytes, larger than the \(limit)-byte limit"
            case let .tooLarge(nil, limit): return "more than the \(limit)-byte limit"
            }
        }
    }

    /// All bytes of `path`, read to its end. With `limit`, a larger regular file is refused before
    /// reading and a pipe is read no further than `limit + 1` bytes; with `refuseDevices`, anything but
    /// a regular file or a pipe is refused before reading. A directory fails as `cannotRead(EISDIR)`.
    public static func read(_ path: String, limit: Int? = nil, refuseDevices: Bool = false) throws(Failure) -> [UInt8] {
        var info = stat()
        if stat(path, &info) == 0 {
            switch UInt32(info.st_mode) & UInt32(S_IFMT) {
            case UInt32(S_IFREG):
                if let limit, Int(info.st_size) > limit { throw .tooLarge(size: Int(info.st_size), limit: limit) }
            case UInt32(S_IFDIR):
                throw .cannotRead(errno: EISDIR)
            case UInt32(S_IFIFO):
                break
            default:
                if refuseDevices { throw .device }
            }
        }
        guard let file = fopen(path, "rb") else { throw .cannotOpen(errno: errno) }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            bytes.append(contentsOf: chunk[0..<n])
            if let limit, bytes.count > limit { throw .tooLarge(size: nil, limit: limit) }
            if n < chunk.count {
                if ferror(file) != 0 { throw .cannotRead(errno: errno) }
                break
            }
        }
        return bytes
    }
}
