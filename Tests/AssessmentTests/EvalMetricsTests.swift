import Assessment
import Evaluation
import Pipeline
import XCTest

/// Metrics on a case worked out by hand, and their TSV/JSON rendering.
final class EvalMetricsTests: XCTestCase {
    /// Scores with (coding, non-coding) bases: 0.9 (3, 1), 0.6 (1, 1), 0.2 (0, 2), 0 (1, 1).
    private let items = [
        WeightedScore(score: 0.9, positiveWeight: 3, negativeWeight: 1),
        WeightedScore(score: 0.6, positiveWeight: 1, negativeWeight: 1),
        WeightedScore(score: 0.2, positiveWeight: 0, negativeWeight: 2),
        WeightedScore(score: 0, positiveWeight: 1, negativeWeight: 1),
    ]

    private func metrics(threshold: Float) throws -> EvalMetrics {
        EvalMetrics(genome: "g.fa", model: "m", window: 60, step: 20, evaluation: try BinaryEvaluation(items),
                    threshold: threshold)
    }

    func testHandComputedMetrics() throws {
        let m = try metrics(threshold: 0.5)
        XCTAssertEqual(m.bases, 10)
        XCTAssertEqual(m.codingFraction, 0.5)
        // ROC-AUC: each non-coding base against the 5 coding ones, ties one half:
        // 1·(0 + 3/2) + 1·(3 + 1/2) + 2·(4 + 0) + 1·(4 + 1/2) = 17.5 of 25 pairs.
        XCTAssertEqual(m.rocAUC!, 0.7, accuracy: 1e-12)
        // Non-coding AP, ascending scores: 1·(1/2) + 2·(3/4) + 1·(4/6) + 1·(5/10), over 5 non-coding bases.
        XCTAssertEqual(m.prAUCNonCoding!, (0.5 + 1.5 + 4.0 / 6 + 0.5) / 5, accuracy: 1e-12)
        // Cuts at 0.9 (TP 3 FP 1 TN 4 FN 2) and 0.6 (TP 4 FP 2 TN 3 FN 1) both give 10/sqrt(600);
        // the higher threshold wins.
        XCTAssertEqual(m.bestMCC!, 10 / 600.0.squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(m.bestMCCThreshold, 0.9)
        // Calls at 0.5: TP 4, FP 2, FN 1, TN 3.
        XCTAssertEqual(m.threshold, 0.5)
        XCTAssertEqual(m.precision, 4.0 / 6, accuracy: 1e-12)
        XCTAssertEqual(m.recall, 0.8, accuracy: 1e-12)
        XCTAssertEqual(m.f1, 8.0 / 11, accuracy: 1e-12)
        XCTAssertEqual(m.mcc, 10 / 600.0.squareRoot(), accuracy: 1e-12)
        // Calibration: the score 0 clamped to 0.0001 for the log loss.
        let logLoss = -(3 * log(0.9) + log(0.1) + log(0.6) + log(0.4) + 2 * log(0.8) + log(0.0001) + log(0.9999)) / 10
        XCTAssertEqual(m.logLoss!, logLoss, accuracy: 1e-7)
        XCTAssertEqual(m.brier!, (3 * 0.01 + 0.81 + 0.16 + 0.36 + 2 * 0.04 + 1 + 0) / 10, accuracy: 1e-7)
    }

    func testThresholdIsInclusive() throws {
        let m = try metrics(threshold: 0.6)  // 0.6 itself is called coding: TP 4, FP 2
        XCTAssertEqual(m.precision, 4.0 / 6, accuracy: 1e-12)
        let above = try metrics(threshold: 0.61)  // only 0.9: TP 3, FP 1
        XCTAssertEqual(above.precision, 0.75, accuracy: 1e-12)
        XCTAssertEqual(above.recall, 0.6, accuracy: 1e-12)
    }

    func testOneClassOnlyLeavesAreasAndBestMCCUndefined() throws {
        let m = EvalMetrics(genome: "g", model: "m", window: 60, step: 20, evaluation: try BinaryEvaluation([
            WeightedScore(score: 0.3, positiveWeight: 0, negativeWeight: 7),
        ]), threshold: 0.5)
        XCTAssertNil(m.rocAUC)
        XCTAssertNil(m.bestMCC)
        XCTAssertNil(m.bestMCCThreshold)
        XCTAssertEqual(m.prAUCNonCoding, 1)
        XCTAssertEqual(m.codingFraction, 0)
        let tsv = EvalReport.tsv([m]).split(separator: "\n")
        // Log loss −ln 0.7 and Brier 0.3² of seven non-coding bases at 0.3.
        XCTAssertEqual(tsv[1], "g\tm\t60\t20\t7\t0.0000\tNA\t1.0000\tNA\tNA\t0.5000\t0.0000\t0.0000\t0.0000\t0.0000\t0.3567\t0.0900")
        XCTAssertTrue(EvalReport.json([m]).contains("\"roc_auc\": null, \"pr_auc_noncoding\": 1.0000, \"best_mcc\": null"))
    }

    func testTSVAndJSON() throws {
        let m = try metrics(threshold: 0.5)
        XCTAssertEqual(EvalReport.tsv([m]), """
            genome\tmodel\twindow\tstep\tbases\tcoding_fraction\troc_auc\tpr_auc_noncoding\tbest_mcc\t\
            best_mcc_threshold\tthreshold\tprecision\trecall\tf1\tmcc\tlog_loss\tbrier
            g.fa\tm\t60\t20\t10\t0.5000\t0.7000\t0.6333\t0.4082\t0.9000\t0.5000\t0.6667\t0.8000\t0.7273\t0.4082\t1.3703\t0.2440

            """)
        var other = m
        other.genome = "a \"b\"\\c"
        XCTAssertEqual(EvalReport.render([m, other], format: .json), """
            [
              {"genome": "g.fa", "model": "m", "window": 60, "step": 20, "bases": 10, "coding_fraction": 0.5000, \
            "roc_auc": 0.7000, "pr_auc_noncoding": 0.6333, "best_mcc": 0.4082, "best_mcc_threshold": 0.9000, \
            "threshold": 0.5000, "precision": 0.6667, "recall": 0.8000, "f1": 0.7273, "mcc": 0.4082, "log_loss": 1.3703, "brier": 0.2440},
              {"genome": "a \\"b\\"\\\\c", "model": "m", "window": 60, "step": 20, "bases": 10, "coding_fraction": 0.5000, \
            "roc_auc": 0.7000, "pr_auc_noncoding": 0.6333, "best_mcc": 0.4082, "best_mcc_threshold": 0.9000, \
            "threshold": 0.5000, "precision": 0.6667, "recall": 0.8000, "f1": 0.7273, "mcc": 0.4082, "log_loss": 1.3703, "brier": 0.2440}
            ]

            """)
        XCTAssertEqual(EvalReport.json([]), "[]\n")
    }

    func testDecimals() {
        XCTAssertEqual(EvalReport.decimal(0.12345), "0.1235")
        XCTAssertEqual(EvalReport.decimal(-0.05), "-0.0500")
        XCTAssertEqual(EvalReport.decimal(-0.00001), "0.0000")
        XCTAssertEqual(EvalReport.decimal(1), "1.0000")
        XCTAssertNil(EvalReport.decimal(nil))
        XCTAssertNil(EvalReport.decimal(.nan))
    }

    func testPooledRowWeighsEveryBaseOnce() throws {
        let assessor = try Assessor(model: AssessmentFixtures.tinyModel)
        let plasmid = try assessor.assess(genome: AssessmentFixtures.path("fixtures/real/pPCP1.fa.gz"),
                                          annotation: try Assessor.readAnnotation(
                                            path: AssessmentFixtures.path("fixtures/real/pPCP1.gff3.gz")))
        XCTAssertEqual(try assessor.rows([plasmid]).map(\.genome), ["pPCP1.fa.gz"])
        let rows = try assessor.rows([plasmid, plasmid])
        XCTAssertEqual(rows.map(\.genome), ["pPCP1.fa.gz", "pPCP1.fa.gz", "all"])
        // Two copies of one genome: same rates, twice the bases.
        XCTAssertEqual(rows[2].bases, 2 * 9609)
        XCTAssertEqual(rows[2].rocAUC!, rows[0].rocAUC!, accuracy: 1e-12)
        XCTAssertEqual(rows[2].mcc, rows[0].mcc, accuracy: 1e-12)
        XCTAssertEqual(rows[0].model, "tiny-fixture")
        XCTAssertEqual(rows[0].window, 60)
        XCTAssertEqual(rows[0].step, 20)
    }

    func testOptionsOutsideTheModelAreUsageErrors() {
        XCTAssertThrowsError(try Assessor(model: AssessmentFixtures.tinyModel, options: ScanOptions(window: 10))) { error in
            guard case .scan(.outOfRange(.window, _)) = error as? AssessmentError else { return XCTFail("\(error)") }
            XCTAssertEqual("\(error)", "window 10 is outside what model 'tiny-fixture' accepts (20...100000)")
        }
        XCTAssertThrowsError(try Assessor(model: AssessmentFixtures.tinyModel, threshold: 1.5)) { error in
            XCTAssertEqual("\(error)", "threshold must be between 0 and 1 (got 1.5)")
        }
    }

    func testGenomeLabels() {
        XCTAssertEqual(GenomeLabels.labels(for: ["data/ecoli/genome.fa.gz", "x/pPCP1.fa", "/data/bsub/genome.fa.gz"]),
                       ["ecoli/genome.fa.gz", "pPCP1.fa", "bsub/genome.fa.gz"])
        XCTAssertEqual(GenomeLabels.labels(for: ["a/x/g.fa", "b/x/g.fa", "g.fa", "a/x/g.fa"]),
                       ["a/x/g.fa", "b/x/g.fa", "g.fa", "a/x/g.fa"])
        XCTAssertEqual(GenomeLabels.labels(for: ["-", "a/b.fa/"]), ["stdin", "b.fa"])
        XCTAssertEqual(GenomeLabels.baseName("../shared/genome.fa.gz"), "genome.fa.gz")
    }
}
