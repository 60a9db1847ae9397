import CHTSlib
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GenomeCore

/// Reads `--regions-file`: BED, 0-based half-open (`chrom <TAB> start <TAB> end`, further columns
/// ignored), plain or gzip/bgzip-compressed. Blank lines and lines starting with `#`, `track` or
/// `browser` are skipped. Regions come back in file order; the whole list is held in memory (one
/// small struct per line).
public enum RegionsFile {
    /// The regions of the BED file at `path`.
    /// - Throws: `RegionError.cannotReadRegionsFile` or `.badRegionsLine` (fewer than 3 columns, a
    ///   start or end that is not a non-negative integer, start ≥ end).
    public static func read(path: String) throws(RegionError) -> [GenomicRegion] {
        var info = stat()
        if stat(path, &info) != 0 { throw .cannotReadRegionsFile(path: path, reason: systemMessage(errno)) }
        if info.st_mode & S_IFMT == S_IFDIR { throw .cannotReadRegionsFile(path: path, reason: "is a directory") }
        errno = 0
        guard let file = bgzf_open(path, "r") else {
            throw .cannotReadRegionsFile(path: path, reason: systemMessage(errno != 0 ? errno : EIO))
        }
        defer { bgzf_close(file) }
        var line = kstring_t(l: 0, m: 0, s: nil)
        defer { free(line.s) }
        var regions: [GenomicRegion] = []
        var number = 0
        while true {
            let status = bgzf_getline(file, Int32(UInt8(ascii: "\n")), &line)
            if status == -1 { break }
            if status < -1 { throw .cannotReadRegionsFile(path: path, reason: "truncated or corrupt compressed data") }
            number += 1
            var bytes = line.s.map { Array(UnsafeBufferPointer(start: UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self),
                                                               count: line.l)) } ?? []
            if bytes.last == 0x0D { bytes.removeLast() }
            if let region = try parse(line: bytes, number: number, path: path) { regions.append(region) }
        }
        return regions
    }

    /// One BED line → a region; nil for blank, comment, `track` and `browser` lines.
    static func parse(line bytes: [UInt8], number: Int, path: String) throws(RegionError) -> GenomicRegion? {
        let text = String(decoding: bytes, as: UTF8.self)
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) || text.hasPrefix("#") || text.hasPrefix("track")
            || text.hasPrefix("browser") {
            return nil
        }
        let fields = bytes.split(separator: 0x09, omittingEmptySubsequences: false)
        guard fields.count >= 3 else {
            throw .badRegionsLine(path: path, line: number,
                                  reason: "expected BED: chrom, start, end separated by tabs (\(fields.count) column\(fields.count == 1 ? "" : "s"))")
        }
        let contig = String(decoding: fields[0], as: UTF8.self)
        if contig.isEmpty { throw .badRegionsLine(path: path, line: number, reason: "empty chrom") }
        guard let start = integer(fields[1]) else {
            throw .badRegionsLine(path: path, line: number,
                                  reason: "start '\(String(decoding: fields[1], as: UTF8.self))' is not a non-negative integer")
        }
        guard let end = integer(fields[2]) else {
            throw .badRegionsLine(path: path, line: number,
                                  reason: "end '\(String(decoding: fields[2], as: UTF8.self))' is not a non-negative integer")
        }
        if start >= end {
            throw .badRegionsLine(path: path, line: number, reason: "start \(start) is not less than end \(end)")
        }
        return GenomicRegion(contig: contig, start: start, end: end, text: "\(contig):\(start + 1)-\(end)")
    }

    private static func integer(_ digits: ArraySlice<UInt8>) -> Int? {
        DecimalDigits.parse(digits, maxDigits: 16)
    }
}
