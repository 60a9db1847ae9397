import Annotation
import Assessment
import XCTest

/// Seqids of the annotation against the records of the genome.
final class AnnotationMatchTests: XCTestCase {
    private let genome = ScoredGenome(path: "dir/g.fa", sequences: [
        ScoredSequence(name: "chr1", length: 100, bins: []),
        ScoredSequence(name: "chr2", length: 50, bins: []),
    ], window: 60, step: 20, minLength: 20)

    private func annotation(_ intervals: [CDSInterval]) -> AnnotationSet {
        AnnotationSet(path: "ann.gff3", format: .gff3, intervals: intervals)
    }

    func testMissingSeqidsAreCounted() throws {
        let match = try AnnotationMatch(annotation: annotation([
            CDSInterval(seqid: "chr1", start: 0, end: 100, strand: .plus),
            CDSInterval(seqid: "plasmid", start: 0, end: 30, strand: .plus),
            CDSInterval(seqid: "plasmid", start: 40, end: 90, strand: .minus),
            CDSInterval(seqid: "chrM", start: 5, end: 9, strand: .plus),
        ]), genome: genome)
        XCTAssertEqual(match.missingSeqids, ["plasmid": 2, "chrM": 1])
        XCTAssertEqual(match.missingCDS, 3)
        XCTAssertEqual(match.missingNames, ["chrM", "plasmid"])
    }

    func testNothingMissing() throws {
        let match = try AnnotationMatch(annotation: annotation([
            CDSInterval(seqid: "chr2", start: 0, end: 50, strand: .plus),
        ]), genome: genome)
        XCTAssertEqual(match.missingSeqids, [:])
        XCTAssertEqual(match.missingCDS, 0)
    }

    func testCDSPastTheEndIsAnErrorNamingFileAndSeqid() {
        let set = annotation([
            CDSInterval(seqid: "chr1", start: 90, end: 101, strand: .plus),
            CDSInterval(seqid: "chr2", start: 10, end: 60, strand: .minus),
            CDSInterval(seqid: "chr2", start: 0, end: 50, strand: .plus),
        ])
        XCTAssertThrowsError(try AnnotationMatch(annotation: set, genome: genome)) { error in
            XCTAssertEqual("\(error)", "ann.gff3: CDS chr1:90-101(+) (0-based, half-open) ends past the end of "
                + "seqid 'chr1' in dir/g.fa (100 bp) (and 1 more CDS past a sequence end); does the annotation belong "
                + "to this genome?")
        }
    }

    func testAnAnnotationOnNoRecordOfTheGenomeIsAnError() {
        let genome = ScoredGenome(path: "g.fa", sequences: [
            ScoredSequence(name: "1", length: 100, bins: []), ScoredSequence(name: "2", length: 100, bins: []),
            ScoredSequence(name: "3", length: 100, bins: []), ScoredSequence(name: "4", length: 100, bins: []),
        ], window: 60, step: 20, minLength: 20)
        let named = annotation([CDSInterval(seqid: "chr1", start: 0, end: 30, strand: .plus),
                                CDSInterval(seqid: "chr2", start: 0, end: 30, strand: .minus)])
        XCTAssertThrowsError(try AnnotationMatch(annotation: named, genome: genome)) { error in
            XCTAssertEqual("\(error)", "ann.gff3: none of its 2 CDS lies on a record of g.fa: the annotation names "
                + "'chr1', 'chr2', the genome '1', '2', '3' and 1 more (the same assembly named another way?)")
        }
        // One shared seqid is enough (the others are counted as missing), and no CDS at all is no mistake.
        let partly = annotation([CDSInterval(seqid: "chr1", start: 0, end: 30, strand: .plus),
                                 CDSInterval(seqid: "2", start: 0, end: 30, strand: .plus)])
        XCTAssertEqual(try AnnotationMatch(annotation: partly, genome: genome).missingSeqids, ["chr1": 1])
        XCTAssertNoThrow(try AnnotationMatch(annotation: annotation([]), genome: genome))
    }

    func testDuplicateRecordNamesAreAnError() {
        let twice = ScoredGenome(path: "g.fa", sequences: [
            ScoredSequence(name: "x", length: 10, bins: []), ScoredSequence(name: "x", length: 20, bins: []),
        ], window: 60, step: 20, minLength: 20)
        XCTAssertThrowsError(try AnnotationMatch(annotation: annotation([]), genome: twice)) { error in
            XCTAssertEqual("\(error)", "g.fa: two records are named 'x'; CDS on that seqid cannot be placed")
        }
    }

    func testAssessorReportsTheMissingSeqidsOfARealScan() throws {
        let set = annotation([
            CDSInterval(seqid: "alpha", start: 0, end: 300, strand: .plus),
            CDSInterval(seqid: "gamma", start: 0, end: 30, strand: .plus),
        ])
        let assessment = try Assessor(model: AssessmentFixtures.tinyModel)
            .assess(genome: AssessmentFixtures.path("fixtures/seq/two.fa"), annotation: set)
        XCTAssertEqual(assessment.match.missingSeqids, ["gamma": 1])
        XCTAssertEqual(assessment.metrics.bases, 1383)
        XCTAssertEqual(assessment.metrics.codingFraction, 300.0 / 1383, accuracy: 1e-12)
    }

    func testAnnotationReadErrorsPassThrough() {
        XCTAssertThrowsError(try Assessor.readAnnotation(path: "/nonexistent/a.gff3")) { error in
            XCTAssertEqual("\(error)", "/nonexistent/a.gff3: cannot open: No such file or directory")
        }
    }
}
