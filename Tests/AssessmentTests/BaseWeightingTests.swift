import Annotation
import Assessment
import Evaluation
import XCTest

/// Base-level truth weights on a hand-made genome and annotation, with the tiny model's defaults
/// (window 60, step 20, minimum length 20: bins [0,40), [40,60), … 20 bp, the last to the end).
final class BaseWeightingTests: XCTestCase {
    /// 200 bp without N (8 windows), 15 bp (too short: skipped), 100 bp whose first 60 are N
    /// (windows at 0 and 20 unscored, the one at 40 scored).
    private func handMadeGenome(_ scratch: ScratchDirectory) throws -> String {
        let unit = "ACGTTGCAGGCATTAC"  // 16 bp
        let a = String(String(repeating: unit, count: 13).prefix(200))
        let b = String(unit.prefix(15))
        let c = String(repeating: "N", count: 60) + String(String(repeating: unit, count: 3).prefix(40))
        return try scratch.write("hand.fa", ">a\n\(a)\n>b\n\(b)\n>c\n\(c)\n")
    }

    /// GFF3, 1-based inclusive: a [10,50)+ and [44,70)- overlap (union [10,70)), a [190,200), b [0,6),
    /// c [30,70), and a duplicate of the first CDS (counted once per base).
    private func handMadeAnnotation(_ scratch: ScratchDirectory) throws -> String {
        let rows = [("a", 11, 50, "+"), ("a", 45, 70, "-"), ("a", 191, 200, "+"), ("a", 11, 50, "+"),
                    ("b", 1, 6, "+"), ("c", 31, 70, "-")]
        let lines = rows.map { "\($0.0)\ttest\tCDS\t\($0.1)\t\($0.2)\t.\t\($0.3)\t0\tID=x" }
        return try scratch.write("hand.gff3", "##gff-version 3\n" + lines.joined(separator: "\n") + "\n")
    }

    func testWeightsAreExactPerBin() throws {
        let scratch = try ScratchDirectory()
        let genome = try GenomeScorer(model: AssessmentFixtures.tinyModel).score(path: try handMadeGenome(scratch))
        let annotation = try AnnotationReader.read(path: try handMadeAnnotation(scratch))
        XCTAssertEqual(genome.sequences.map(\.length), [200, 15, 100])
        let a = genome.sequences[0].bins, c = genome.sequences[2].bins
        XCTAssertEqual(a.map(\.start), [0, 40, 60, 80, 100, 120, 140, 160])
        XCTAssertEqual(a.map(\.end), [40, 60, 80, 100, 120, 140, 160, 200])
        XCTAssertTrue(a.allSatisfy { $0.score != nil })
        XCTAssertEqual(genome.sequences[1].bins, [], "15 bp is below the minimum length")
        XCTAssertEqual(c.map(\.start), [0, 40, 60])
        XCTAssertEqual(c.map(\.score).map { $0 == nil }, [true, true, false])

        func item(_ score: Float?, _ coding: Double, _ length: Double) -> WeightedScore {
            WeightedScore(score: score ?? 0, positiveWeight: coding, negativeWeight: length - coding)
        }
        let expected = [
            // a: coding [10, 70) and [190, 200)
            item(a[0].score, 30, 40), item(a[1].score, 20, 20), item(a[2].score, 10, 20), item(a[3].score, 0, 20),
            item(a[4].score, 0, 20), item(a[5].score, 0, 20), item(a[6].score, 0, 20), item(a[7].score, 10, 40),
            // b: skipped, the whole record with score 0; coding [0, 6)
            item(nil, 6, 15),
            // c: coding [30, 70); the two unscored bins with score 0
            item(nil, 10, 40), item(nil, 20, 20), item(c[2].score, 10, 40),
        ]
        let items = BaseWeighting.items(genome: genome, annotation: annotation)
        XCTAssertEqual(items, expected)
        XCTAssertEqual(items.reduce(0) { $0 + $1.positiveWeight + $1.negativeWeight }, 315)
        XCTAssertEqual(items.reduce(0) { $0 + $1.positiveWeight }, 60 + 10 + 6 + 40)
    }

    func testUnscoredRegionsCountWithScoreZero() throws {
        // A gap before the first bin, an unscored bin, a gap between bins and after the last one.
        let sequence = ScoredSequence(name: "s", length: 100, bins: [
            ScoredBin(start: 10, end: 30, score: 0.8),
            ScoredBin(start: 30, end: 50, score: nil),
            ScoredBin(start: 60, end: 90, score: 0.4),
        ])
        let coverage = (0..<100).map { UInt8($0 % 2) }  // odd bases coding
        var items: [WeightedScore] = []
        BaseWeighting.append(sequence, coverage: coverage, to: &items)
        XCTAssertEqual(items, [
            WeightedScore(score: 0, positiveWeight: 5, negativeWeight: 5),
            WeightedScore(score: 0.8, positiveWeight: 10, negativeWeight: 10),
            WeightedScore(score: 0, positiveWeight: 10, negativeWeight: 10),
            WeightedScore(score: 0, positiveWeight: 5, negativeWeight: 5),
            WeightedScore(score: 0.4, positiveWeight: 15, negativeWeight: 15),
            WeightedScore(score: 0, positiveWeight: 5, negativeWeight: 5),
        ])
        XCTAssertEqual(BaseWeighting.unscoredScore, 0)
    }

    func testUnscoredBasesAreCalledOnlyAtThresholdZero() throws {
        let scratch = try ScratchDirectory()
        let annotation = try AnnotationReader.read(path: try handMadeAnnotation(scratch))
        let genome = try handMadeGenome(scratch)
        let strict = try Assessor(model: AssessmentFixtures.tinyModel, threshold: 1).assess(genome: genome,
                                                                                             annotation: annotation)
        let all = try Assessor(model: AssessmentFixtures.tinyModel, threshold: 0).assess(genome: genome,
                                                                                          annotation: annotation)
        XCTAssertEqual(strict.metrics.bases, 315)
        XCTAssertEqual(strict.skippedRecords, 1)
        XCTAssertEqual(strict.firstSkipped, "b")
        XCTAssertEqual(strict.unscoredBins, 2)
        // At 0 every base, unscored ones included, is called coding: recall 1, precision = coding fraction.
        XCTAssertEqual(all.metrics.recall, 1)
        XCTAssertEqual(all.metrics.precision, 116.0 / 315, accuracy: 1e-12)
        XCTAssertEqual(all.metrics.codingFraction, 116.0 / 315, accuracy: 1e-12)
        XCTAssertEqual(all.metrics.mcc, 0)
    }

    func testRealPlasmidWeightsMatchTheAnnotation() throws {
        let annotation = try AnnotationReader.read(path: AssessmentFixtures.path("fixtures/real/pPCP1.gff3.gz"))
        let genome = try GenomeScorer(model: AssessmentFixtures.tinyModel)
            .score(path: AssessmentFixtures.path("fixtures/real/pPCP1.fa.gz"))
        let items = BaseWeighting.items(genome: genome, annotation: annotation)
        let coding = annotation.coverageAnyStrand(seqid: "NC_005816.1", length: 9609).reduce(0) { $0 + Int($1) }
        XCTAssertEqual(items.count, genome.sequences[0].bins.count)
        XCTAssertEqual(items.reduce(0) { $0 + $1.positiveWeight }, Double(coding))
        XCTAssertEqual(items.reduce(0) { $0 + $1.negativeWeight }, Double(9609 - coding))
    }
}
