import CHTSlib

/// BAM and CRAM reader: `sam_hdr_read`, then `sam_read1` until it returns -1 (end) or < -1 (error).
///
/// Secondary (0x100) and supplementary (0x800) alignments are skipped; a read with flag 0x10 is
/// reverse-complemented back to its original orientation, as `samtools fastq` does. Bases come from
/// the 4-bit `seq_nt16` codes as UPPERCASE IUPAC letters; code 0 (`=`) is an error. A record's
/// sequence is held in memory (htslib holds the whole record anyway). At the end, a BAM must have
/// ended with its BGZF end-of-file block and a CRAM (when seekable) with its EOF container.
final class HtsRecordParser: RecordParser {
    private let file: UnsafeMutablePointer<htsFile>
    /// The file's header (contig names and lengths for region queries).
    let header: UnsafeMutablePointer<sam_hdr_t>
    private let record: UnsafeMutablePointer<bam1_t>
    private let path: String
    private let format: InputFormat
    private var bases: [UInt8] = []
    private var served = 0
    private var nextIndex = 0
    private var ordinal = 0
    private var lastName: String?
    private var finished = false
    /// When set, reads come from this region iterator (`sam_itr_next`, owned by the caller) instead of
    /// `sam_read1`, and its end is not checked for the end-of-file marker. Setting it starts a new
    /// stretch of records.
    var iterator: UnsafeMutablePointer<hts_itr_t>? {
        didSet { finished = false }
    }

    /// Reads the header of `file` (a BAM or CRAM); the file stays owned by the caller and must
    /// outlive this parser.
    init(file: UnsafeMutablePointer<htsFile>, path: String, format: InputFormat) throws(SequenceIOError) {
        guard let header = sam_hdr_read(file) else { throw .badHeader(path: path, format: format) }
        guard let record = bam_init1() else {
            sam_hdr_destroy(header)
            throw .readError(path: path, record: nil, line: 0, reason: "out of memory")
        }
        self.file = file
        self.header = header
        self.record = record
        self.path = path
        self.format = format
    }

    deinit {
        bam_destroy1(record)
        sam_hdr_destroy(header)
    }

    var currentLine: Int { 0 }

    func nextRecord() throws(SequenceIOError) -> SequenceRecordInfo? {
        bases.removeAll(keepingCapacity: true)
        served = 0
        while !finished {
            ordinal += 1
            let status = iterator.map { cs_sam_itr_next(file, $0, record) } ?? sam_read1(file, header, record)
            if status == -1 {
                finished = true
                if iterator == nil { try checkEndOfFile() }
                return nil
            }
            if status < -1 {
                finished = true
                let detail = format == .cram
                    ? "truncated or corrupt CRAM data, or the CRAM reference sequence is not available"
                    : "truncated or corrupt BAM data"
                throw .corruptRecord(path: path, ordinal: ordinal, after: lastName, detail: detail)
            }
            // An empty QNAME is shown as SAM's "unavailable" marker, so names are never empty.
            let qname = String(cString: cs_bam_qname(record))
            let name = qname.isEmpty ? "*" : qname
            lastName = name
            let flag = cs_bam_flag(record)
            if flag & 0x900 != 0 { continue }
            try decodeBases(name: name, reverse: flag & 0x10 != 0)
            defer { nextIndex += 1 }
            return SequenceRecordInfo(name: name, index: nextIndex, line: 0)
        }
        return nil
    }

    func readBases(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(SequenceIOError) -> Int {
        guard let output = buffer.baseAddress else { return 0 }
        let count = min(buffer.count, bases.count - served)
        if count <= 0 { return 0 }
        bases.withUnsafeBufferPointer { source in
            output.update(from: source.baseAddress! + served, count: count)
        }
        served += count
        return count
    }

    /// Fills `bases` with the current record's sequence as letters, in original read orientation.
    /// The packed 4-bit codes (two per byte, high nibble first) are decoded a byte at a time.
    private func decodeBases(name: String, reverse: Bool) throws(SequenceIOError) {
        let length = Int(max(0, cs_bam_seq_len(record)))
        if length == 0 { return }
        let core = record.pointee.core
        // bam_get_seq(b): the packed sequence follows the CIGAR and the (padded) read name.
        let packed = record.pointee.data + (Int(core.n_cigar) << 2) + Int(core.l_qname)
        let pairs = PackedBases.letterPairs
        bases = [UInt8](unsafeUninitializedCapacity: length) { output, initialized in
            var hasReferenceBase = false
            let fullBytes = length / 2
            for i in 0..<fullBytes {
                let byte = packed[i]
                if byte & 0xF0 == 0 || byte & 0x0F == 0 { hasReferenceBase = true }
                let pair = pairs[Int(byte)]
                output[2 * i] = UInt8(truncatingIfNeeded: pair >> 8)
                output[2 * i + 1] = UInt8(truncatingIfNeeded: pair)
            }
            if length % 2 == 1 {
                // Only the high nibble of the last byte is a base; the low one is padding.
                let byte = packed[fullBytes]
                if byte & 0xF0 == 0 { hasReferenceBase = true }
                output[length - 1] = UInt8(truncatingIfNeeded: pairs[Int(byte)] >> 8)
            }
            initialized = hasReferenceBase ? 0 : length
        }
        if bases.count != length { throw .referenceBase(path: path, record: name, line: 0) }
        if reverse {
            bases.withUnsafeMutableBufferPointer { buffer in
                if let base = buffer.baseAddress { NucleotideTable.reverseComplement(base, count: buffer.count) }
            }
        }
    }

    /// Throws when the stream ended without its end-of-file marker (a file cut at a block boundary).
    private func checkEndOfFile() throws(SequenceIOError) {
        let complete: Bool
        if format == .bam {
            complete = cs_hts_bgzf(file).pointee.last_block_eof != 0
        } else {
            // 0: no EOF container; 1: present; 2: not seekable (cannot tell); 3: CRAM 1.x has none.
            complete = hts_check_EOF(file) != 0
        }
        if !complete {
            throw .corruptRecord(path: path, ordinal: ordinal, after: lastName,
                                 detail: "input ends without the end-of-file marker (truncated?)")
        }
    }
}
