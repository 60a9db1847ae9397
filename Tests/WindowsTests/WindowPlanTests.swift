import Windows
import XCTest

final class WindowPlanTests: XCTestCase {
    func testWindowCountFormula() {
        let plan = WindowPlan(window: 60, step: 20, minLength: 20)
        XCTAssertEqual(plan.windowCount(length: 19), 0)
        XCTAssertEqual(plan.windowCount(length: 20), 1)
        XCTAssertEqual(plan.windowCount(length: 59), 1)
        XCTAssertEqual(plan.windowCount(length: 60), 1)
        XCTAssertEqual(plan.windowCount(length: 79), 1)
        XCTAssertEqual(plan.windowCount(length: 80), 2)
        XCTAssertEqual(plan.windowCount(length: 1000), (1000 - 60) / 20 + 1)
    }

    func testBinsTileTheSequence() {
        for (w, s) in [(60, 20), (60, 60), (61, 2), (7, 3), (10, 1)] {
            let plan = WindowPlan(window: w, step: s, minLength: min(5, w))
            for length in [5, w - 1, w, w + 1, w + s, 3 * w + 7, 500] where length >= 5 {
                let n = plan.windowCount(length: length)
                var expectedStart = 0
                for i in 0..<n {
                    let bin = plan.bin(index: i, count: n, length: length)
                    XCTAssertEqual(bin.lowerBound, expectedStart, "w\(w) s\(s) L\(length) i\(i)")
                    XCTAssertFalse(bin.isEmpty)
                    // The bin lies inside its window's span or the sequence's ends.
                    if i > 0 && i < n - 1 {
                        XCTAssertEqual(bin.count, s)
                        let centre = plan.windowStart(i) + w / 2
                        XCTAssertTrue(bin.contains(centre) || bin.upperBound == centre, "centre \(centre) bin \(bin)")
                    }
                    expectedStart = bin.upperBound
                }
                XCTAssertEqual(expectedStart, length, "bins end at the sequence end")
            }
        }
    }
}
