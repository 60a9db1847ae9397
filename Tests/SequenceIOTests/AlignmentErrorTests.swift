import Foundation
import XCTest
@testable import SequenceIO

/// Malformed SAM text and truncated or undecodable BAM/CRAM.
final class AlignmentErrorTests: SequenceIOTestCase {
    private let header = "@HD\tVN:1.6\n"

    private func record(_ name: String, flag: Int = 4, seq: String, qual: String = "*") -> String {
        "\(name)\t\(flag)\t*\t0\t0\t*\t*\t0\t0\t\(seq)\t\(qual)\n"
    }

    /// A SAM of `count` 200-base unmapped reads named r0, r1, ..., converted to BAM and CRAM.
    private func makeAlignments(count: Int) throws -> [ReadRecord] {
        var generator = SequenceGenerator(seed: 6)
        var text = header
        var records: [ReadRecord] = []
        for index in 0..<count {
            let bases = generator.sequence(200)
            text += record("r\(index)", seq: bases, qual: String(repeating: "I", count: 200))
            records.append(ReadRecord(name: "r\(index)", index: index, line: 0, bases: bases))
        }
        let sam = try write("many.sam", text)
        try run("samtools", ["view", "--no-PG", "-b", "-o", path("many.bam"), sam])
        // Small CRAM slices, so that a cut lands after some complete containers.
        try run("samtools", ["view", "--no-PG", "-C", "--output-fmt-option", "seqs_per_slice=200",
                             "-o", path("many.cram"), sam])
        return records
    }

    func testSamInvalidCharacterAndReferenceBase() throws {
        let bad = try write("bad.sam", header + record("ok", seq: "ACGT") + record("r2", seq: "ACGTE"))
        assertFails(bad, "\(bad): record 'r2' (line 3): invalid character 'E' (0x45) in sequence")
        let equals = try write("eq.sam", header + record("r1", seq: "AC=T"))
        assertFails(equals, "\(equals): record 'r1' (line 2): base '=' (same as reference) is not supported in sequences")
    }

    func testSamMalformedRecords() throws {
        let short = try write("short.sam", header + "r1\t4\t*\t0\t0\n")
        assertFails(short, "\(short): line 2: malformed SAM record: 5 fields, expected at least 11")
        let flag = try write("flag.sam", header + "r1\t4x\t*\t0\t0\t*\t*\t0\t0\tACGT\t*\n")
        assertFails(flag, "\(flag): line 2: malformed SAM record: FLAG '4x' is not a number in 0...65535")
        let bigFlag = try write("big.sam", header + "r1\t70000\t*\t0\t0\t*\t*\t0\t0\tACGT\t*\n")
        assertFails(bigFlag, "\(bigFlag): line 2: malformed SAM record: FLAG '70000' is not a number in 0...65535")
        // The FLAG text is shown with control bytes (C0 and C1) masked, so the message stays one line.
        let controlFlag = try write("ctl.sam", header + "r1\t4\u{01}\u{85}\t*\t0\t0\t*\t*\t0\t0\tACGT\t*\n")
        assertFails(controlFlag, "\(controlFlag): line 2: malformed SAM record: FLAG '4??' is not a number in 0...65535")
        let noName = try write("noname.sam", header + "\t4\t*\t0\t0\t*\t*\t0\t0\tACGT\t*\n")
        assertFails(noName, "\(noName): line 2: malformed SAM record: empty QNAME")
        let quality = try write("q.sam", header + record("r1", seq: "ACGT", qual: "III"))
        assertFails(quality, "\(quality): record 'r1' (line 2): quality string has 3 characters but the sequence has 4 bases")
    }

    func testBamReferenceBase() throws {
        let sam = try write("eq.sam", header + record("r1", seq: "ACGT") + record("r2", seq: "AC=T"))
        try run("samtools", ["view", "--no-PG", "-b", "-o", path("eq.bam"), sam])
        let bam = path("eq.bam")
        assertFails(bam, "\(bam): record 'r2': base '=' (same as reference) is not supported in sequences")
    }

    func testBamAndCramWithoutEndOfFileMarker() throws {
        _ = try makeAlignments(count: 3)
        let bam = path("many.bam")
        let cutBam = try truncatedCopy(of: bam, to: "noeof.bam", keeping: try size(bam) - 28)
        assertFails(cutBam, "\(cutBam): record #4 (after 'r2'): input ends without the end-of-file marker (truncated?)")
        let cram = path("many.cram")
        let cutCram = try truncatedCopy(of: cram, to: "noeof.cram", keeping: try size(cram) - 38)
        assertFails(cutCram, "\(cutCram): record #4 (after 'r2'): input ends without the end-of-file marker (truncated?)")
    }

    func testTruncatedBamAndCramMidRecords() throws {
        let records = try makeAlignments(count: 3000)
        for (name, kind) in [("many.bam", "BAM"), ("many.cram", "CRAM")] {
            let file = path(name)
            let cut = try truncatedCopy(of: file, to: "cut-" + name, keeping: try size(file) / 2)
            let reader = try SequenceReader(path: cut)
            var read: [ReadRecord] = []
            do {
                read = try readRecords(reader)
                XCTFail("\(kind): truncation not detected")
            } catch let SequenceIOError.corruptRecord(path, ordinal, after, detail) {
                XCTAssertEqual(path, cut)
                XCTAssertGreaterThan(ordinal, 1, kind)
                XCTAssertEqual(after, records[ordinal - 2].name, kind)
                XCTAssertTrue(detail.hasPrefix("truncated or corrupt \(kind) data"), detail)
            }
            XCTAssertTrue(read.isEmpty)
        }
        // Records before the cut are delivered intact.
        let cut = path("cut-many.bam")
        let reader = try SequenceReader(path: cut)
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 512)
        defer { buffer.deallocate() }
        for expected in records.prefix(100) {
            XCTAssertEqual(try reader.nextRecord()?.name, expected.name)
            let count = try reader.readBases(into: buffer)
            XCTAssertEqual(String(decoding: buffer[0..<count], as: UTF8.self), expected.bases)
        }
    }

    func testTruncatedBamHeader() throws {
        _ = try makeAlignments(count: 3)
        let bam = path("many.bam")
        let cut = try truncatedCopy(of: bam, to: "head.bam", keeping: 40)
        assertFails(cut, "\(cut): cannot read the BAM header (truncated or corrupt input)")
    }

    func testAlignedCramWithoutReference() throws {
        let reference = try write("ref.fa", ">c\nACGTACGTACGTACGTACGTACGTACGTAC\n")
        try run("samtools", ["faidx", reference])
        let sam = try write("al.sam", "@HD\tVN:1.6\n@SQ\tSN:c\tLN:30\nfwd\t0\tc\t1\t60\t8M\t*\t0\t0\tACGTACGA\tIIIIIIII\n")
        try run("samtools", ["view", "--no-PG", "-C", "-T", reference, "-o", path("al.cram"), sam])
        try FileManager.default.removeItem(atPath: reference)
        try FileManager.default.removeItem(atPath: reference + ".fai")
        let cram = path("al.cram")
        // Keep htslib off the network (its default REF_PATH includes the EBI reference server).
        let saved = getenv("REF_PATH").map { String(cString: $0) }
        setenv("REF_PATH", directory.path + "/no-such-cache/%s", 1)
        defer { if let saved { setenv("REF_PATH", saved, 1) } else { unsetenv("REF_PATH") } }
        assertFails(cram, "\(cram): record #1: truncated or corrupt CRAM data, or the CRAM reference sequence is not available")
    }
}
