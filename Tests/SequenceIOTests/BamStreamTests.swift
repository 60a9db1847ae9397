import Foundation
@testable import SequenceIO
import XCTest

/// The streaming BAM parser on BAM files written byte by byte (then BGZF-compressed by bgzip), so that
/// records htslib's writers refuse to make can be tested too.
final class BamStreamTests: SequenceIOTestCase {
    private struct Read {
        var name: String
        var flag: Int
        var bases: String
        var cigar: [(Int, UInt8)] = []   // (length, op code: 0 M, 1 I, 4 S)
        var codes: [UInt8]? = nil        // raw 4-bit codes instead of `bases`
    }

    private func le32(_ v: Int) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
    private func le16(_ v: Int) -> [UInt8] { (0..<2).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }

    private func record(_ read: Read) -> [UInt8] {
        let codeOf = Dictionary(uniqueKeysWithValues: "=ACMGRSVTWYHKDBN".utf8.enumerated().map { ($1, UInt8($0)) })
        let codes = read.codes ?? read.bases.utf8.map { codeOf[$0]! }
        var packed = [UInt8](repeating: 0, count: (codes.count + 1) / 2)
        for (i, c) in codes.enumerated() { packed[i / 2] |= i % 2 == 0 ? c << 4 : c }
        let name = Array(read.name.utf8) + [0]
        var body = le32(read.cigar.isEmpty ? -1 : 0) + le32(read.cigar.isEmpty ? -1 : 0)
        body += [UInt8(name.count), 0] + le16(4680) + le16(read.cigar.count) + le16(read.flag) + le32(codes.count)
        body += le32(-1) + le32(-1) + le32(0) + name
        for (length, op) in read.cigar { body += le32(length << 4 | Int(op)) }
        body += packed + [UInt8](repeating: 30, count: codes.count) + Array("XAZfoo".utf8) + [0]
        return le32(body.count) + body
    }

    /// A BAM file of `reads` (one reference 'c', 1 Mb), cut to `keep` uncompressed bytes when given.
    private func bam(_ name: String, _ reads: [Read], keep: Int? = nil) throws -> String {
        _ = try requireTool("bgzip")
        let text = Array("@HD\tVN:1.6\n".utf8)
        var bytes = Array("BAM".utf8) + [1] + le32(text.count) + text + le32(1) + le32(2) + Array("c".utf8) + [0]
            + le32(1_000_000)
        for read in reads { bytes += record(read) }
        if let keep { bytes = Array(bytes.prefix(keep)) }
        let raw = try write(name + ".raw", bytes)
        try run("bgzip", ["-f", raw])
        try FileManager.default.moveItem(atPath: raw + ".gz", toPath: path(name))
        return path(name)
    }

    private func randomBases(_ n: Int, seed: UInt64) -> String {
        var generator = SequenceGenerator(seed: seed)
        return generator.sequence(n)
    }

    func testLongForwardAndReverseReadsMatchTheirSequence() throws {
        let long = randomBases(150_001, seed: 1)
        let reverse = String(long.reversed().map { ["A": "T", "C": "G", "G": "C", "T": "A"][$0]! })
        let file = try bam("long.bam", [Read(name: "fwd", flag: 4, bases: long), Read(name: "rev", flag: 20, bases: reverse),
                                        Read(name: "iupac", flag: 4, bases: "ACMGRSVTWYHKDBN")])
        for bufferSize in [1, 7, 4096, 1 << 20] {
            let records = try readAll(file, bufferSize: bufferSize)
            XCTAssertEqual(records.map(\.name), ["fwd", "rev", "iupac"])
            XCTAssertEqual(records[0].bases, long, "buffer \(bufferSize)")
            XCTAssertEqual(records[1].bases, long, "reverse read restored to its original orientation")
            XCTAssertEqual(records[2].bases, "ACMGRSVTWYHKDBN")
        }
    }

    func testSkippedRecordsAndPartlyReadRecords() throws {
        let file = try bam("skip.bam", [Read(name: "second", flag: 256, bases: "", codes: [0, 0, 1]),
                                        Read(name: "a", flag: 4, bases: randomBases(70_000, seed: 2)),
                                        Read(name: "b", flag: 2048 | 16, bases: "ACGT"),
                                        Read(name: "c", flag: 4, bases: "GATTACA")])
        let reader = try SequenceReader(path: file)
        XCTAssertEqual(try reader.nextRecord()?.name, "a")   // not read: skipped by the next call
        XCTAssertEqual(try reader.nextRecord()?.name, "c")
        XCTAssertNil(try reader.nextRecord())
    }

    func testDamagedRecordsAreErrorsNamingTheRecord() throws {
        let ok = Read(name: "r1", flag: 4, bases: "ACGTACGTAC")
        let equal = try bam("equal.bam", [ok, Read(name: "r2", flag: 4, bases: "", codes: [1, 0, 2])])
        assertFails(equal, "\(equal): record 'r2': base '=' (same as reference) is not supported in sequences")
        let cigar = try bam("cigar.bam", [ok, Read(name: "r2", flag: 0, bases: "ACGTACGT", cigar: [(3, 0), (1, 1), (3, 0)])])
        assertFails(cigar, "\(cigar): record #2 (after 'r1'): CIGAR covers 7 query bases, but the sequence has 8")
        let whole = try bam("whole.bam", [ok, Read(name: "r2", flag: 4, bases: randomBases(5000, seed: 3))])
        let length = try FileManager.default.attributesOfItem(atPath: whole)[.size] as? Int ?? 0
        XCTAssertGreaterThan(length, 0)
        // Cut inside the second record's sequence: an error for record #2, after 'r1'.
        let cut = try bam("cut.bam", [ok, Read(name: "r2", flag: 4, bases: randomBases(5000, seed: 3))], keep: 400)
        assertFails(cut, "\(cut): record #2 (after 'r1'): truncated or corrupt BAM data")
    }
}
