@testable import GenomeCore
import XCTest

/// The default thread count follows the affinity mask and the cgroup quota.
final class CPUBudgetTests: XCTestCase {
    func testCPUListCounts() {
        XCTAssertEqual(CPUBudget.cpuListCount("0"), 1)
        XCTAssertEqual(CPUBudget.cpuListCount("0-3,8,10-11"), 7)
        XCTAssertEqual(CPUBudget.cpuListCount("5-5"), 1)
        XCTAssertNil(CPUBudget.cpuListCount(""))
        XCTAssertNil(CPUBudget.cpuListCount("3-1"))
        XCTAssertNil(CPUBudget.cpuListCount("a"))
    }

    func testAvailableIsWithinTheAffinityMask() {
        let available = CPUBudget.available()
        XCTAssertGreaterThanOrEqual(available, 1)
        if let affinity = CPUBudget.affinityCount() { XCTAssertLessThanOrEqual(available, affinity) }
    }
}
