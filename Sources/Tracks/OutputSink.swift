import GenomeCore

/// A buffered byte writer on standard output or an `OutputFile` that reports every write error.
///
/// To a path it writes as `OutputFile` does: a regular file through a temporary file renamed over the
/// target only in `commit()` (a failed or interrupted run never leaves a truncated track under the
/// final name); a device or FIFO directly. To standard output it writes straight through.
public final class OutputSink {
    /// Name used in messages: the target path, or "stdout".
    public var name: String { file.path }
    /// The temporary file written until `commit()` renames it (nil for stdout, devices and FIFOs).
    public var temporary: String? { file.temporary }
    private let file: OutputFile
    /// Write BGZF blocks (`BGZFBlocks`) instead of the bytes, ending with the EOF block.
    public let compressed: Bool
    private var buffer: [UInt8] = []
    /// Bytes buffered before a write: one BGZF block's input when compressing.
    private var capacity: Int { compressed ? BGZFBlocks.blockInput : 1 << 16 }

    /// A sink on standard output.
    public init() {
        file = OutputFile()
        compressed = false
        buffer.reserveCapacity(capacity)
    }

    /// A sink that will become the file at `path` on `commit()` (see `OutputFile`); with `compress`
    /// (default: a `.gz` or `.bgz` name), the file is BGZF, ready for `tabix`.
    public init(path: String, compress: Bool? = nil) throws(TrackError) {
        do { file = try OutputFile(path: path) } catch { throw TrackError(error) }
        compressed = compress ?? OutputName.impliesBGZF(path)
        buffer.reserveCapacity(capacity)
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
        defer { buffer.removeAll(keepingCapacity: true) }
        let bytes = compressed ? try BGZFBlocks.compress(buffer[...]) : buffer
        do { try file.write(bytes) } catch { throw TrackError(error) }
    }

    /// Flushes, closes and, for a regular file, renames the temporary file to the target.
    public func commit() throws(TrackError) {
        do { try flush() } catch {
            file.abandon()
            throw error
        }
        if compressed {
            do { try file.write(BGZFBlocks.endOfFile) } catch {
                file.abandon()
                throw TrackError(error)
            }
        }
        do { try file.commit() } catch { throw TrackError(error) }
    }

    /// Drops the output: for a regular file, the temporary file is removed and the target left untouched.
    public func abandon() {
        buffer.removeAll()
        file.abandon()
    }
}
