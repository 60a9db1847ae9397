import Foundation
import XCTest
@testable import Annotation

/// Checks against real annotation files: the pPCP1 fixture in the repository, and the shared data
/// sets at `../shared/data` relative to the repository root (skipped when absent).
final class AnnotationRealDataTests: XCTestCase {
    /// The repository root, from this file's path (`Tests/AnnotationTests/<file>`).
    private static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testPPCP1Fixture() throws {
        let path = Self.repositoryRoot.appendingPathComponent("fixtures/real/pPCP1.gff3.gz").path
        let set = try AnnotationReader.read(path: path)
        XCTAssertEqual(set.format, .gff3)
        XCTAssertEqual(set.cdsCount, 10)
        XCTAssertEqual(set.featureCount, 10)
        XCTAssertEqual(set.seqids, ["NC_005816.1"])
        let list = try XCTUnwrap(set.intervals["NC_005816.1"])
        // GFF3 `87 1109 +` (putative transposase) and `4815 5888 -` (pesticin).
        XCTAssertEqual(list.first, CDSInterval(seqid: "NC_005816.1", start: 86, end: 1109, strand: .plus))
        XCTAssertTrue(list.contains(CDSInterval(seqid: "NC_005816.1", start: 4814, end: 5888, strand: .minus)))
        XCTAssertEqual(set.intervalsExtendingPast(lengths: ["NC_005816.1": 9609]), [])
        let covered = set.coverageAnyStrand(seqid: "NC_005816.1", length: 9609).reduce(0) { $0 + Int($1) }
        XCTAssertGreaterThan(covered, 5000)
        XCTAssertLessThan(covered, 6500)
    }

    /// (folder, CDS lines, distinct CDS features, seqids with CDS). E. coli: 22 CDS span two or three
    /// lines under one ID (ribosomal slippage, split genes), 4315 features as in its README. Klebsiella:
    /// the converter reused 5 IDs for a second, distinct CDS of the same locus (duplicated gene names),
    /// so 3280 IDs for 3285 CDS. A. thaliana: 463 mRNAs, plus 3 genes cut at the slice edge whose
    /// mRNA and protein lines are absent, so their `-Protein` parent cannot be recognized (466).
    private static let sharedSets: [(String, Int, Int, Int)] = [
        ("ecoli_k12_mg1655", 4337, 4315, 1),
        ("bsubtilis_168", 4176, 4176, 1),
        ("klebsiella_k_loci", 3285, 3280, 162),
        ("ypestis_pPCP1", 10, 10, 1),
        ("athaliana_slice", 2443, 466, 7),
        ("dmelanogaster_slice", 880, 244, 5),
    ]

    func testSharedDataCounts() throws {
        let data = Self.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
        guard FileManager.default.fileExists(atPath: data.path) else {
            throw XCTSkip("no shared data at \(data.path)")
        }
        for (folder, lines, features, seqids) in Self.sharedSets {
            let path = data.appendingPathComponent(folder).appendingPathComponent("annotation.gff3.gz").path
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let set = try AnnotationReader.read(path: path)
            XCTAssertEqual(set.format, .gff3, folder)
            XCTAssertEqual(set.cdsCount, lines, folder)
            XCTAssertEqual(set.featureCount, features, folder)
            XCTAssertEqual(set.seqids.count, seqids, folder)
        }
    }

    /// Coding fraction (bases covered by any CDS) against the README's figures, lengths from the files'
    /// `##sequence-region` headers.
    func testSharedDataCodingFractions() throws {
        let data = Self.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
        let cases = [("ecoli_k12_mg1655", "NC_000913.3", 4_641_652, 0.862), ("bsubtilis_168", "NC_000964.3", 4_215_606, 0.876)]
        var checked = 0
        for (folder, seqid, length, fraction) in cases {
            let path = data.appendingPathComponent(folder).appendingPathComponent("annotation.gff3.gz").path
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let set = try AnnotationReader.read(path: path)
            let covered = set.coverageAnyStrand(seqid: seqid, length: length).reduce(0) { $0 + Int($1) }
            XCTAssertEqual(Double(covered) / Double(length), fraction, accuracy: 0.0005, folder)
            XCTAssertEqual(set.intervalsExtendingPast(lengths: [seqid: length]), [], folder)
            checked += 1
        }
        if checked == 0 { throw XCTSkip("no shared data at \(data.path)") }
    }
}
