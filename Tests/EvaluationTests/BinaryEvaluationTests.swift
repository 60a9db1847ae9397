import XCTest
@testable import Evaluation
import SeededRandom

final class BinaryEvaluationTests: XCTestCase {
    /// Items from (score, isPositive) pairs, weight 1 each.
    private func evaluate(_ items: [(Float, Bool)]) throws -> BinaryEvaluation {
        try BinaryEvaluation(items.map { WeightedScore(score: $0.0, positiveWeight: $0.1 ? 1 : 0, negativeWeight: $0.1 ? 0 : 1) })
    }

    func testPerfectRanking() throws {
        let evaluation = try evaluate([(0.9, true), (0.8, true), (0.3, false), (0.1, false)])
        XCTAssertEqual(evaluation.rocAUC, 1)
        XCTAssertEqual(evaluation.averagePrecision(for: .positive), 1)
        XCTAssertEqual(evaluation.averagePrecision(for: .negative), 1)
        let best = try XCTUnwrap(evaluation.bestMCC)
        XCTAssertEqual(best.threshold, 0.8)
        XCTAssertEqual(best.value, 1)
        XCTAssertEqual(best.confusion, ConfusionMatrix(truePositive: 2, falsePositive: 0, trueNegative: 2, falseNegative: 0))
    }

    func testInvertedRanking() throws {
        let evaluation = try evaluate([(0.9, false), (0.8, false), (0.3, true), (0.1, true)])
        XCTAssertEqual(evaluation.rocAUC, 0)
        XCTAssertEqual(try XCTUnwrap(evaluation.averagePrecision(for: .positive)), 5.0 / 12, accuracy: 1e-12)
        // Every cut has MCC <= 0; calling everything positive (threshold 0.1) gives 0.
        let best = try XCTUnwrap(evaluation.bestMCC)
        XCTAssertEqual(best.threshold, 0.1)
        XCTAssertEqual(best.value, 0)
        XCTAssertEqual(evaluation.confusion(atThreshold: 0.8).mcc, -1, accuracy: 1e-12)
    }

    func testAllTied() throws {
        let evaluation = try evaluate([(0.5, true), (0.5, false), (0.5, true), (0.5, true)])
        XCTAssertEqual(evaluation.rocAUC, 0.5)
        XCTAssertEqual(evaluation.averagePrecision(for: .positive), 0.75)
        XCTAssertEqual(evaluation.averagePrecision(for: .negative), 0.25)
        XCTAssertEqual(evaluation.thresholds, [0.5])
        XCTAssertEqual(evaluation.rocCurve().map { [$0.x, $0.y] }, [[0, 0], [1, 1]])
    }

    /// Scores A 0.9 P, B 0.8 N, C 0.7 P, D 0.7 N, E 0.2 P (P = 3, N = 2), worked out by hand.
    func testFiveItemsByHand() throws {
        let evaluation = try evaluate([(0.7, false), (0.9, true), (0.2, true), (0.8, false), (0.7, true)])
        // Pairs (P, N): A>B, A>D, C<B, C=D (1/2), E<B, E<D: 2.5 / 6.
        XCTAssertEqual(try XCTUnwrap(evaluation.rocAUC), 2.5 / 6, accuracy: 1e-12)
        // Cuts 0.9: P 1/1; 0.7: P 2/4; 0.2: P 3/5 -> (1 + 0.5 + 0.6) / 3.
        XCTAssertEqual(try XCTUnwrap(evaluation.averagePrecision(for: .positive)), 0.7, accuracy: 1e-12)
        // Non-coding as target, from low scores: 0.7: 1/3; 0.8: 2/4 -> (1/3 + 1/2) / 2.
        XCTAssertEqual(try XCTUnwrap(evaluation.averagePrecision(for: .negative)), 5.0 / 12, accuracy: 1e-12)
        // MCC per cut: 0.9: 2/sqrt(24); 0.8: -1/6; 0.7: -2/sqrt(24); 0.2: 0.
        let best = try XCTUnwrap(evaluation.bestMCC)
        XCTAssertEqual(best.threshold, 0.9)
        XCTAssertEqual(best.value, 2 / 24.0.squareRoot(), accuracy: 1e-12)
        let cut = evaluation.confusion(atThreshold: 0.75)
        XCTAssertEqual(cut, ConfusionMatrix(truePositive: 1, falsePositive: 1, trueNegative: 1, falseNegative: 2))
        XCTAssertEqual(cut.precision, 0.5)
        XCTAssertEqual(cut.recall, 1.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(cut.f1, 0.4, accuracy: 1e-12)
        XCTAssertEqual(cut.accuracy, 0.4, accuracy: 1e-12)
        XCTAssertEqual(cut.mcc, -1.0 / 6, accuracy: 1e-12)
        // Non-coding as target: 1 of 3 called negative is negative; 1 of 2 negatives found.
        XCTAssertEqual(cut.swapped.precision, 1.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(cut.swapped.recall, 0.5)
        XCTAssertEqual(evaluation.confusion(atThreshold: 0.7).truePositive, 2)
        XCTAssertEqual(evaluation.confusion(atThreshold: 1).falseNegative, 3)
        XCTAssertEqual(evaluation.rocCurve().map { [$0.x, $0.y] },
                       [[0, 0], [0, 1.0 / 3], [0.5, 1.0 / 3], [1, 2.0 / 3], [1, 1]])
        XCTAssertEqual(evaluation.precisionRecallCurve().map { [$0.x, $0.y] },
                       [[0, 1], [1.0 / 3, 1], [1.0 / 3, 0.5], [2.0 / 3, 0.5], [1, 0.6]])
    }

    func testMCCFormulaByHand() {
        let matrix = ConfusionMatrix(truePositive: 6, falsePositive: 2, trueNegative: 10, falseNegative: 2)
        // (6*10 - 2*2) / sqrt(8 * 8 * 12 * 12) = 56 / 96.
        XCTAssertEqual(matrix.mcc, 56.0 / 96, accuracy: 1e-12)
        XCTAssertEqual(matrix.swapped.mcc, 56.0 / 96, accuracy: 1e-12)
        XCTAssertEqual(matrix.precision, 0.75)
        XCTAssertEqual(matrix.recall, 0.75)
        XCTAssertEqual(matrix.specificity, 10.0 / 12, accuracy: 1e-12)
        XCTAssertEqual(matrix.accuracy, 0.8)
        XCTAssertEqual(ConfusionMatrix(truePositive: 0, falsePositive: 0, trueNegative: 5, falseNegative: 5).mcc, 0)
        XCTAssertEqual(ConfusionMatrix(truePositive: 0, falsePositive: 0, trueNegative: 0, falseNegative: 0).accuracy, 0)
    }

    func testWeightsEqualDuplicatedItems() throws {
        var generator = SeededGenerator(state: 2)
        var weighted: [WeightedScore] = []
        var expanded: [WeightedScore] = []
        for _ in 0..<400 {
            let score = Float(Int.random(in: 0..<50, using: &generator)) / 50
            let positive = Int.random(in: 0...4, using: &generator)
            let negative = Int.random(in: 0...4, using: &generator)
            weighted.append(WeightedScore(score: score, positiveWeight: Double(positive), negativeWeight: Double(negative)))
            expanded += Array(repeating: WeightedScore(score: score, positiveWeight: 1, negativeWeight: 0), count: positive)
            expanded += Array(repeating: WeightedScore(score: score, positiveWeight: 0, negativeWeight: 1), count: negative)
        }
        let a = try BinaryEvaluation(weighted.shuffled(using: &generator))
        let b = try BinaryEvaluation(expanded.shuffled(using: &generator))
        XCTAssertEqual(try XCTUnwrap(a.rocAUC), try XCTUnwrap(b.rocAUC), accuracy: 1e-12)
        for target in [TargetClass.positive, .negative] {
            XCTAssertEqual(try XCTUnwrap(a.averagePrecision(for: target)), try XCTUnwrap(b.averagePrecision(for: target)),
                           accuracy: 1e-12)
        }
        XCTAssertEqual(a.bestMCC, b.bestMCC)
        XCTAssertEqual(a.rocCurve(), b.rocCurve())
    }

    func testROCAUCMatchesPairCounting() throws {
        var generator = SeededGenerator(state: 3)
        let items = (0..<300).map { _ in
            (Float(Int.random(in: -10...10, using: &generator)) / 4, Bool.random(using: &generator))
        }
        var wins = 0.0
        var pairs = 0.0
        for (positiveScore, isPositive) in items where isPositive {
            for (negativeScore, isNegativePositive) in items where !isNegativePositive {
                pairs += 1
                wins += positiveScore > negativeScore ? 1 : positiveScore == negativeScore ? 0.5 : 0
            }
        }
        XCTAssertEqual(try XCTUnwrap(try evaluate(items).rocAUC), wins / pairs, accuracy: 1e-12)
    }

    func testRadixSortOrdersLikeTheStandardLibrary() {
        var generator = SeededGenerator(state: 4)
        var scores: [Float] = [0, -0.0, .infinity, -.infinity, .leastNonzeroMagnitude, -.greatestFiniteMagnitude, 1e30]
        scores += (0..<5000).map { _ in Float.random(in: -1e6...1e6, using: &generator) }
        scores += (0..<5000).map { _ in Float.random(in: -1...1, using: &generator) }
        let sorted = ScoreSorter.sortedDescending(scores.map { WeightedScore(score: $0, positiveWeight: 1, negativeWeight: 0) })
        XCTAssertEqual(sorted.map(\.score), scores.sorted(by: >))
    }

    func testCurvesAreDownsampledAndMonotone() throws {
        var generator = SeededGenerator(state: 5)
        let items = (0..<200_000).map { index -> WeightedScore in
            let positive = index % 3 != 0
            let score = Float.random(in: 0...1, using: &generator) + (positive ? 0.3 : 0)
            return WeightedScore(score: score, positiveWeight: positive ? 20 : 0, negativeWeight: positive ? 0 : 20)
        }
        let evaluation = try BinaryEvaluation(items)
        let roc = evaluation.rocCurve()
        XCTAssertLessThanOrEqual(roc.count, 500)
        XCTAssertGreaterThan(roc.count, 100)
        XCTAssertEqual(roc.first.map { [$0.x, $0.y] }, [0, 0])
        XCTAssertEqual(roc.last.map { [$0.x, $0.y] }, [1, 1])
        for (a, b) in zip(roc, roc.dropFirst()) {
            XCTAssertLessThanOrEqual(a.x, b.x)
            XCTAssertLessThanOrEqual(a.y, b.y)
            XCTAssertGreaterThanOrEqual(a.threshold, b.threshold)
        }
        for target in [TargetClass.positive, .negative] {
            let pr = evaluation.precisionRecallCurve(for: target, maxPoints: 200)
            XCTAssertLessThanOrEqual(pr.count, 200)
            XCTAssertEqual(pr.first?.x, 0)
            XCTAssertEqual(pr.last?.x, 1)
        }
        // Expected AUC of U(0,1)+0.3 vs U(0,1): 1 - 0.7^2 / 2 = 0.755.
        XCTAssertEqual(try XCTUnwrap(evaluation.rocAUC), 0.755, accuracy: 0.01)
        XCTAssertEqual(try XCTUnwrap(evaluation.averagePrecision(for: .negative)),
                       try XCTUnwrap(BinaryEvaluation(items.map {
                           WeightedScore(score: -$0.score, positiveWeight: $0.negativeWeight, negativeWeight: $0.positiveWeight)
                       }).averagePrecision(for: .positive)), accuracy: 1e-12)
    }

    func testEmptyAndOneClassInputs() throws {
        let empty = try BinaryEvaluation([])
        XCTAssertNil(empty.rocAUC)
        XCTAssertNil(empty.averagePrecision())
        XCTAssertNil(empty.bestMCC)
        XCTAssertEqual(empty.rocCurve(), [])
        let onlyPositive = try evaluate([(0.1, true), (0.2, true)])
        XCTAssertNil(onlyPositive.rocAUC)
        XCTAssertEqual(onlyPositive.averagePrecision(for: .positive), 1)
        XCTAssertNil(onlyPositive.averagePrecision(for: .negative))
        XCTAssertEqual(onlyPositive.bestMCC?.value, 0)
        XCTAssertEqual(onlyPositive.precisionRecallCurve(for: .negative), [])
    }

    func testInvalidInput() {
        XCTAssertThrowsError(try BinaryEvaluation([WeightedScore(score: 1, positiveWeight: 1, negativeWeight: 0),
                                                   WeightedScore(score: .nan, positiveWeight: 1, negativeWeight: 0)])) {
            XCTAssertEqual("\($0)", "evaluation input: item 1: score is NaN")
        }
        XCTAssertThrowsError(try BinaryEvaluation([WeightedScore(score: 1, positiveWeight: -1, negativeWeight: 0)])) {
            XCTAssertEqual("\($0)", "evaluation input: item 0: weight -1.0 is not a finite number >= 0")
        }
        XCTAssertThrowsError(try BinaryEvaluation([WeightedScore(score: 1, positiveWeight: 0, negativeWeight: .infinity)])) {
            XCTAssertEqual($0 as? EvaluationError, .invalidWeight(index: 0, value: .infinity))
        }
        XCTAssertThrowsError(try BinaryEvaluation(scores: [1, 2], positiveWeights: [1], negativeWeights: [0, 0])) {
            XCTAssertEqual("\($0)", "evaluation input: 2 scores, 1 positive weights and 2 negative weights (the counts must be equal)")
        }
    }

    func testParallelArraysAndZeroWeightItems() throws {
        let evaluation = try BinaryEvaluation(scores: [0.9, 0.5, 0.1], positiveWeights: [3, 0, 1], negativeWeights: [1, 0, 4])
        XCTAssertEqual(evaluation.thresholds, [0.9, 0.1])
        XCTAssertEqual(evaluation.totalPositive, 4)
        XCTAssertEqual(evaluation.totalNegative, 5)
        // Pairs: 3 positives at 0.9 beat all 5 negatives' ... 0.9-negative ties (3*1/2), beats 4 at 0.1 (12);
        // 1 positive at 0.1 ties 4 (2), loses to 1. (1.5 + 12 + 2) / 20.
        XCTAssertEqual(try XCTUnwrap(evaluation.rocAUC), 15.5 / 20, accuracy: 1e-12)
    }

    /// Log loss and Brier score by hand: weights (3, 1) at 0.9, (1, 4) at 0.1, (2, 0) at 1 (clamped to
    /// 0.9999 for the log loss), (0, 1) at 0; nil for scores outside [0, 1] and without weight.
    func testLogLossAndBrierByHand() throws {
        let evaluation = try BinaryEvaluation(scores: [0.9, 0.1, 1, 0], positiveWeights: [3, 1, 2, 0],
                                              negativeWeights: [1, 4, 0, 1])
        let logLoss = -(3 * log(0.9) + 1 * log(0.1) + 1 * log(0.1) + 4 * log(0.9) + 2 * log(0.9999) + 1 * log(0.9999)) / 12
        XCTAssertEqual(try XCTUnwrap(evaluation.logLoss), logLoss, accuracy: 1e-7)
        let brier = (3 * 0.01 + 1 * 0.81 + 1 * 0.81 + 4 * 0.01 + 0 + 0) / 12
        XCTAssertEqual(try XCTUnwrap(evaluation.brierScore), brier, accuracy: 1e-7)
        // A perfect, certain ranking: log loss of the clamped 1 and 0, Brier 0.
        let certain = try evaluate([(1, true), (0, false)])
        XCTAssertEqual(try XCTUnwrap(certain.logLoss), -log(0.9999), accuracy: 1e-9)
        XCTAssertEqual(certain.brierScore, 0)
        XCTAssertNil(try evaluate([(1.5, true), (0.2, false)]).logLoss)
        XCTAssertNil(try evaluate([(0.5, true), (-0.1, false)]).brierScore)
        XCTAssertNil(try BinaryEvaluation([]).logLoss)
    }

    func testMillionsOfItemsAreFast() throws {
        var generator = SeededGenerator(state: 6)
        let count = 2_000_000
        let items = (0..<count).map { _ in
            WeightedScore(score: Float.random(in: 0...1, using: &generator), positiveWeight: 12, negativeWeight: 8)
        }
        let start = ContinuousClock.now
        let evaluation = try BinaryEvaluation(items)
        _ = evaluation.rocAUC
        _ = evaluation.averagePrecision(for: .negative)
        _ = evaluation.bestMCC
        _ = evaluation.rocCurve()
        let elapsed = ContinuousClock.now - start
        XCTAssertEqual(try XCTUnwrap(evaluation.rocAUC), 0.5, accuracy: 1e-9)
        XCTAssertLessThan(elapsed, .seconds(30), "debug build; release is much faster")
    }
}
