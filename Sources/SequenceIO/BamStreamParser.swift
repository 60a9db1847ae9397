import CHTSlib

/// Streaming BAM reader: parses the BAM record layout itself over htslib's BGZF decompression
/// (`bgzf_read`), the way FASTA is streamed, so memory stays bounded whatever a read's length or the
/// header's size: the header's text and reference list are read and discarded (nothing is kept per
/// contig), and a forward read's packed sequence is decoded a block at a time. A reverse-strand read
/// (flag 0x10) is reverse-complemented back to its original orientation, as `samtools fastq` does, so
/// its packed sequence (half a byte per base) is held until it has been served.
///
/// Checks as htslib's `bam_read1` does: `block_size` covers the fixed fields, name, CIGAR, sequence and
/// qualities; the name is NUL-terminated; a mapped read's CIGAR covers as many query bases as its
/// sequence has. Secondary (0x100) and supplementary (0x800) alignments are skipped; base code 0 (`=`)
/// is an error; at the end the stream must have ended with its BGZF end-of-file block. Ordinals in
/// errors count every record, skipped ones included. Regions and CRAM use `HtsRecordParser`.
final class BamStreamParser: RecordParser {
    private let file: UnsafeMutablePointer<htsFile>
    private let bgzf: UnsafeMutablePointer<BGZF>
    private let path: String
    private var ordinal = 0
    private var nextIndex = 0
    /// The current record's name, and the one before it (for messages about a record cut short).
    private var currentName: String?
    private var previousName: String?
    private var finished = false
    /// The current record: bases not yet served, packed bytes not yet read (forward reads), and bytes
    /// after the sequence (qualities and tags) still to skip.
    private var basesLeft = 0
    private var packedLeft = 0
    private var tailLeft = 0
    private var recordLength = 0
    private var reverse = false
    /// A reverse read's packed sequence, read whole.
    private var packed = PackedBases()
    /// Decoded letters of a forward read not yet served.
    private var letters: [UInt8] = []
    private var lettersServed = 0
    private var scratch = [UInt8](repeating: 0, count: 1 << 16)
    private var drain = [UInt8](repeating: 0, count: 1 << 16)

    /// Reads (and discards) the header of `file`, a BAM opened by `hts_open`; the file stays owned by
    /// the caller and must outlive this parser.
    init(file: UnsafeMutablePointer<htsFile>, path: String) throws(SequenceIOError) {
        self.file = file
        bgzf = cs_hts_bgzf(file)
        self.path = path
        do throws(SequenceIOError) {
            guard try readExactly(4) && scratch[0..<4] == [0x42, 0x41, 0x4D, 0x01] else { throw badHeader() }
            guard try readExactly(4), case let textLength = int32(0), textLength >= 0 else { throw badHeader() }
            guard try skip(textLength), try readExactly(4), case let references = int32(0), references >= 0 else {
                throw badHeader()
            }
            for _ in 0..<references {
                guard try readExactly(4), case let nameLength = int32(0), nameLength >= 1,
                      try skip(nameLength), try readExactly(4), int32(0) >= 0 else { throw badHeader() }
            }
        } catch {
            throw badHeader()
        }
    }

    var currentLine: Int { 0 }

    func nextRecord() throws(SequenceIOError) -> SequenceRecordInfo? {
        try finishRecord()
        while !finished {
            if let currentName { previousName = currentName }
            currentName = nil
            ordinal += 1
            let got = try read(into: 0, count: 4)
            if got == 0 {
                finished = true
                if cs_hts_bgzf(file).pointee.last_block_eof == 0 {
                    throw corrupt("input ends without the end-of-file marker (truncated?)")
                }
                return nil
            }
            guard got == 4 else { throw corrupt() }
            let blockSize = int32(0)
            guard blockSize >= 32, try readExactly(32) else { throw corrupt() }
            let nameLength = Int(scratch[8])
            let cigarCount = Int(scratch[12]) | Int(scratch[13]) << 8
            let flag = Int(scratch[14]) | Int(scratch[15]) << 8
            let length = int32(16)
            let packedBytes = (length + 1) / 2
            let rest = blockSize - 32 - nameLength - 4 * cigarCount - packedBytes - length
            guard nameLength >= 1, length >= 0, rest >= 0, try readExactly(nameLength),
                  scratch[nameLength - 1] == 0 else { throw corrupt() }
            let qname = String(decoding: scratch[0..<(nameLength - 1)], as: UTF8.self)
            let name = qname.isEmpty ? "*" : qname
            currentName = name
            let query = try cigarQueryLength(cigarCount)
            if cigarCount > 0 && length > 0 && flag & 0x4 == 0 && query != length {
                throw corrupt("CIGAR covers \(query) query bases, but the sequence has \(length)")
            }
            recordLength = length
            basesLeft = length
            packedLeft = packedBytes
            tailLeft = length + rest
            letters.removeAll(keepingCapacity: true)
            lettersServed = 0
            if flag & 0x900 != 0 {
                // Skipped whole, as before: a secondary alignment's bases are not read.
                basesLeft = 0
                try finishRecord()
                continue
            }
            reverse = flag & 0x10 != 0
            if reverse { try readPackedWhole(name: name) }
            defer { nextIndex += 1 }
            return SequenceRecordInfo(name: name, index: nextIndex, line: 0)
        }
        return nil
    }

    func readBases(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(SequenceIOError) -> Int {
        guard let output = buffer.baseAddress, basesLeft > 0, buffer.count > 0 else { return 0 }
        let count: Int
        if reverse {
            // Bases [basesLeft - count, basesLeft) of the stored read, complemented, in reverse order.
            count = min(buffer.count, basesLeft)
            packed.reverseComplement(endingAt: basesLeft, count: count, into: output)
        } else {
            if lettersServed == letters.count { try decodeNextBlock() }
            count = min(buffer.count, letters.count - lettersServed)
            letters.withUnsafeBufferPointer { source in
                output.update(from: source.baseAddress! + lettersServed, count: count)
            }
            lettersServed += count
        }
        basesLeft -= count
        return count
    }

    // MARK: - Records

    /// Serves (and so validates) what is left of the current record's bases, then skips its qualities
    /// and tags.
    private func finishRecord() throws(SequenceIOError) {
        while basesLeft > 0 {
            var failure: SequenceIOError?
            let n = drain.withUnsafeMutableBufferPointer { buffer in
                do throws(SequenceIOError) { return try readBases(into: buffer) } catch { failure = error; return 0 }
            }
            if let failure { throw failure }
            if n == 0 { break }
        }
        guard try skip(packedLeft + tailLeft) else { throw corrupt() }
        packedLeft = 0
        tailLeft = 0
        packed.removeAll()
    }

    /// Reads the next block of a forward read's packed sequence and decodes it into `letters`.
    private func decodeNextBlock() throws(SequenceIOError) {
        let bytes = min(packedLeft, scratch.count)
        guard try readExactly(bytes) else { throw corrupt() }
        packedLeft -= bytes
        let count = min(2 * bytes, basesLeft)
        letters.removeAll(keepingCapacity: true)
        lettersServed = 0
        var hasReferenceBase = false
        for i in 0..<bytes {
            let byte = scratch[i]
            if byte & 0xF0 == 0 || (byte & 0x0F == 0 && 2 * i + 1 < count) { hasReferenceBase = true }
            let pair = PackedBases.letterPairs[Int(byte)]
            letters.append(UInt8(truncatingIfNeeded: pair >> 8))
            if 2 * i + 1 < count { letters.append(UInt8(truncatingIfNeeded: pair)) }
        }
        if hasReferenceBase { throw SequenceIOError.referenceBase(path: path, record: currentName ?? "*", line: 0) }
    }

    /// Reads a reverse read's whole packed sequence into `packed`, refusing base code 0.
    private func readPackedWhole(name: String) throws(SequenceIOError) {
        packed.removeAll()
        while packedLeft > 0 {
            let n = min(scratch.count, packedLeft)
            guard try readExactly(n) else { throw corrupt() }
            packedLeft -= n
            packed.append(packed: scratch[0..<n], bases: min(2 * n, recordLength - packed.count))
        }
        if packed.containsReferenceBase { throw SequenceIOError.referenceBase(path: path, record: name, line: 0) }
    }

    /// The CIGAR's query length (M, I, S, =, X), reading its `count` operations.
    private func cigarQueryLength(_ count: Int) throws(SequenceIOError) -> Int {
        var query = 0
        var left = count
        while left > 0 {
            let n = min(left, scratch.count / 4)
            guard try readExactly(4 * n) else { throw corrupt() }
            for k in 0..<n {
                let op = scratch[4 * k] & 0x0F
                if [0, 1, 4, 7, 8].contains(op) { query += Int(int32(4 * k)) >> 4 & 0x0FFF_FFFF }
            }
            left -= n
        }
        return query
    }

    // MARK: - Bytes

    /// Little-endian int32 at `offset` of `scratch`, as Int.
    private func int32(_ offset: Int) -> Int {
        Int(Int32(bitPattern: UInt32(scratch[offset]) | UInt32(scratch[offset + 1]) << 8
            | UInt32(scratch[offset + 2]) << 16 | UInt32(scratch[offset + 3]) << 24))
    }

    /// Reads up to `count` (≤ scratch size) bytes into `scratch[offset...]`; fewer only at the end.
    private func read(into offset: Int, count: Int) throws(SequenceIOError) -> Int {
        var done = 0
        while done < count {
            let n = scratch.withUnsafeMutableBytes { cs_bgzf_read(bgzf, $0.baseAddress! + offset + done, count - done) }
            if n < 0 { throw corrupt() }
            if n == 0 { break }
            done += n
        }
        return done
    }

    /// Reads exactly `count` (≤ scratch size) bytes into `scratch`; false when the stream ends first.
    private func readExactly(_ count: Int) throws(SequenceIOError) -> Bool {
        try read(into: 0, count: count) == count
    }

    /// Reads and drops `count` bytes; false when the stream ends first.
    private func skip(_ count: Int) throws(SequenceIOError) -> Bool {
        var left = count
        while left > 0 {
            let n = min(left, scratch.count)
            guard try readExactly(n) else { return false }
            left -= n
        }
        return true
    }

    // MARK: - Errors

    private func badHeader() -> SequenceIOError { .badHeader(path: path, format: .bam) }

    private func corrupt(_ detail: String = "truncated or corrupt BAM data") -> SequenceIOError {
        finished = true
        return .corruptRecord(path: path, ordinal: ordinal, after: previousName, detail: detail)
    }
}
