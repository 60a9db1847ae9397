import XCTest
@testable import Annotation
import SeededRandom

final class AnnotationSetTests: XCTestCase {
    private let set = AnnotationSet(path: "mem", format: .bed, intervals: [
        CDSInterval(seqid: "a", start: 2, end: 6, strand: .plus),
        CDSInterval(seqid: "a", start: 0, end: 3, strand: .plus),
        CDSInterval(seqid: "a", start: 4, end: 5, strand: .plus),
        CDSInterval(seqid: "a", start: 5, end: 9, strand: .minus),
        CDSInterval(seqid: "a", start: 8, end: 14, strand: .minus),
        CDSInterval(seqid: "b", start: 1, end: 2, strand: .minus),
    ])

    func testIntervalsAreSortedPerSeqid() {
        XCTAssertEqual(set.intervals["a"]?.map(\.start), [0, 2, 4, 5, 8])
        XCTAssertEqual(set.cdsCount, 6)
        XCTAssertEqual(set.featureCount, 6)
        XCTAssertEqual(set.seqids, ["a", "b"])
    }

    func testCoverageOnBothStrandsWithOverlaps() {
        XCTAssertEqual(set.coverage(seqid: "a", length: 12, strand: .plus), [1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0])
        XCTAssertEqual(set.coverage(seqid: "a", length: 12, strand: .minus), [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1])
        XCTAssertEqual(set.coverageAnyStrand(seqid: "a", length: 12), [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1])
        XCTAssertEqual(set.coverageAnyStrand(seqid: "b", length: 3), [0, 1, 0])
        XCTAssertEqual(set.coverage(seqid: "b", length: 3, strand: .plus), [0, 0, 0])
        XCTAssertEqual(set.coverage(seqid: "zzz", length: 2, strand: .plus), [0, 0])
        XCTAssertEqual(set.coverage(seqid: "a", length: 0, strand: .plus), [])
        XCTAssertEqual(set.coverage(seqid: "a", length: -1, strand: .plus), [])
    }

    func testCoverageMatchesANaiveFill() {
        var generator = SeededGenerator(state: 9)
        var intervals: [CDSInterval] = []
        for _ in 0..<300 {
            let start = Int.random(in: 0..<1000, using: &generator)
            let end = start + Int.random(in: 1...80, using: &generator)
            intervals.append(CDSInterval(seqid: "s", start: start, end: end, strand: Bool.random(using: &generator) ? .plus : .minus))
        }
        let random = AnnotationSet(path: "mem", format: .bed, intervals: intervals)
        for strand in [Strand.plus, .minus] {
            var naive = [UInt8](repeating: 0, count: 900)
            for interval in intervals where interval.strand == strand {
                for base in interval.start..<max(interval.start, min(interval.end, 900)) { naive[base] = 1 }
            }
            XCTAssertEqual(random.coverage(seqid: "s", length: 900, strand: strand), naive)
        }
    }

    func testMissingSeqidsAndIntervalsPastTheEnd() {
        XCTAssertEqual(set.seqidsMissing(from: ["a"]), ["b": 1])
        XCTAssertEqual(set.seqidsMissing(from: ["a", "b"]), [:])
        XCTAssertEqual(set.intervalsExtendingPast(lengths: ["a": 9, "b": 2]),
                       [CDSInterval(seqid: "a", start: 8, end: 14, strand: .minus)])
        XCTAssertEqual(set.intervalsExtendingPast(lengths: [:]), [])
    }

    func testDescriptions() {
        XCTAssertEqual(CDSInterval(seqid: "c", start: 0, end: 3, strand: .minus).description, "c:0-3(-)")
        XCTAssertEqual(AnnotationFormat.gtf.description, "GTF")
    }
}
