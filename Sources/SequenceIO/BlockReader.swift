import CHTSlib
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the decompressed bytes of an open text-format `htsFile` in blocks of `capacity` bytes.
///
/// Compressed inputs (gzip or BGZF) are read with `bgzf_read` on the file's BGZF stream, plain ones
/// with `hread` on its hFILE. Both streams start at byte 0 of the content: `hts_open` only peeks
/// while detecting the format. The reader owns one buffer of `capacity` bytes; `bytes[position..<end]`
/// are the bytes not yet consumed. It never closes the file.
final class BlockReader {
    /// Why a refill failed.
    enum Failure: Error {
        /// `bgzf_read` failed (truncated or corrupt gzip/BGZF data), or a BGZF stream ended without
        /// its end-of-file block.
        case truncated
        /// `hread` failed; the payload is `errno`.
        case io(Int32)
    }

    private enum Handle {
        case bgzf(UnsafeMutablePointer<BGZF>, requireEOFBlock: Bool)
        case plain(UnsafeMutablePointer<hFILE>)
    }

    /// The block buffer; valid bytes are `bytes[position..<end]`.
    let bytes: UnsafeMutablePointer<UInt8>
    /// Size of the block buffer in bytes (>= 1).
    let capacity: Int
    /// Index of the next unconsumed byte.
    var position = 0
    /// One past the last valid byte.
    private(set) var end = 0
    /// True once the stream has reported its end; further refills return false.
    private(set) var atEnd = false
    private let stream: Handle
    /// A failure met while filling the current block, thrown by the next refill.
    private var pendingFailure: Failure?
    /// Largest request passed to one `bgzf_read` call (the BGZF block size).
    private static let bgzfChunk = 65_536

    /// Wraps the content stream of `file`. With `compression` other than `no_compression`, the BGZF
    /// stream is used; a `bgzf` (blocked) stream must end with the BGZF end-of-file block, or the
    /// last refill throws `.truncated`.
    init(file: UnsafeMutablePointer<htsFile>, compression: htsCompression, capacity: Int) {
        self.capacity = max(1, capacity)
        bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: self.capacity)
        if compression == no_compression {
            stream = .plain(cs_hts_hfile(file))
        } else {
            stream = .bgzf(cs_hts_bgzf(file), requireEOFBlock: compression == bgzf)
        }
    }

    deinit {
        bytes.deallocate()
    }

    /// True when every byte read so far has been consumed.
    @inline(__always)
    var isEmpty: Bool { position >= end }

    /// Discards the consumed bytes and reads the next block. Returns false at the end of the content
    /// (then, and on a thrown error, the buffer is empty). A failure met after some bytes of the block
    /// were read is thrown by the following call, so those bytes are still parsed first.
    func refill() throws(Failure) -> Bool {
        position = 0
        end = 0
        if let failure = pendingFailure {
            pendingFailure = nil
            atEnd = true
            throw failure
        }
        if atEnd { return false }
        switch stream {
        case let .bgzf(handle, requireEOFBlock):
            // Read at most one BGZF block's worth per call: when bgzf_read fails it returns -1 and the
            // bytes it had copied are lost, so small calls keep the reported position close.
            while end < capacity {
                let count = cs_bgzf_read(handle, bytes + end, min(capacity - end, Self.bgzfChunk))
                if count < 0 { pendingFailure = .truncated; break }
                if count == 0 {
                    atEnd = true
                    if requireEOFBlock && handle.pointee.last_block_eof == 0 { pendingFailure = .truncated }
                    break
                }
                end += count
            }
        case let .plain(handle):
            errno = 0
            let count = cs_hread(handle, bytes, capacity)
            if count < 0 {
                let code = errno
                pendingFailure = .io(code != 0 ? code : EIO)
            } else if count == 0 {
                atEnd = true
            } else {
                end = count
            }
        }
        if end > 0 { return true }
        return try refill()
    }

    /// The next unconsumed byte without consuming it, refilling as needed; nil at the end of content.
    @inline(__always)
    func peek() throws(Failure) -> UInt8? {
        if position >= end {
            guard try refill() else { return nil }
        }
        return bytes[position]
    }
}
