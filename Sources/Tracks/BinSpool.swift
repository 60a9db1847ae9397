#if canImport(Glibc)
import Glibc
#endif

/// Bins (start, end, value: UInt32, UInt32, Float; 12 bytes) kept in an anonymous temporary file
/// until a bigWig's sequence sizes are known, in bounded memory.
///
/// The file is made in `directory` (beside the output) and unlinked at once, so nothing is left
/// behind whatever happens to the process; it is read back from the start in the order written.
final class BinSpool {
    private let fd: Int32
    private let name: String
    private var buffer: [UInt8] = []
    private let capacity = 1 << 16
    private var readBuffer: [UInt8] = []
    private var readOffset = 0
    private var reading = false

    /// `name`: the output named in messages.
    init(directory: String, name: String) throws(TrackError) {
        self.name = name
        var template = Array("\(directory).codingscan-spool-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if made < 0 { throw .cannotCreate(path: name, errno: errno) }
        fd = made
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        buffer.reserveCapacity(capacity)
    }

    deinit { close(fd) }

    /// Appends one bin.
    func append(start: UInt32, end: UInt32, value: Float) throws(TrackError) {
        for word in [start, end, value.bitPattern] {
            withUnsafeBytes(of: word.littleEndian) { buffer.append(contentsOf: $0) }
        }
        if buffer.count >= capacity { try flush() }
    }

    /// Reads the next `count` bins into the arrays (replacing their contents); call only after all appends.
    func read(count: Int, starts: inout [UInt32], ends: inout [UInt32], values: inout [Float]) throws(TrackError) {
        if !reading {
            try flush()
            reading = true
            if lseek(fd, 0, SEEK_SET) < 0 { throw .writeFailed(path: name, errno: errno) }
        }
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        for _ in 0..<count {
            if readOffset + 12 > readBuffer.count { try refill() }
            let words = readBuffer.withUnsafeBytes { raw in
                (0..<3).map { UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: readOffset + 4 * $0, as: UInt32.self)) }
            }
            readOffset += 12
            starts.append(words[0])
            ends.append(words[1])
            values.append(Float(bitPattern: words[2]))
        }
    }

    private func refill() throws(TrackError) {
        let rest = Array(readBuffer[readOffset...])
        readBuffer = rest + [UInt8](repeating: 0, count: capacity)
        var filled = rest.count
        while filled < 12 {
            let n = readBuffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { throw .writeFailed(path: name, errno: errno) }
            if n == 0 { throw .bigWig(path: name, message: "temporary bin file ended early") }
            filled += n
        }
        readBuffer.removeLast(readBuffer.count - filled)
        readOffset = 0
    }

    private func flush() throws(TrackError) {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { throw .writeFailed(path: name, errno: errno) }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
