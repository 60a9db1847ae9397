import XCTest
@testable import Annotation

final class AnnotationGTFAndBEDTests: XCTestCase {
    func testGTFIsDetectedAndGroupedByTranscript() throws {
        let text = """
        #!genome-build test
        chr1\tEnsembl\texon\t1\t100\t.\t+\t.\tgene_id "g1"; transcript_id "t1";
        chr1\tEnsembl\tCDS\t11\t40\t.\t+\t0\tgene_id "g1"; transcript_id "t1"; exon_number "1";
        chr1\tEnsembl\tCDS\t61\t90\t.\t+\t0\tgene_id "g1"; transcript_id "t1"; exon_number "2";
        chr1\tEnsembl\tstart_codon\t11\t13\t.\t+\t0\tgene_id "g1"; transcript_id "t1";
        chr%20x\tEnsembl\tCDS\t5\t7\t.\t-\t0\tgene_id "g2"; transcript_id "t2";
        chr%20x\tEnsembl\tCDS\t9\t9\t.\t-\t0\tgene_id "g2";

        """
        let files = try TemporaryFiles()
        let set = try AnnotationReader.read(path: try files.plain("a.gtf", text))
        XCTAssertEqual(set.format, .gtf)
        XCTAssertEqual(set.cdsCount, 4)
        XCTAssertEqual(set.featureCount, 3)
        XCTAssertEqual(set.intervals["chr1"]?.map { [$0.start, $0.end] }, [[10, 40], [60, 90]])
        // GTF seqids are taken literally (percent-decoding is GFF3's).
        XCTAssertEqual(set.intervals["chr%20x"]?.first, CDSInterval(seqid: "chr%20x", start: 4, end: 7, strand: .minus))
    }

    func testGTFTranscriptIDParsing() {
        func id(_ text: String) -> String? {
            Array(text.utf8).withUnsafeBufferPointer { GFFLineParser.gtfTranscriptID($0) }
        }
        XCTAssertEqual(id(#"gene_id "g"; transcript_id "t.1";"#), "t.1")
        XCTAssertEqual(id(#"transcript_id t2"#), "t2")
        XCTAssertNil(id(#"transcript_idx "t"; gene_id "g""#))
        XCTAssertNil(id(#"transcript_id """#))
    }

    func testBED6IsZeroBasedHalfOpenAndSkipsHeaders() throws {
        let text = """
        browser position chr1:1-100
        track name=cds description="test"
        # comment
        chr1\t0\t3\tcds1\t0\t+
        chr1\t2\t6\tcds2\t0\t-\textra
        chr1\t7\t7\tempty\t0\t+
        chrB 10 20 spaced 0 -

        """
        let files = try TemporaryFiles()
        let set = try AnnotationReader.read(path: try files.plain("a.bed", text))
        XCTAssertEqual(set.format, .bed)
        XCTAssertEqual(set.intervals["chr1"], [
            CDSInterval(seqid: "chr1", start: 0, end: 3, strand: .plus),
            CDSInterval(seqid: "chr1", start: 2, end: 6, strand: .minus),
        ])
        XCTAssertEqual(set.intervals["chrB"], [CDSInterval(seqid: "chrB", start: 10, end: 20, strand: .minus)])
        XCTAssertEqual(set.featureCount, 3)
        XCTAssertEqual(set.coverage(seqid: "chr1", length: 4, strand: .plus), [1, 1, 1, 0])
    }

    func testBED12KeepsCodingPartsOfBlocks() throws {
        // Blocks [100,150) [200,260) [300,400); thick [120,330).
        let coding = "chr2\t100\t400\ttx1\t0\t+\t120\t330\t0\t3\t50,60,100,\t0,100,200,\n"
        let noncoding = "chr2\t500\t600\ttx2\t0\t-\t500\t500\t0\t1\t100\t0\n"
        let files = try TemporaryFiles()
        let set = try AnnotationReader.read(path: try files.plain("a.bed", coding + noncoding))
        XCTAssertEqual(set.intervals["chr2"]?.map { [$0.start, $0.end] }, [[120, 150], [200, 260], [300, 330]])
        XCTAssertEqual(set.featureCount, 1)
    }

    func testBEDIsGzipToo() throws {
        let files = try TemporaryFiles()
        let set = try AnnotationReader.read(path: try files.compressed("a.bed.gz", "c\t5\t9\tx\t0\t-\n"))
        XCTAssertEqual(set.intervals["c"], [CDSInterval(seqid: "c", start: 5, end: 9, strand: .minus)])
    }

    func testBED3HasNoStrandButCounts() throws {
        let files = try TemporaryFiles()
        let path = try files.plain("cds.bed", "c\t10\t40\nc\t50\t60\tname\nc\t70\t70\n")
        let set = try AnnotationReader.read(path: path)
        XCTAssertEqual(set.format, .bed)
        XCTAssertEqual(set.unstrandedCDS, 2, "empty intervals are not CDS")
        XCTAssertEqual(set.intervals["c"], [CDSInterval(seqid: "c", start: 10, end: 40, strand: .plus),
                                           CDSInterval(seqid: "c", start: 50, end: 60, strand: .plus)])
        XCTAssertEqual(try AnnotationReader.read(path: try files.plain("six.bed", "c\t1\t9\tn\t0\t-\n")).unstrandedCDS, 0)
    }

}
