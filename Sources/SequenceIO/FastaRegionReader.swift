import CHTSlib
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams regions of an indexed FASTA file (plain with `FILE.fai`, or bgzip with `FILE.fai` and
/// `FILE.gzi`), one record per region in the order given.
///
/// Each record is named after its contig and `recordOffset` is the region's 0-based start, so output
/// coordinates stay genomic. Bases are fetched with htslib's `faidx_fetch_seq64` in pieces of at most
/// the caller's buffer size (the index's offsets and line lengths locate each piece; bgzip is seeked
/// through the .gzi), so memory stays bounded whatever the region's length. Bases are validated and
/// upper-cased as the streaming FASTA parser does; lines are 0 in messages (the index has no line
/// numbers).
final class FastaRegionReader: SequenceSource {
    let path: String
    private var index: OpaquePointer?
    private let regions: [ResolvedRegion]
    private var current = -1
    private var position = 0
    private var failure: SequenceIOError?

    /// Loads the index of `path` and resolves every region against it (errors before any base).
    init(path: String, compression: InputCompression, regions: [GenomicRegion]) throws(RegionError) {
        self.path = path
        let fai = path + ".fai"
        if !Self.exists(fai) {
            throw .missingIndex(path: path, index: fai, hint: "run 'samtools faidx \(path)'")
        }
        if compression == .bgzf && !Self.exists(path + ".gzi") {
            throw .missingIndex(path: path, index: path + ".gzi", hint: "run 'samtools faidx \(path)'")
        }
        try FastaIndexCheck.checkTimes(path: path, index: fai)
        guard let index = fai_load3(path, fai, nil, 0) else { throw .badIndex(path: path, index: fai) }
        self.index = index
        var resolved: [ResolvedRegion] = []
        do throws(RegionError) {
            for region in regions {
                resolved.append(try ResolvedRegion.resolve(region, path: path) { name in
                    let length = faidx_seq_len(index, name)
                    return length < 0 ? nil : (id: 0, length: Int(length))
                })
            }
        } catch {
            fai_destroy(index)
            self.index = nil
            throw error
        }
        do throws(RegionError) {
            try FastaIndexCheck.checkContent(path: path, index: fai, compression: compression,
                                      contigs: Set(resolved.map(\.contig)))
        } catch {
            fai_destroy(index)
            self.index = nil
            throw error
        }
        self.regions = resolved
    }

    deinit { close() }

    var displayName: String { path }

    var recordOffset: Int { current >= 0 && current < regions.count ? regions[current].start : 0 }

    func nextRecord() throws(SequenceIOError) -> SequenceRecordInfo? {
        if let failure { throw failure }
        guard index != nil, current + 1 < regions.count else {
            current = regions.count
            return nil
        }
        current += 1
        position = regions[current].start
        return SequenceRecordInfo(name: regions[current].contig, index: current, line: 0)
    }

    func readBases(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(SequenceIOError) -> Int {
        if let failure { throw failure }
        guard let index, current >= 0, current < regions.count, let output = buffer.baseAddress else { return 0 }
        let region = regions[current]
        let count = min(buffer.count, region.end - position)
        if count <= 0 { return 0 }
        var fetched: hts_pos_t = 0
        let text = faidx_fetch_seq64(index, region.contig, hts_pos_t(position), hts_pos_t(position + count - 1), &fetched)
        defer { free(text) }
        guard let text, fetched == count else {
            return try fail(.truncated(path: path, record: region.contig, line: 0))
        }
        let table = NucleotideTable.classOf
        for i in 0..<count {
            let byte = UInt8(bitPattern: text[i])
            let letter = table[Int(byte)]
            if letter < 0x41 {
                return try fail(.invalidCharacter(path: path, record: region.contig, line: 0, byte: byte, format: .fasta))
            }
            output[i] = letter
        }
        position += count
        return count
    }

    func close() {
        if let index {
            fai_destroy(index)
            self.index = nil
        }
    }

    private func fail(_ error: SequenceIOError) throws(SequenceIOError) -> Int {
        failure = error
        throw error
    }

    private static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }
}
