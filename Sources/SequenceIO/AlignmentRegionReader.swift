import CHTSlib
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams the reads of an indexed BAM or CRAM file (`.bai`, `.csi` or `.crai` beside it, found by
/// htslib's `sam_index_load`) that overlap each region, region after region in the order given.
///
/// A read overlapping two regions is returned once per region (regions are queried independently,
/// unlike `samtools view FILE r1 r2`, which merges them). Reads are records exactly as in a whole-file
/// scan: secondary and supplementary alignments skipped, reverse-strand reads turned back to their
/// original orientation, `recordOffset` 0. One read in memory at a time.
final class AlignmentRegionReader: SequenceSource {
    let path: String
    private var file: UnsafeMutablePointer<htsFile>?
    private var parser: HtsRecordParser?
    private var index: OpaquePointer?
    private var iterator: UnsafeMutablePointer<hts_itr_t>?
    private let regions: [ResolvedRegion]
    private var current = -1
    private var failure: SequenceIOError?

    /// Opens `path` (a BAM or CRAM, `format`), its header and index, and resolves every region.
    init(path: String, format: InputFormat, regions: [GenomicRegion], reference: String? = nil) throws(RegionError) {
        self.path = path
        guard let file = hts_open(path, "r") else {
            throw .input(.cannotOpen(path: path, reason: systemMessage(errno)))
        }
        do throws(RegionError) {
            if format == .cram, let reference {
                do { try SequenceReader.setReference(reference, of: file, path: path) } catch { throw .input(error) }
            }
            let parser: HtsRecordParser
            do { parser = try HtsRecordParser(file: file, path: path, format: format) } catch { throw .input(error) }
            guard let index = sam_index_load(file, path) else {
                let names = format == .cram ? "\(path).crai" : "\(path).bai or .csi"
                throw .missingIndex(path: path, index: names, hint: "run 'samtools index \(path)'")
            }
            self.index = index
            let header = parser.header
            var resolved: [ResolvedRegion] = []
            for region in regions {
                resolved.append(try ResolvedRegion.resolve(region, path: path) { name in
                    let tid = sam_hdr_name2tid(header, name)
                    return tid < 0 ? nil : (id: tid, length: Int(sam_hdr_tid2len(header, tid)))
                })
            }
            self.regions = resolved
            self.parser = parser
            self.file = file
        } catch {
            if let index { hts_idx_destroy(index) }
            index = nil
            hts_close(file)
            throw error
        }
    }

    deinit { close() }

    var displayName: String { path }

    var recordOffset: Int { 0 }

    func nextRecord() throws(SequenceIOError) -> SequenceRecordInfo? {
        if let failure { throw failure }
        guard let parser, file != nil, let index else { return nil }
        do throws(SequenceIOError) {
            while true {
                if iterator != nil, let info = try parser.nextRecord() { return info }
                if let iterator { hts_itr_destroy(iterator) }
                iterator = nil
                parser.iterator = nil
                current += 1
                guard current < regions.count else { return nil }
                let region = regions[current]
                guard let next = sam_itr_queryi(index, region.id, hts_pos_t(region.start), hts_pos_t(region.end)) else {
                    throw SequenceIOError.corruptRecord(path: path, ordinal: 0, after: nil,
                                                        detail: "cannot query region \(region.contig):\(region.start + 1)-\(region.end) in the index")
                }
                iterator = next
                parser.iterator = next
            }
        } catch {
            failure = error
            throw error
        }
    }

    func readBases(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(SequenceIOError) -> Int {
        if let failure { throw failure }
        guard let parser else { return 0 }
        return try parser.readBases(into: buffer)
    }

    func close() {
        parser = nil
        if let iterator { hts_itr_destroy(iterator) }
        iterator = nil
        if let index { hts_idx_destroy(index) }
        index = nil
        if let file { hts_close(file) }
        file = nil
    }
}
