import XCTest
@testable import Annotation

final class AnnotationGFF3Tests: XCTestCase {
    func testCoordinatesBecomeZeroBasedHalfOpen() throws {
        let files = try TemporaryFiles()
        let path = try files.plain("a.gff3", "##gff-version 3\nchr1\tsrc\tCDS\t1\t3\t.\t+\t0\tID=c1\n")
        let set = try AnnotationReader.read(path: path)
        XCTAssertEqual(set.format, .gff3)
        XCTAssertEqual(set.intervals["chr1"], [CDSInterval(seqid: "chr1", start: 0, end: 3, strand: .plus)])
        XCTAssertEqual(set.coverage(seqid: "chr1", length: 5, strand: .plus), [1, 1, 1, 0, 0])
        XCTAssertEqual(set.coverage(seqid: "chr1", length: 5, strand: .minus), [0, 0, 0, 0, 0])
    }

    func testTranslationTableOfTheCDSLines() throws {
        let files = try TemporaryFiles()
        let one = try files.plain("one.gff3", "c\ts\tCDS\t1\t3\t.\t+\t0\tID=a;transl_table=4\n"
            + "c\ts\tgene\t1\t3\t.\t+\t.\tID=g;transl_table=11\nc\ts\tCDS\t4\t6\t.\t+\t0\tID=b; transl_table=4\n")
        let set = try AnnotationReader.read(path: one)
        XCTAssertEqual(set.translationTables, [4: 2], "only CDS lines count")
        XCTAssertEqual(set.translationTable, 4)
        let mixed = try files.plain("mixed.gff3", "c\ts\tCDS\t1\t3\t.\t+\t0\ttransl_table=4\n"
            + "c\ts\tCDS\t4\t6\t.\t+\t0\ttransl_table=11\n")
        XCTAssertNil(try AnnotationReader.read(path: mixed).translationTable, "two codes: none is stated")
        let none = try files.plain("none.gff3", "c\ts\tCDS\t1\t3\t.\t+\t0\tID=a\n")
        XCTAssertNil(try AnnotationReader.read(path: none).translationTable)
    }

    func testOnlyCDSLinesCountAndRefSeqLinesAreIgnored() throws {
        let text = """
        ##gff-version 3
        #!processor NCBI annotwriter
        ##sequence-region NC_1 1 1000
        NC_1\tRefSeq\tregion\t1\t1000\t.\t+\t.\tID=NC_1:1..1000
        NC_1\tRefSeq\tgene\t10\t99\t.\t+\t.\tID=gene-a
        NC_1\tRefSeq\tCDS\t10\t99\t.\t+\t0\tID=cds-a;Parent=gene-a
        NC_1\tRefSeq\tpseudogene\t200\t300\t.\t.\t.\tID=gene-p
        NC_1\tRefSeq\tncRNA\t400\t450\t.\t-\t.\tID=rna-x
        NC_1\tRefSeq\texon\t400\t450\t.\t-\t.\tParent=rna-x
        NC_1\tRefSeq\tcds\t500\t600\t.\t+\t0\tID=lowercase-is-not-CDS
        NC_1\tRefSeq\tCDS\t700\t900\t.\t-\t0\tID=cds-b

        """
        let files = try TemporaryFiles()
        let set = try AnnotationReader.read(path: try files.plain("refseq.gff3", text))
        XCTAssertEqual(set.cdsCount, 2)
        XCTAssertEqual(set.featureCount, 2)
        XCTAssertEqual(set.intervals["NC_1"], [
            CDSInterval(seqid: "NC_1", start: 9, end: 99, strand: .plus),
            CDSInterval(seqid: "NC_1", start: 699, end: 900, strand: .minus),
        ])
    }

    func testLinesSharingAnIDAreOneFeature() throws {
        // E. coli prfB-style ribosomal slippage: one CDS ID over two lines.
        let text = """
        ##gff-version 3
        NC_1\tRefSeq\tCDS\t100\t174\t.\t-\t0\tID=cds-prfB;Parent=gene-prfB
        NC_1\tRefSeq\tCDS\t176\t1200\t.\t-\t0\tID=cds-prfB;Parent=gene-prfB
        NC_1\tRefSeq\tCDS\t2000\t2100\t.\t+\t0\tID=cds-other

        """
        let files = try TemporaryFiles()
        let set = try AnnotationReader.read(path: try files.plain("slip.gff3", text))
        XCTAssertEqual(set.cdsCount, 3)
        XCTAssertEqual(set.featureCount, 2)
    }

    func testFlyBaseMultiParentCDSIsOneInterval() throws {
        let text = """
        2L\tFlyBase\tmRNA\t9839\t21376\t.\t-\t.\tID=FBtr1;Parent=FBgn1
        2L\tFlyBase\tCDS\t11215\t11344\t.\t-\t1\tParent=FBtr1,FBtr2
        2L\tFlyBase\tCDS\t11215\t11344\t.\t-\t1\tParent=FBtr3
        2L\tFlyBase\tCDS\t11410\t11518\t.\t-\t0\tParent=FBtr1,FBtr2,FBtr3

        """
        let files = try TemporaryFiles()
        let set = try AnnotationReader.read(path: try files.plain("fly.gff", text))
        XCTAssertEqual(set.format, .gff3)
        XCTAssertEqual(set.cdsCount, 3)
        XCTAssertEqual(set.featureCount, 3)
        XCTAssertEqual(set.intervals["2L"]?.first, CDSInterval(seqid: "2L", start: 11214, end: 11344, strand: .minus))
        XCTAssertEqual(set.coverage(seqid: "2L", length: 11520, strand: .minus).reduce(0) { $0 + Int($1) }, 130 + 109)
    }

    func testTAIRProteinLinesAndProteinParentsAreIgnored() throws {
        let text = """
        Chr1\tTAIR10\tgene\t3631\t5899\t.\t+\t.\tID=AT1G01010;Note=protein_coding_gene
        Chr1\tTAIR10\tmRNA\t3631\t5899\t.\t+\t.\tID=AT1G01010.1;Parent=AT1G01010
        Chr1\tTAIR10\tprotein\t3760\t5630\t.\t+\t.\tID=AT1G01010.1-Protein;Derives_from=AT1G01010.1
        Chr1\tTAIR10\texon\t3631\t3913\t.\t+\t.\tParent=AT1G01010.1
        Chr1\tTAIR10\tCDS\t3760\t3913\t.\t+\t0\tParent=AT1G01010.1,AT1G01010.1-Protein;
        Chr1\tTAIR10\tCDS\t3996\t4276\t.\t+\t2\tParent=AT1G01010.1,AT1G01010.1-Protein;

        """
        let files = try TemporaryFiles()
        let set = try AnnotationReader.read(path: try files.plain("tair.gff", text))
        XCTAssertEqual(set.format, .gff3)
        XCTAssertEqual(set.cdsCount, 2)
        XCTAssertEqual(set.featureCount, 1)
        XCTAssertEqual(set.intervals["Chr1"]?.map(\.start), [3759, 3995])
    }

    func testBracketsAndPercentEscapesInSeqids() throws {
        let text = """
        ##gff-version 3
        AB924547.[1]\tkaptive\tCDS\t1\t897\t.\t+\t0\tID=cds-AB924547.[1]-galF
        chr%201%3Bx\tsrc\tCDS\t5\t10\t.\t-\t0\tID=e
        odd%zz%4\tsrc\tCDS\t5\t10\t.\t-\t0\tID=f

        """
        let files = try TemporaryFiles()
        let set = try AnnotationReader.read(path: try files.plain("names.gff3", text))
        XCTAssertEqual(set.seqids, ["AB924547.[1]", "chr 1;x", "odd%zz%4"])
        XCTAssertEqual(set.intervals["AB924547.[1]"], [CDSInterval(seqid: "AB924547.[1]", start: 0, end: 897, strand: .plus)])
        XCTAssertEqual(set.seqidsMissing(from: ["AB924547.[1]", "chr 1;x"]), ["odd%zz%4": 1])
    }

    func testFASTASectionEndsTheAnnotation() throws {
        let text = """
        ##gff-version 3
        c\tsrc\tCDS\t1\t6\t.\t+\t0\tID=a
        ##FASTA
        >c
        ATGTAA

        """
        let files = try TemporaryFiles()
        XCTAssertEqual(try AnnotationReader.read(path: try files.plain("f.gff3", text)).cdsCount, 1)
        let implicit = "##gff-version 3\nc\tsrc\tCDS\t1\t6\t.\t+\t0\tID=a\n>c\nATGTAA\n"
        XCTAssertEqual(try AnnotationReader.read(path: try files.plain("g.gff3", implicit)).cdsCount, 1)
    }

    func testCRLFLineEndsAndNonCDSStrandDot() throws {
        let text = "##gff-version 3\r\nc\tsrc\tgene\t1\t9\t.\t.\t.\tID=g\r\nc\tsrc\tCDS\t1\t9\t.\t-\t0\tID=a\r\n"
        let files = try TemporaryFiles()
        let set = try AnnotationReader.read(path: try files.plain("crlf.gff3", text))
        XCTAssertEqual(set.intervals["c"], [CDSInterval(seqid: "c", start: 0, end: 9, strand: .minus)])
    }

    func testGzipBGZFAndPlainReadAlike() throws {
        let text = "##gff-version 3\nc\tsrc\tCDS\t3\t8\t.\t+\t0\tID=a\nc\tsrc\tCDS\t1\t4\t.\t-\t0\tID=b\nd\ts\tCDS\t2\t2\t.\t+\t0\t.\n"
        let files = try TemporaryFiles()
        let plain = try AnnotationReader.read(path: try files.plain("p.gff3", text))
        let gzip = try AnnotationReader.read(path: try files.compressed("p.gff3.gz", text, mode: "wg"))
        let bgzf = try AnnotationReader.read(path: try files.compressed("p.gff3.bgz", text, mode: "w"))
        XCTAssertEqual(plain.intervals, gzip.intervals)
        XCTAssertEqual(plain.intervals, bgzf.intervals)
        XCTAssertEqual(gzip.cdsCount, 3)
        XCTAssertEqual(plain.intervals["c"]?.map(\.start), [0, 2])
        XCTAssertEqual(plain.intervals["d"], [CDSInterval(seqid: "d", start: 1, end: 2, strand: .plus)])
    }

    func testFormatOverride() throws {
        let files = try TemporaryFiles()
        let path = try files.plain("x.txt", "c\t0\t10\tn\t0\t+\n")
        XCTAssertEqual(try AnnotationReader.read(path: path).format, .bed)
        XCTAssertThrowsError(try AnnotationReader.read(path: path, format: .gff3)) { error in
            XCTAssertEqual("\(error)", "\(path): line 1: GFF3 line needs 9 tab-separated columns, found 6 columns")
        }
    }

    func testCommentsOnlyGiveAnEmptySet() throws {
        let files = try TemporaryFiles()
        let set = try AnnotationReader.read(path: try files.plain("h.gff3", "##gff-version 3\n# nothing\n\n"))
        XCTAssertEqual(set.cdsCount, 0)
        XCTAssertEqual(set.featureCount, 0)
        XCTAssertEqual(set.format, .gff3)
    }

    func testLongLinesAcrossBlocks() throws {
        // Attribute columns far longer than one read block, and many lines.
        let note = String(repeating: "x", count: 3_000_000)
        var text = "##gff-version 3\n"
        for index in 0..<2000 {
            text += "c\ts\tCDS\t\(index * 10 + 1)\t\(index * 10 + 5)\t.\t+\t0\tID=a\(index)"
            text += index == 1000 ? ";Note=\(note)\n" : "\n"
        }
        let files = try TemporaryFiles()
        let set = try AnnotationReader.read(path: try files.compressed("long.gff3.gz", text))
        XCTAssertEqual(set.cdsCount, 2000)
        XCTAssertEqual(set.featureCount, 2000)
        XCTAssertEqual(set.intervals["c"]?.last, CDSInterval(seqid: "c", start: 19990, end: 19995, strand: .plus))
    }
}
