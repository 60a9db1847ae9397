import Kernels
import XCTest

/// Each reference kernel on small cases worked out by hand.
final class ReferenceKernelsTests: XCTestCase {
    // x = [[1,2],[3,4],[5,6]] (L=3, in=2); out 0 = x[t][0] + x[t+1][1] + 0.5,
    // out 1 = 1 - x[t][0] - x[t+1][0].
    let convInput: [Float] = [1, 2, 3, 4, 5, 6]
    let convWeight: [Float] = [1, 0, 0, 1, -1, -1, 0, 0]  // [out 2][in 2][k 2]
    let convBias: [Float] = [0.5, 1]

    func testConv1dValid() {
        let y = ReferenceKernels.conv1d(convInput, inChannels: 2, weight: convWeight, bias: convBias,
                                        outChannels: 2, kernelSize: 2)
        XCTAssertEqual(y, [5.5, -3, 9.5, -7])
    }

    func testConv1dFusedReLU() {
        let y = ReferenceKernels.conv1d(convInput, inChannels: 2, weight: convWeight, bias: convBias,
                                        outChannels: 2, kernelSize: 2, fusedReLU: true)
        XCTAssertEqual(y, [5.5, 0, 9.5, 0])
    }

    func testConv1dKernelAsLongAsInput() {
        // k = L: one output position, the full dot product plus bias.
        let y = ReferenceKernels.conv1d([1, 2, 3], inChannels: 1, weight: [1, 10, 100], bias: [-1],
                                        outChannels: 1, kernelSize: 3)
        XCTAssertEqual(y, [320])
        XCTAssertEqual(ReferenceKernels.conv1dOutputLength(length: 3, kernelSize: 3), 1)
        XCTAssertEqual(ReferenceKernels.conv1dOutputLength(length: 2, kernelSize: 3), 0)
    }

    func testMaxPoolDropsTail() {
        let x: [Float] = [1, 9, 4, 2, 3, 3, 0, 8, 7, 7]  // L=5, ch=2
        XCTAssertEqual(ReferenceKernels.maxPool1d(x, channels: 2, size: 2), [4, 9, 3, 8])
        XCTAssertEqual(ReferenceKernels.maxPool1d(x, channels: 2, size: 3), [4, 9])
        XCTAssertEqual(ReferenceKernels.maxPool1d(x, channels: 2, size: 1), x)
        XCTAssertEqual(ReferenceKernels.maxPool1d(x, channels: 2, size: 6), [])
        XCTAssertEqual(ReferenceKernels.maxPool1dOutputLength(length: 5, size: 2), 2)
    }

    func testMaxPoolNegativeValues() {
        XCTAssertEqual(ReferenceKernels.maxPool1d([-3, -1, -2, -5], channels: 1, size: 2), [-1, -2])
    }

    func testGlobalAveragePool() {
        XCTAssertEqual(ReferenceKernels.globalAveragePool([1, 2, 3, 4, 5, 9], channels: 2), [3, 5])
        XCTAssertEqual(ReferenceKernels.globalAveragePool([7, -7], channels: 2), [7, -7])
    }

    func testGlobalAveragePoolLongInputIsAccurate() {
        // 100,000 positions of 0.1: a naive Float running sum drifts; the reference must not.
        let x = [Float](repeating: 0.1, count: 100_000)
        XCTAssertEqual(ReferenceKernels.globalAveragePool(x, channels: 1)[0], 0.1, accuracy: 1e-7)
    }

    func testDense() {
        let y = ReferenceKernels.dense([1, 2, 3], weight: [1, 0, -1, 0.5, 0.5, 0.5], bias: [0.25, -1])
        XCTAssertEqual(y, [-1.75, 2])
    }

    func testReLU() {
        XCTAssertEqual(ReferenceKernels.relu([-2, -0.0, 0, 1.5]), [0, 0, 0, 1.5])
        var buffer: [Float] = [-1, 2]
        buffer.withUnsafeMutableBufferPointer { ReferenceKernels.relu($0) }
        XCTAssertEqual(buffer, [0, 2])
    }

    func testSigmoidValues() {
        XCTAssertEqual(ReferenceKernels.sigmoid(0), 0.5)
        XCTAssertEqual(ReferenceKernels.sigmoid(1), 0.7310585786, accuracy: 1e-7)
        XCTAssertEqual(ReferenceKernels.sigmoid(-1), 0.2689414214, accuracy: 1e-7)
        XCTAssertEqual(ReferenceKernels.sigmoid(3) + ReferenceKernels.sigmoid(-3), 1, accuracy: 1e-7)
    }

    func testSigmoidIsStableAtExtremes() {
        for x: Float in [-1e30, -1000, -100, -88.8, 88.8, 100, 1000, 1e30, -.infinity, .infinity] {
            let y = ReferenceKernels.sigmoid(x)
            XCTAssertFalse(y.isNaN, "sigmoid(\(x)) is NaN")
            XCTAssertTrue(y >= 0 && y <= 1, "sigmoid(\(x)) = \(y)")
        }
        XCTAssertEqual(ReferenceKernels.sigmoid(-1000), 0)
        XCTAssertEqual(ReferenceKernels.sigmoid(1000), 1)
        XCTAssertGreaterThan(ReferenceKernels.sigmoid(-80), 0)
        var buffer: [Float] = [0, -1000]
        buffer.withUnsafeMutableBufferPointer { ReferenceKernels.sigmoid($0) }
        XCTAssertEqual(buffer, [0.5, 0])
    }
}
