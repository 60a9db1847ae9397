import XCTest
@testable import SequenceIO

/// gzip and bgzip inputs: detection from content, block boundaries, truncation and corruption.
final class CompressionTests: SequenceIOTestCase {
    /// Three wrapped records, 300 kb of bases in all (several BGZF blocks); returns (text, records).
    private func largeFasta() -> (String, [ReadRecord]) {
        var generator = SequenceGenerator(seed: 3)
        var text = ""
        var records: [ReadRecord] = []
        var line = 1
        for index in 0..<3 {
            let bases = generator.sequence(100_000, alphabet: "ACGTacgtN")
            records.append(ReadRecord(name: "r\(index)", index: index, line: line, bases: bases.uppercased()))
            text += ">r\(index) some description\n" + wrap(bases, width: 60)
            line += 1 + (100_000 + 59) / 60
        }
        return (text, records)
    }

    func testGzipAndBgzipAreDetectedFromContentNotName() throws {
        let (text, records) = largeFasta()
        let plain = try write("plain.fa", text)
        try run("gzip", ["-n", "-k", plain])
        try run("bgzip", ["-c", plain], stdoutPath: path("blocked.txt"))
        let gzipped = try truncatedCopy(of: plain + ".gz", to: "gzipped.dat", keeping: Int.max)
        for (file, compression) in [(plain, InputCompression.none), (gzipped, .gzip), (path("blocked.txt"), .bgzf)] {
            let reader = try SequenceReader(path: file)
            XCTAssertEqual(reader.format, .fasta, file)
            XCTAssertEqual(reader.compression, compression, file)
            XCTAssertEqual(try readRecords(reader, bufferSize: 1 << 20), records, file)
        }
    }

    func testCompressedStreamsAtSmallBlockSizes() throws {
        let text = ">a\r\nACGT\r\nac\n>b x\nNNNN\nRYKM\n"
        let plain = try write("x.fa", text)
        try run("gzip", ["-n", "-k", plain])
        try run("bgzip", ["-c", plain], stdoutPath: path("x.fa.bgz"))
        let expected = [
            ReadRecord(name: "a", index: 0, line: 1, bases: "ACGTAC"),
            ReadRecord(name: "b", index: 1, line: 4, bases: "NNNNRYKM"),
        ]
        for file in [plain + ".gz", path("x.fa.bgz")] {
            for blockSize in 1...(text.utf8.count + 1) {
                XCTAssertEqual(try readAll(file, blockSize: blockSize, bufferSize: 3), expected, "\(file) \(blockSize)")
            }
        }
    }

    func testConcatenatedGzipMembers() throws {
        let first = try write("a.fa", ">a\nACGT\n")
        let second = try write("b.fa", ">b\nGGCC\n")
        try run("gzip", ["-n", "-k", first, second])
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: first + ".gz")))
            + Array(Data(contentsOf: URL(fileURLWithPath: second + ".gz")))
        let file = try write("ab.fa.gz", bytes)
        XCTAssertEqual(try readAll(file).map(\.bases), ["ACGT", "GGCC"])
    }

    func testSmallTruncatedGzipFailsAtTheStart() throws {
        let plain = try write("x.fa", ">a\nACGTACGTACGT\n>b\nACGT\n")
        try run("gzip", ["-n", "-k", plain])
        let gz = plain + ".gz"
        let cut = try truncatedCopy(of: gz, to: "cut.fa.gz", keeping: try size(gz) - 12)
        assertFails(cut, "\(cut): line 1: truncated or corrupt compressed input")
        let noTrailer = try truncatedCopy(of: gz, to: "notrailer.fa.gz", keeping: try size(gz) - 4)
        assertFails(noTrailer, "\(noTrailer): line 1: truncated or corrupt compressed input")
    }

    func testLargeTruncatedGzipNamesTheRecordReached() throws {
        let (text, records) = largeFasta()
        let plain = try write("x.fa", text)
        try run("gzip", ["-n", "-k", plain])
        let gz = plain + ".gz"
        let cut = try truncatedCopy(of: gz, to: "cut.fa.gz", keeping: try size(gz) * 3 / 4)
        try assertTruncationNamesTheRecordAtItsLine(cut, records: records)
        try run("bgzip", ["-c", plain], stdoutPath: path("x.fa.bgz"))
        let bgz = path("x.fa.bgz")
        let cutBlocked = try truncatedCopy(of: bgz, to: "cut.fa.bgz", keeping: try size(bgz) * 3 / 4)
        try assertTruncationNamesTheRecordAtItsLine(cutBlocked, records: records)
    }

    /// The error must be `truncated`, well into the file, naming the record that holds the line.
    private func assertTruncationNamesTheRecordAtItsLine(_ file: String, records: [ReadRecord]) throws {
        guard case let .truncated(path, record, line)? = failure(of: file, bufferSize: 1 << 20) else {
            return XCTFail("not a truncation error")
        }
        XCTAssertEqual(path, file)
        XCTAssertGreaterThan(line, records[1].line, "reached the second half of the input")
        let holder = records.last { $0.line < line }
        XCTAssertEqual(record, holder?.name)
        XCTAssertEqual(SequenceIOError.truncated(path: path, record: record, line: line).description,
                       "\(file): record '\(holder?.name ?? "")' (line \(line)): truncated or corrupt compressed input")
    }

    func testBgzipWithoutEndOfFileBlockIsTruncated() throws {
        let plain = try write("x.fa", ">a\nACGT\n>b\nAC\n")
        try run("bgzip", ["-c", plain], stdoutPath: path("x.fa.bgz"))
        let bgz = path("x.fa.bgz")
        let cut = try truncatedCopy(of: bgz, to: "noeof.fa.bgz", keeping: try size(bgz) - 28)
        assertFails(cut, "\(cut): record 'b' (line 5): truncated or corrupt compressed input")
    }

    func testCorruptGzipData() throws {
        let (text, _) = largeFasta()
        let plain = try write("x.fa", text)
        try run("gzip", ["-n", "-k", plain])
        var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: plain + ".gz")))
        for offset in stride(from: bytes.count / 2, to: bytes.count / 2 + 64, by: 1) { bytes[offset] ^= 0x5A }
        let file = try write("corrupt.fa.gz", bytes)
        guard case .truncated? = failure(of: file, bufferSize: 1 << 20) else {
            return XCTFail("corruption not reported as truncated/corrupt input")
        }
    }

    func testEmptyCompressedInput() throws {
        let empty = try write("empty", "")
        try run("gzip", ["-n", "-k", empty])
        assertFails(empty + ".gz", "\(empty).gz: input is empty")
        // The same stream cut inside its first block is truncated, not empty.
        let whole = try write("whole", ">a\nACGTACGT\n")
        try run("gzip", ["-n", "-k", whole])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: whole + ".gz"))
        let cut = try write("cut.fa.gz", Array(bytes.prefix(14)))
        assertFails(cut, "\(cut): line 1: truncated or corrupt compressed input")
    }

    func testByteOrderMarkIsNamed() throws {
        let bom = try write("bom.fa", [0xEF, 0xBB, 0xBF] + Array(">a\nACGT\n".utf8))
        assertFails(bom, "\(bom): not FASTA, FASTQ, SAM, BAM or CRAM: it starts with a UTF-8 byte-order mark "
            + "(bytes 1-3: EF BB BF); remove it, e.g. sed '1s/^\\xEF\\xBB\\xBF//'")
    }

    func testUnsupportedCompressions() throws {
        let plain = try write("x.fa", ">a\nACGT\n")
        try run("bzip2", ["-k", plain])
        assertFails(plain + ".bz2", "\(plain).bz2: bzip2-compressed input is not supported; use gzip or bgzip")
        try run("xz", ["-k", plain])
        assertFails(plain + ".xz", "\(plain).xz: xz-compressed input is not supported; use gzip or bgzip")
    }
}
