import XCTest
@testable import Training

/// The step sizes of each schedule, ends included.
final class LearningRateScheduleTests: XCTestCase {
    func testConstant() {
        for step in [0, 1, 50, 100, 200] {
            XCTAssertEqual(LearningRateSchedule.constant.rate(0.002, step: step, totalSteps: 100), 0.002)
        }
    }

    func testCosineFallsFromTheRateToZero() {
        let s = LearningRateSchedule.cosine
        XCTAssertEqual(s.rate(0.002, step: 0, totalSteps: 100), 0.002, accuracy: 1e-15)
        XCTAssertEqual(s.rate(0.002, step: 50, totalSteps: 100), 0.001, accuracy: 1e-15)
        XCTAssertEqual(s.rate(0.002, step: 25, totalSteps: 100), 0.002 * (1 + 0.5.squareRoot()) / 2, accuracy: 1e-15)
        XCTAssertEqual(s.rate(0.002, step: 100, totalSteps: 100), 0, accuracy: 1e-15)
        XCTAssertEqual(s.rate(0.002, step: 150, totalSteps: 100), 0, accuracy: 1e-15, "clamped past the end")
        XCTAssertEqual(s.rate(0.002, step: 3, totalSteps: 0), 0.002, "no planned steps: the base rate")
        var previous = Double.infinity
        for step in 0...100 {
            let rate = s.rate(1, step: step, totalSteps: 100)
            XCTAssertLessThan(rate, previous)
            previous = rate
        }
    }
}
