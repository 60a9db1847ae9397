import XCTest
@testable import GeneCalling

final class LogSumTests: XCTestCase {
    /// The table against log1p(exp(−d)) at every knot, inside every interval and past the limit: within
    /// 5e-10 (a wrong coefficient or a wrong interval is off by 1e-3 or more).
    func testTableMatchesTheReference() {
        var worst = 0.0
        for i in 0..<Int(LogSum.limit * LogSum.knotsPerUnit) {
            for u in [0, 0.1, 0.25, 0.5, 0.77, 0.999] {
                let d = (Double(i) + u) / LogSum.knotsPerUnit
                for (a, b) in [(3.5, 3.5 - d), (-7 - d, -7.0), (1e4, 1e4 - d)] {
                    worst = max(worst, abs(LogSum.sum(a, b) - LogSum.exact(a, b)))
                }
            }
        }
        XCTAssertLessThan(worst, 5e-10)
        XCTAssertGreaterThan(worst, 0, "the table interpolates: not exact everywhere")
        XCTAssertEqual(LogSum.sum(0, 0), log(2), accuracy: 1e-12)
        XCTAssertEqual(LogSum.sum(-2, -2 - 39.999), LogSum.exact(-2, -2 - 39.999), accuracy: 1e-12)
        XCTAssertEqual(LogSum.sum(5, 5 - 40), 5)
        XCTAssertEqual(LogSum.sum(5, -100), 5)
    }

    /// −∞ terms, as empty sums are.
    func testInfinities() {
        XCTAssertEqual(LogSum.sum(-.infinity, -.infinity), -.infinity)
        XCTAssertEqual(LogSum.sum(-.infinity, 2.5), 2.5)
        XCTAssertEqual(LogSum.sum(2.5, -.infinity), 2.5)
        XCTAssertEqual(LogSum.exact(-.infinity, -.infinity), -.infinity)
    }
}
