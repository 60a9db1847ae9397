import Kernels
import XCTest
@testable import Training

/// Finite-difference checks of every layer's backward pass, each on a small shape with the scalar
/// loss `L = Σ R ⊙ layer(x)` (R random, so dL/d output = R), summed in Double; central differences
/// in Float with steps chosen so that no ReLU or max-pool kink lies within a step.
final class GradientCheckTests: XCTestCase {
    func testConv1dGradients() {
        var rng = Xoshiro256StarStar(seed: 21)
        let (cin, cout, k, length) = (3, 5, 4, 11)
        let outLength = length - k + 1
        let x = TestSupport.randomArray(length * cin, &rng)
        let w = TestSupport.randomArray(k * cin * cout, &rng)   // GEMM layout [k][in][out]
        let r = TestSupport.randomArray(outLength * cout, &rng)
        func conv(_ x: [Float], _ w: [Float]) -> [Float] {
            let packed = w.withUnsafeBufferPointer {
                TrainingConv1d.packWeights(gemm: $0.baseAddress!, inChannels: cin, outChannels: cout, kernelSize: k)
            }
            var y = [Float](repeating: 0, count: outLength * cout)
            TrainingConv1d.forward(input: x, length: length, inChannels: cin, packedWeight: packed, bias: nil,
                               outChannels: cout, kernelSize: k, output: &y)
            return y
        }
        var dW = [Float](repeating: 0, count: w.count)
        TrainingConv1d.accumulateWeightGradient(input: x, length: length, inChannels: cin, gradOutput: r, outChannels: cout,
                                            kernelSize: k, gradWeight: &dW)
        let packedT = w.withUnsafeBufferPointer {
            TrainingConv1d.packTransposedWeights(gemm: $0.baseAddress!, inChannels: cin, outChannels: cout, kernelSize: k)
        }
        var scratch = [Float](repeating: 0, count: TrainingConv1d.inputGradientScratchCount(outLength: outLength,
                                                                                         inChannels: cin, kernelSize: k))
        var dX = [Float](repeating: 0, count: x.count)
        TrainingConv1d.inputGradient(gradOutput: r, outLength: outLength, outChannels: cout, packedTransposedWeight: packedT,
                                 inChannels: cin, kernelSize: k, scratch: &scratch, gradInput: &dX)
        TestSupport.assertGradient(dW, TestSupport.numericGradient(w, h: 1e-2) { TestSupport.dot(r, conv(x, $0)) }, "conv dW")
        TestSupport.assertGradient(dX, TestSupport.numericGradient(x, h: 1e-2) { TestSupport.dot(r, conv($0, w)) }, "conv dX")
        var dB = [Float](repeating: 0, count: cout)
        TrainingConv1d.accumulateBiasGradient(gradOutput: r, outLength: outLength, outChannels: cout, gradBias: &dB)
        var expectedB = [Float](repeating: 0, count: cout)
        for t in 0..<outLength { for o in 0..<cout { expectedB[o] += r[t * cout + o] } }
        TestSupport.assertGradient(dB, expectedB, "conv db")
    }

    func testBatchNormGradients() {
        var rng = Xoshiro256StarStar(seed: 22)
        let (rows, channels) = (12, 3)
        let x = TestSupport.randomArray(rows * channels, &rng, scale: 2)
        let gamma = TestSupport.randomArray(channels, &rng)
        let beta = TestSupport.randomArray(channels, &rng)
        let r = TestSupport.randomArray(rows * channels, &rng)
        func forward(_ x: [Float], _ gamma: [Float], _ beta: [Float]) -> (y: [Float], xhat: [Float], invStd: [Float]) {
            var values = x
            var y = [Float](repeating: 0, count: x.count)
            var mean = [Float](repeating: 0, count: channels)
            var variance = mean
            var invStd = mean
            BatchNorm.forwardTraining(values: &values, rows: rows, channels: channels, gamma: gamma, beta: beta,
                                      epsilon: 1e-5, output: &y, mean: &mean, variance: &variance, invStd: &invStd)
            return (y, values, invStd)
        }
        let (_, xhat, invStd) = forward(x, gamma, beta)
        var grad = r
        var dGamma = [Float](repeating: 0, count: channels)
        var dBeta = dGamma
        BatchNorm.backward(normalized: xhat, grad: &grad, rows: rows, channels: channels, gamma: gamma, invStd: invStd,
                           gradGamma: &dGamma, gradBeta: &dBeta)
        TestSupport.assertGradient(grad, TestSupport.numericGradient(x, h: 1e-2) { TestSupport.dot(r, forward($0, gamma, beta).y) },
                                   "batch norm dx")
        TestSupport.assertGradient(dGamma, TestSupport.numericGradient(gamma, h: 1e-2) {
            TestSupport.dot(r, forward(x, $0, beta).y)
        }, "batch norm dγ")
        TestSupport.assertGradient(dBeta, TestSupport.numericGradient(beta, h: 1e-2) {
            TestSupport.dot(r, forward(x, gamma, $0).y)
        }, "batch norm dβ")
    }

    func testReLUGradient() {
        var rng = Xoshiro256StarStar(seed: 23)
        // Values at least 0.1 away from the kink at 0.
        let x = TestSupport.randomArray(40, &rng).map { $0 >= 0 ? $0 + 0.1 : $0 - 0.1 }
        let r = TestSupport.randomArray(40, &rng)
        func relu(_ v: [Float]) -> [Float] {
            var y = v
            TrainingActivation.reluForward(&y, count: y.count)
            return y
        }
        var grad = r
        TrainingActivation.reluBackward(output: relu(x), grad: &grad, count: grad.count)
        TestSupport.assertGradient(grad, TestSupport.numericGradient(x, h: 1e-2) { TestSupport.dot(r, relu($0)) }, "relu")
    }

    func testSubsampleForwardAndGradient() {
        var rng = Xoshiro256StarStar(seed: 25)
        let (length, channels, size) = (11, 3, 3)   // a dropped tail of 2 positions
        let x = TestSupport.randomArray(length * channels, &rng)
        let outLength = length / size
        let r = TestSupport.randomArray(outLength * channels, &rng)
        func pool(_ v: [Float]) -> (y: [Float], argmax: [Int32]) {
            var y = [Float](repeating: 0, count: outLength * channels)
            var arg = [Int32](repeating: 0, count: y.count)
            TrainingPooling.subsampleForward(input: v, length: length, channels: channels, size: size, output: &y,
                                         argmax: &arg)
            return (y, arg)
        }
        XCTAssertEqual(pool(x).y, ReferenceKernels.subsample1d(x, channels: channels, size: size))
        XCTAssertEqual(Array(pool(x).y[channels..<(2 * channels)]), Array(x[(3 * channels)..<(4 * channels)]))
        var dX = [Float](repeating: 0, count: x.count)
        TrainingPooling.maxPoolBackward(gradOutput: r, argmax: pool(x).argmax, outLength: outLength, channels: channels,
                                    inLength: length, gradInput: &dX)
        TestSupport.assertGradient(dX, TestSupport.numericGradient(x, h: 1e-2) { TestSupport.dot(r, pool($0).y) },
                                   "subsample")
    }

    func testMaxPoolGradient() {
        var rng = Xoshiro256StarStar(seed: 24)
        let (length, channels, size) = (11, 3, 3)   // a dropped tail of 2 positions
        // Distinct values 0.1 apart, shuffled: no tie within a step.
        var x = (0..<(length * channels)).map { Float($0) * 0.1 }
        for i in stride(from: x.count - 1, to: 0, by: -1) { x.swapAt(i, rng.uniform(below: i + 1)) }
        let outLength = length / size
        let r = TestSupport.randomArray(outLength * channels, &rng)
        func pool(_ v: [Float]) -> (y: [Float], argmax: [Int32]) {
            var y = [Float](repeating: 0, count: outLength * channels)
            var arg = [Int32](repeating: 0, count: y.count)
            TrainingPooling.maxPoolForward(input: v, length: length, channels: channels, size: size, output: &y, argmax: &arg)
            return (y, arg)
        }
        var dX = [Float](repeating: 0, count: x.count)
        TrainingPooling.maxPoolBackward(gradOutput: r, argmax: pool(x).argmax, outLength: outLength, channels: channels,
                                    inLength: length, gradInput: &dX)
        TestSupport.assertGradient(dX, TestSupport.numericGradient(x, h: 1e-2) { TestSupport.dot(r, pool($0).y) }, "maxpool")
    }

    func testGlobalAveragePoolGradient() {
        var rng = Xoshiro256StarStar(seed: 25)
        let (length, channels) = (7, 4)
        let x = TestSupport.randomArray(length * channels, &rng)
        let r = TestSupport.randomArray(channels, &rng)
        func gap(_ v: [Float]) -> [Float] {
            var y = [Float](repeating: 0, count: channels)
            TrainingPooling.globalAveragePoolForward(input: v, length: length, channels: channels, output: &y)
            return y
        }
        var dX = [Float](repeating: 0, count: x.count)
        TrainingPooling.globalAveragePoolBackward(gradOutput: r, length: length, channels: channels, gradInput: &dX)
        TestSupport.assertGradient(dX, TestSupport.numericGradient(x, h: 1e-2) { TestSupport.dot(r, gap($0)) }, "gap")
    }

    func testDenseGradients() {
        var rng = Xoshiro256StarStar(seed: 26)
        let (batch, inF, outF) = (3, 6, 5)
        let x = TestSupport.randomArray(batch * inF, &rng)
        let w = TestSupport.randomArray(inF * outF, &rng)   // GEMM layout [in][out]
        let b = TestSupport.randomArray(outF, &rng)
        let r = TestSupport.randomArray(batch * outF, &rng)
        func dense(_ x: [Float], _ w: [Float], _ b: [Float]) -> [Float] {
            let packed = w.withUnsafeBufferPointer { TrainingDense.packWeights(gemm: $0.baseAddress!, inFeatures: inF, outFeatures: outF) }
            var y = [Float](repeating: 0, count: batch * outF)
            TrainingDense.forward(input: x, batch: batch, inFeatures: inF, packedWeight: packed, bias: b, outFeatures: outF, output: &y)
            return y
        }
        var dW = [Float](repeating: 0, count: w.count)
        var dB = [Float](repeating: 0, count: outF)
        var dX = [Float](repeating: 0, count: x.count)
        TrainingDense.accumulateWeightGradient(input: x, batch: batch, inFeatures: inF, gradOutput: r, outFeatures: outF, gradWeight: &dW)
        TrainingDense.accumulateBiasGradient(gradOutput: r, batch: batch, outFeatures: outF, gradBias: &dB)
        let packedT = w.withUnsafeBufferPointer { TrainingDense.packTransposedWeights(gemm: $0.baseAddress!, inFeatures: inF, outFeatures: outF) }
        TrainingDense.inputGradient(gradOutput: r, batch: batch, outFeatures: outF, packedTransposedWeight: packedT, inFeatures: inF,
                                gradInput: &dX)
        TestSupport.assertGradient(dW, TestSupport.numericGradient(w, h: 1e-2) { TestSupport.dot(r, dense(x, $0, b)) }, "dense dW")
        TestSupport.assertGradient(dB, TestSupport.numericGradient(b, h: 1e-2) { TestSupport.dot(r, dense(x, w, $0)) }, "dense db")
        TestSupport.assertGradient(dX, TestSupport.numericGradient(x, h: 1e-2) { TestSupport.dot(r, dense($0, w, b)) }, "dense dX")
    }

    func testDropoutGradientWithFixedMask() {
        var rng = Xoshiro256StarStar(seed: 27)
        let count = 50
        var mask = [Float](repeating: 0, count: count)
        Dropout.makeMask(rate: 0.3, count: count, rng: &rng, into: &mask)
        XCTAssert(mask.allSatisfy { $0 == 0 || abs($0 - 1 / 0.7) < 1e-6 })
        XCTAssert(mask.contains(0) && mask.contains { $0 > 0 })
        let x = TestSupport.randomArray(count, &rng)
        let r = TestSupport.randomArray(count, &rng)
        func drop(_ v: [Float]) -> [Float] {
            var y = [Float](repeating: 0, count: count)
            Dropout.forward(input: v, mask: mask, count: count, output: &y)
            return y
        }
        var dX = [Float](repeating: 0, count: count)
        Dropout.backward(gradOutput: r, mask: mask, count: count, gradInput: &dX)
        TestSupport.assertGradient(dX, TestSupport.numericGradient(x, h: 1e-2) { TestSupport.dot(r, drop($0)) }, "dropout")
    }

    func testSigmoidBinaryCrossEntropy() {
        for (z, y) in [(Float(-3.2), Float(1)), (0.7, 0), (0, 1), (5.5, 1), (-0.4, 0)] {
            let analytic = BinaryCrossEntropy.gradient(logit: z, label: y)
            let h: Float = 1e-3
            let numeric = (BinaryCrossEntropy.loss(logit: z + h, label: y) - BinaryCrossEntropy.loss(logit: z - h, label: y))
                / (2 * Double(h))
            XCTAssertEqual(Double(analytic), numeric, accuracy: 1e-4, "z \(z) y \(y)")
            let p = 1 / (1 + exp(-Double(z)))
            XCTAssertEqual(BinaryCrossEntropy.loss(logit: z, label: y), -(Double(y) * log(p) + (1 - Double(y)) * log(1 - p)),
                           accuracy: 1e-6)
        }
        // Stable at extreme logits: finite, and the right limits.
        XCTAssertEqual(BinaryCrossEntropy.loss(logit: 100, label: 0), 100, accuracy: 1e-9)
        XCTAssertEqual(BinaryCrossEntropy.loss(logit: -100, label: 1), 100, accuracy: 1e-9)
        XCTAssertEqual(BinaryCrossEntropy.loss(logit: 100, label: 1), 0, accuracy: 1e-12)
        XCTAssertEqual(BinaryCrossEntropy.gradient(logit: -200, label: 1), -1)
        XCTAssertEqual(BinaryCrossEntropy.sigmoid(-200), 0)
    }
}
