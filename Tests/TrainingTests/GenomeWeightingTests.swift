import XCTest
@testable import Training

/// Shares of a draw among genomes: proportional, whole, summing to the draw, clamped for `sqrt`.
final class GenomeWeightingTests: XCTestCase {
    func testEqualSharesGiveTheRemainderToTheFirstGenomes() {
        XCTAssertEqual(GenomeWeighting.equal.shares(sizes: [10, 1_000_000, 5], count: 100), [34, 33, 33])
        XCTAssertEqual(GenomeWeighting.equal.shares(sizes: [7], count: 9), [9])
        XCTAssertEqual(GenomeWeighting.equal.shares(sizes: [1, 2], count: 0), [0, 0])
    }

    func testSqrtGrowsWithTheSquareRootOfSizeBetweenAQuarterAndTwice() {
        // Median 4,000,000: weights √(s / median) = 0.5, 1, 1.5; a tiny genome is floored at 0.25,
        // a huge one capped at 2.
        let w = GenomeWeighting.sqrt.weights(sizes: [1_000_000, 4_000_000, 9_000_000, 100, 1_000_000_000])
        XCTAssertEqual(w, [0.5, 1, 1.5, 0.25, 2])
        let shares = GenomeWeighting.sqrt.shares(sizes: [1_000_000, 4_000_000, 9_000_000, 100, 1_000_000_000],
                                                 count: 5_250)
        XCTAssertEqual(shares, [500, 1000, 1500, 250, 2000])
    }

    func testSharesAlwaysSumToTheDraw() {
        var rng = Xoshiro256StarStar(seed: 5)
        for _ in 0..<200 {
            let n = 1 + rng.uniform(below: 20)
            let sizes = (0..<n).map { _ in 1 + rng.uniform(below: 10_000_000) }
            let count = rng.uniform(below: 100_001)
            for rule in GenomeWeighting.allCases {
                let shares = rule.shares(sizes: sizes, count: count)
                XCTAssertEqual(shares.reduce(0, +), count, "\(rule) \(sizes) \(count)")
                XCTAssertTrue(shares.allSatisfy { $0 >= 0 })
                // Largest remainder: every share within one window of its exact proportion.
                let weights = rule.weights(sizes: sizes)
                let total = weights.reduce(0, +)
                for (share, weight) in zip(shares, weights) {
                    XCTAssertLessThan(abs(Double(share) - Double(count) * weight / total), 1.0 + 1e-9)
                }
            }
        }
    }
}
