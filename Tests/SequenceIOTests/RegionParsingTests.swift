import XCTest
@testable import SequenceIO

/// `GenomicRegion.parse` (samtools syntax), `RegionsFile` (BED) and the lookup of a region in an index.
final class RegionParsingTests: XCTestCase {
    private func region(_ text: String) throws -> GenomicRegion { try GenomicRegion.parse(text) }

    func testSamtoolsForms() throws {
        let whole = try region("chr1")
        XCTAssertEqual([whole.contig, "\(whole.start)", "\(String(describing: whole.end))"], ["chr1", "0", "nil"])
        XCTAssertNil(whole.wholeName, "no ':' — nothing else it could mean")
        let range = try region("chr1:100-200")
        XCTAssertEqual(range.contig, "chr1")
        XCTAssertEqual(range.start, 99, "1-based inclusive → 0-based start")
        XCTAssertEqual(range.end, 200, "1-based inclusive end = 0-based exclusive end")
        XCTAssertEqual(range.wholeName, "chr1:100-200")
        XCTAssertEqual(range.text, "chr1:100-200")
        let single = try region("chr1:5-5")
        XCTAssertEqual(single.start, 4)
        XCTAssertEqual(single.end, 5)
        for text in ["chr1:100", "chr1:100-"] {
            let open = try region(text)
            XCTAssertEqual(open.start, 99, text)
            XCTAssertNil(open.end, text)
        }
        let head = try region("chr1:-50")
        XCTAssertEqual(head.start, 0)
        XCTAssertEqual(head.end, 50)
        let colonOnly = try region("chr1:")
        XCTAssertEqual(colonOnly.contig, "chr1")
        XCTAssertEqual(colonOnly.start, 0)
        XCTAssertNil(colonOnly.end)
    }

    func testThousandsSeparators() throws {
        let r = try region("chr1:1,000,000-2,000,000")
        XCTAssertEqual(r.start, 999_999)
        XCTAssertEqual(r.end, 2_000_000)
    }

    func testNamesWithColons() throws {
        let braced = try region("{HLA-A*01:01}:5-10")
        XCTAssertEqual(braced.contig, "HLA-A*01:01")
        XCTAssertEqual(braced.start, 4)
        XCTAssertEqual(braced.end, 10)
        XCTAssertNil(braced.wholeName, "braces are never ambiguous")
        let bracedWhole = try region("{HLA-A*01:01}")
        XCTAssertEqual(bracedWhole.contig, "HLA-A*01:01")
        XCTAssertNil(bracedWhole.end)
        // Unbraced: split at the last ':', the whole text kept as a second reading.
        let bare = try region("HLA-A*01:01")
        XCTAssertEqual(bare.contig, "HLA-A*01")
        XCTAssertEqual(bare.start, 0)
        XCTAssertEqual(bare.wholeName, "HLA-A*01:01")
        let ranged = try region("HLA-A*01:01:5-10")
        XCTAssertEqual(ranged.contig, "HLA-A*01:01")
        XCTAssertEqual(ranged.start, 4)
    }

    func testMalformedAndInvertedRegionsAreUsageErrors() {
        let malformed = ["", ":1-100", "chr1:0", "chr1:0-100", "chr1:5-0", "chr1:1-2x", "chr1:abc", "chr1:-",
                         "chr1:1-2-3", "{chr1:1-100", "{chr1}x", "{}:1-5", "chr1:99999999999999999999", "chr1:,"]
        for text in malformed {
            XCTAssertThrowsError(try region(text), text) { error in
                guard case .malformed? = error as? RegionError else { return XCTFail("\(text): \(error)") }
                XCTAssertTrue((error as! RegionError).isUsage, text)
            }
        }
        XCTAssertThrowsError(try region("chr1:200-100")) { error in
            XCTAssertEqual(error as? RegionError, .inverted(region: "chr1:200-100"))
            XCTAssertEqual((error as? RegionError)?.isUsage, true)
            XCTAssertEqual("\(error)", "region 'chr1:200-100': the start is after the end")
        }
    }

    func testInputProblemsAreNotUsageErrors() {
        XCTAssertFalse(RegionError.unknownContig(path: "a.fa", region: "x", contig: "x").isUsage)
        XCTAssertFalse(RegionError.missingIndex(path: "a.fa", index: "a.fa.fai", hint: "").isUsage)
        XCTAssertTrue(RegionError.standardInput.isUsage)
    }

    // MARK: - BED regions file

    private func bed(_ line: String, number: Int = 3) throws -> GenomicRegion? {
        try RegionsFile.parse(line: Array(line.utf8), number: number, path: "r.bed")
    }

    func testBedLines() throws {
        let r = try XCTUnwrap(try bed("chr1\t99\t200\tname\t0\t+"))
        XCTAssertEqual(r.contig, "chr1")
        XCTAssertEqual(r.start, 99, "BED start is already 0-based")
        XCTAssertEqual(r.end, 200)
        XCTAssertNil(r.wholeName, "a BED chrom is taken as is, ':' or not")
        XCTAssertEqual(r.text, "chr1:100-200", "shown in samtools syntax")
        XCTAssertEqual(try bed("a:b\t0\t5")?.contig, "a:b")
        for skipped in ["", "  \t", "# comment", "track name=x", "browser position chr1:1-100"] {
            XCTAssertNil(try bed(skipped), skipped)
        }
    }

    func testBadBedLines() {
        let cases = [
            ("chr1 100 200", "r.bed: line 3: expected BED: chrom, start, end separated by tabs (1 column)"),
            ("chr1\t100", "r.bed: line 3: expected BED: chrom, start, end separated by tabs (2 columns)"),
            ("\t1\t2", "r.bed: line 3: empty chrom"),
            ("chr1\t-1\t5", "r.bed: line 3: start '-1' is not a non-negative integer"),
            ("chr1\t1\t5x", "r.bed: line 3: end '5x' is not a non-negative integer"),
            ("chr1\t5\t5", "r.bed: line 3: start 5 is not less than end 5"),
            ("chr1\t9\t5", "r.bed: line 3: start 9 is not less than end 5"),
        ]
        for (line, message) in cases {
            XCTAssertThrowsError(try bed(line), line) { error in
                XCTAssertEqual("\(error)", message)
                XCTAssertEqual((error as? RegionError)?.isUsage, false)
            }
        }
    }

    func testRegionsFileReadsInOrderAndSkipsHeaders() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("regions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("r.bed")
        try "browser hide all\r\ntrack name=r\r\n#c\r\nchr2\t10\t20\r\n\r\nchr1\t0\t5\r\n".write(to: file, atomically: true, encoding: .utf8)
        let regions = try RegionsFile.read(path: file.path)
        XCTAssertEqual(regions.map(\.contig), ["chr2", "chr1"])
        XCTAssertEqual(regions.map(\.start), [10, 0])
        XCTAssertEqual(regions.map(\.end), [20, 5], "CRLF line ends are accepted")
        XCTAssertThrowsError(try RegionsFile.read(path: dir.appendingPathComponent("none.bed").path)) { error in
            XCTAssertEqual("\(error)", "\(dir.path)/none.bed: cannot read regions file: No such file or directory")
        }
    }

    // MARK: - Lookup

    private let contigs: [String: (id: Int32, length: Int)] = ["chr1": (0, 1000), "a": (1, 50), "a:1": (2, 70)]

    private func resolve(_ text: String) throws -> ResolvedRegion {
        try ResolvedRegion.resolve(try GenomicRegion.parse(text), path: "x.fa") { contigs[$0] }
    }

    func testLookupClipsToTheContigEnd() throws {
        XCTAssertEqual(try resolve("chr1:901-2000"), ResolvedRegion(contig: "chr1", id: 0, start: 900, end: 1000))
        XCTAssertEqual(try resolve("chr1"), ResolvedRegion(contig: "chr1", id: 0, start: 0, end: 1000))
        XCTAssertEqual(try resolve("chr1:1000"), ResolvedRegion(contig: "chr1", id: 0, start: 999, end: 1000))
        XCTAssertThrowsError(try resolve("chr1:1001-1100")) { error in
            XCTAssertEqual("\(error)", "x.fa: region 'chr1:1001-1100' starts past the end of 'chr1' (1000 bp)")
        }
    }

    func testLookupOfNamesWithColons() throws {
        XCTAssertEqual(try resolve("{a:1}"), ResolvedRegion(contig: "a:1", id: 2, start: 0, end: 70))
        XCTAssertEqual(try resolve("{a}:1"), ResolvedRegion(contig: "a", id: 1, start: 0, end: 50))
        XCTAssertThrowsError(try resolve("a:1")) { error in
            XCTAssertEqual(error as? RegionError, .ambiguous(path: "x.fa", region: "a:1"))
        }
        XCTAssertEqual(try resolve("a:1:5-6"), ResolvedRegion(contig: "a:1", id: 2, start: 4, end: 6))
        XCTAssertThrowsError(try resolve("chr9:1-5")) { error in
            XCTAssertEqual("\(error)", "x.fa: region 'chr9:1-5': no sequence named 'chr9' in this file")
        }
    }
}
