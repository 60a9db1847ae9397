import CHTSlib
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits the decompressed bytes of an open BGZF handle (plain, gzip or BGZF file) into lines.
///
/// Lines end at `\n`; a trailing `\r` is removed; the last line may lack its newline. Each line is
/// returned as a buffer that stays valid until the next call of `next()`. `lineNumber` is the 1-based
/// number of the line returned last (0 before the first). The reader never closes the handle.
final class LineReader {
    /// Why reading stopped early.
    enum Failure: Error {
        /// `bgzf_read` failed, or a BGZF stream ended without its end-of-file block.
        case truncated
        /// The operating system reported an error; the payload is `errno`.
        case io(Int32)
        /// A line longer than `maximumLineLength` bytes.
        case lineTooLong
    }

    /// Longest line accepted, in bytes (without the newline).
    let maximumLineLength: Int
    /// 1-based number of the line returned by the last `next()`; 0 before the first.
    private(set) var lineNumber = 0
    /// Total bytes read from the stream so far (decompressed).
    private(set) var bytesRead = 0

    private let handle: UnsafeMutablePointer<BGZF>
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Unconsumed bytes are `buffer[position..<end]`.
    private var position = 0
    private var end = 0
    private var atEnd = false

    /// Wraps `handle`; reads in blocks of `blockSize` bytes and grows its buffer for long lines up to
    /// `maximumLineLength` bytes.
    init(handle: UnsafeMutablePointer<BGZF>, blockSize: Int = 1 << 20, maximumLineLength: Int = 16 << 20) {
        self.handle = handle
        self.maximumLineLength = max(1, maximumLineLength)
        capacity = max(16, blockSize)
        buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    }

    deinit {
        buffer.deallocate()
    }

    /// The next line without its line end, or nil at the end of the input.
    func next() throws(Failure) -> UnsafeBufferPointer<UInt8>? {
        var searchFrom = position
        while true {
            if searchFrom < end, let found = memchr(buffer + searchFrom, 0x0A, end - searchFrom) {
                let newline = buffer.distance(to: found.assumingMemoryBound(to: UInt8.self))
                return emit(upTo: newline, consuming: newline + 1)
            }
            if end - position > maximumLineLength {
                throw .lineTooLong
            }
            searchFrom = end
            if atEnd {
                if position < end { return emit(upTo: end, consuming: end) }
                return nil
            }
            let before = end - position
            try fill()
            searchFrom = position + before
        }
    }

    /// Returns `buffer[position..<stop]` minus a trailing CR, and moves `position` to `next`.
    private func emit(upTo stop: Int, consuming next: Int) -> UnsafeBufferPointer<UInt8> {
        lineNumber += 1
        var last = stop
        if last > position && buffer[last - 1] == 0x0D { last -= 1 }
        let line = UnsafeBufferPointer(start: buffer + position, count: last - position)
        position = next
        return line
    }

    /// Moves the unconsumed bytes to the front (growing the buffer when it is full) and reads one more
    /// block after them; sets `atEnd` at the end of the stream.
    private func fill() throws(Failure) {
        let pending = end - position
        if position > 0 {
            if pending > 0 { memmove(buffer, buffer + position, pending) }
            position = 0
            end = pending
        }
        if end == capacity {
            let grown = capacity * 2
            let replacement = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            replacement.update(from: buffer, count: end)
            buffer.deallocate()
            buffer = replacement
            capacity = grown
        }
        errno = 0
        let count = cs_bgzf_read(handle, buffer + end, capacity - end)
        if count < 0 {
            atEnd = true
            let code = errno
            // htslib reports decompression failures through `errcode`; plain read errors set errno.
            if handle.pointee.is_compressed == 0 && code != 0 { throw .io(code) }
            throw .truncated
        }
        if count == 0 {
            atEnd = true
            let blocked = handle.pointee.is_compressed != 0 && handle.pointee.is_gzip == 0
            if blocked && handle.pointee.last_block_eof == 0 { throw .truncated }
            return
        }
        end += count
        bytesRead += count
    }
}
