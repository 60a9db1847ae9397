import CHTSlib

/// BGZF compression of a byte stream, block by block (htslib's `bgzf_compress`), so that a text track
/// named `*.gz` or `*.bgz` is what `tabix` and `bgzip -d` read: gzip members of at most 65,280 input
/// bytes each, with the BGZF size field, and the 28-byte empty end-of-file block last.
enum BGZFBlocks {
    /// Input bytes per block (htslib's BGZF_BLOCK_SIZE: the compressed block always fits 64 KiB).
    static let blockInput = 0xff00
    /// The empty block that ends every BGZF file.
    static let endOfFile: [UInt8] = [0x1f, 0x8b, 0x08, 0x04, 0, 0, 0, 0, 0, 0xff, 0x06, 0, 0x42, 0x43, 0x02, 0,
                                     0x1b, 0, 0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0]

    /// The BGZF blocks of `bytes` (one per 65,280 bytes; none for no bytes), at htslib's default level.
    static func compress(_ bytes: ArraySlice<UInt8>) throws(TrackError) -> [UInt8] {
        var out: [UInt8] = []
        var block = [UInt8](repeating: 0, count: 0x10000)
        var start = bytes.startIndex
        while start < bytes.endIndex {
            let end = min(start + blockInput, bytes.endIndex)
            var length = block.count
            let status = bytes[start..<end].withUnsafeBytes { source in
                block.withUnsafeMutableBytes { bgzf_compress($0.baseAddress, &length, source.baseAddress, source.count, -1) }
            }
            if status != 0 { throw .compression(message: "BGZF compression failed (zlib)") }
            out.append(contentsOf: block[0..<length])
            start = end
        }
        return out
    }
}
