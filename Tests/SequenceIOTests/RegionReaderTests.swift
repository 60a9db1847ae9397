import Foundation
import XCTest
@testable import SequenceIO

/// The indexed readers behind `--region`: FASTA through its .fai (plain and bgzip + .gzi) and BAM/CRAM
/// through their index, checked against whole-file reads of the same fixtures
/// (fixtures/seq/ref.fa, aligned.sam/.bam/.cram, made by scripts/make-fixtures.sh).
final class RegionReaderTests: SequenceIOTestCase {
    static let seq = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fixtures/seq")
    private func fixture(_ name: String) -> String { Self.seq.appendingPathComponent(name).path }

    private struct Region: Equatable {
        var name: String
        var offset: Int
        var bases: String
    }

    /// Every record of the regions of `path`, read `bufferSize` bases at a time.
    private func readRegions(_ path: String, _ texts: [String], bufferSize: Int = 4096) throws -> [Region] {
        let source = try RegionReaders.open(path: path, regions: texts.map { try GenomicRegion.parse($0) })
        defer { source.close() }
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bufferSize)
        defer { buffer.deallocate() }
        var out: [Region] = []
        while let info = try source.nextRecord() {
            var bases: [UInt8] = []
            while case let n = try source.readBases(into: buffer), n > 0 { bases.append(contentsOf: buffer[0..<n]) }
            out.append(Region(name: info.name, offset: source.recordOffset, bases: String(decoding: bases, as: UTF8.self)))
        }
        XCTAssertNil(try source.nextRecord(), "the end stays the end")
        return out
    }

    private func wholeRecords(_ path: String) throws -> [String: String] {
        Dictionary(try readAll(path).map { ($0.name, $0.bases) }, uniquingKeysWith: { a, _ in a })
    }

    private func slice(_ text: String, _ start: Int, _ end: Int) -> String {
        String(text.utf8.dropFirst(start).prefix(end - start))!
    }

    func testFastaRegionsAreSlicesOfTheWholeRecords() throws {
        let whole = try wholeRecords(fixture("ref.fa"))
        let chr1 = try XCTUnwrap(whole["chr1"])
        let chr2 = try XCTUnwrap(whole["chr2"])
        XCTAssertEqual(chr1.count, 2000)
        let texts = ["chr1:1-60", "chr1:60-61", "chr1:1,151-1,300", "chr2", "chr1:1990-5000", "chr1:1-60",
                     "{HLA-A*01:01}:2-3"]
        let expected = [
            Region(name: "chr1", offset: 0, bases: slice(chr1, 0, 60)),
            Region(name: "chr1", offset: 59, bases: slice(chr1, 59, 61)),
            Region(name: "chr1", offset: 1150, bases: slice(chr1, 1150, 1300)),
            Region(name: "chr2", offset: 0, bases: chr2),
            Region(name: "chr1", offset: 1989, bases: slice(chr1, 1989, 2000)),
            Region(name: "chr1", offset: 0, bases: slice(chr1, 0, 60)),
            Region(name: "HLA-A*01:01", offset: 1, bases: slice(try XCTUnwrap(whole["HLA-A*01:01"]), 1, 3)),
        ]
        for path in [fixture("ref.fa"), fixture("ref.fa.bgz")] {
            for size in [1, 7, 61, 4096] {
                XCTAssertEqual(try readRegions(path, texts, bufferSize: size), expected, "\(path), buffer \(size)")
            }
        }
    }

    func testFastaRegionUpperCasesAndValidates() throws {
        let fasta = try write("x.fa", ">s\nacgtNNuu\nACGE\n")
        try write("x.fa.fai", "s\t12\t3\t8\t9\n")
        XCTAssertEqual(try readRegions(fasta, ["s:1-8"]), [Region(name: "s", offset: 0, bases: "ACGTNNTT")])
        XCTAssertThrowsError(try readRegions(fasta, ["s:8-12"])) { error in
            XCTAssertEqual("\(error)", "\(fasta): record 's': invalid character 'E' (0x45) in sequence; protein FASTA?")
        }
    }

    func testFastaIndexProblems() throws {
        let fasta = try write("y.fa", ">s\nACGT\n")
        XCTAssertThrowsError(try readRegions(fasta, ["s"])) { error in
            XCTAssertEqual(error as? RegionError,
                           .missingIndex(path: fasta, index: fasta + ".fai", hint: "run 'samtools faidx \(fasta)'"))
        }
        try write("y.fa.fai", "garbage\n")
        XCTAssertThrowsError(try readRegions(fasta, ["s"])) { error in
            XCTAssertEqual(error as? RegionError, .badIndex(path: fasta, index: fasta + ".fai"))
        }
        XCTAssertThrowsError(try readRegions(fixture("ref-nogzi.fa.bgz"), ["chr1"])) { error in
            guard case let .missingIndex(_, index, _)? = error as? RegionError else { return XCTFail("\(error)") }
            XCTAssertTrue(index.hasSuffix(".gzi"), index)
        }
        XCTAssertThrowsError(try readRegions(fixture("ref.fa"), ["chr9"])) { error in
            XCTAssertEqual(error as? RegionError, .unknownContig(path: fixture("ref.fa"), region: "chr9", contig: "chr9"))
        }
    }

    func testInputsThatCannotBeIndexed() throws {
        XCTAssertThrowsError(try readRegions("-", ["s"])) { XCTAssertEqual($0 as? RegionError, .standardInput) }
        let fastq = try write("r.fq", "@r\nACGT\n+\nIIII\n")
        XCTAssertThrowsError(try readRegions(fastq, ["s"])) { error in
            guard case .notIndexable? = error as? RegionError else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try readRegions(path("missing.fa"), ["s"])) { error in
            guard case .input(.cannotOpen)? = error as? RegionError else { return XCTFail("\(error)") }
        }
    }

    /// Reads of aligned.sam overlapping [start, end) on `contig`, primary only, in file order.
    private func expectedReads(_ contig: String, _ start: Int, _ end: Int) throws -> [String] {
        let sam = try String(contentsOfFile: fixture("aligned.sam"), encoding: .utf8)
        return sam.split(separator: "\n").compactMap { line in
            let f = line.split(separator: "\t").map(String.init)
            guard !line.hasPrefix("@"), f.count >= 10, f[2] == contig, let flag = Int(f[1]), flag & 0x904 == 0,
                  let pos = Int(f[3]) else { return nil }
            return pos - 1 < end && pos - 1 + f[9].count > start ? f[0] : nil
        }
    }

    func testAlignmentRegionsReturnTheOverlappingReads() throws {
        let whole = try wholeRecords(fixture("aligned.bam"))
        let first = try expectedReads("chr2", 100, 400)
        let second = try expectedReads("chr1", 1049, 1200)
        XCTAssertGreaterThan(first.count, 3)
        XCTAssertGreaterThan(second.count, 1)
        for name in ["aligned.bam", "aligned.cram"] {
            let got = try readRegions(fixture(name), ["chr2:101-400", "chr1:1050-1200"], bufferSize: 33)
            XCTAssertEqual(got.map(\.name), first + second, name)
            XCTAssertEqual(got.map(\.offset), Array(repeating: 0, count: got.count), "reads are whole records")
            for read in got {
                XCTAssertEqual(read.bases, whole[read.name], "\(name) \(read.name): as in a whole-file read")
            }
        }
        XCTAssertEqual(try readRegions(fixture("aligned.bam"), ["chr2:1-3"]), [], "no reads there: no records")
    }

    func testAlignmentIndexProblems() throws {
        XCTAssertThrowsError(try readRegions(fixture("small.bam"), ["tiny"])) { error in
            guard case .missingIndex? = error as? RegionError else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try readRegions(fixture("aligned.cram"), ["chrX:1-10"])) { error in
            guard case .unknownContig? = error as? RegionError else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try readRegions(fixture("aligned.bam"), ["chr2:501-600"])) { error in
            XCTAssertEqual("\(error)", "\(fixture("aligned.bam")): region 'chr2:501-600' starts past the end of 'chr2' (500 bp)")
        }
    }
}
