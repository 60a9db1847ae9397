import Inference
import Kernels
import KernelsAVX2
import XCTest
@testable import Training

/// Every fast kernel against `ReferenceKernels` (forward) or a plain scalar loop (backward), on
/// random shapes with tails: output widths not multiples of 8, lengths not multiples of the 4-row tile.
final class TrainingKernelTests: XCTestCase {
    /// (inChannels, outChannels, kernel, length) cases covering tails.
    private let convShapes: [(Int, Int, Int, Int)] = [
        (4, 32, 9, 150), (1, 1, 1, 1), (3, 5, 2, 7), (4, 13, 5, 14), (7, 16, 3, 10), (5, 17, 4, 9),
        (8, 33, 9, 21), (32, 64, 9, 47), (2, 8, 1, 6), (6, 3, 6, 6),
    ]

    /// Every build of the training products this CPU can run: the baseline, and AVX2 + FMA where present.
    private var builds: [TrainingGEMM] {
        KernelVariant.best == .portable ? [.baseline] : [.baseline, AVX2Kernels.training()]
    }

    func testTrainingKernelsChooseTheWidestBuild() {
        XCTAssertEqual(TrainingKernels.gemm.name, KernelVariant.fromEnvironment() == .portable ? "baseline" : "avx2")
        if KernelVariant.best == .portable { print("TrainingKernelTests: no AVX2 + FMA here; only the baseline build is tested") }
    }

    func testConvForwardMatchesReference() {
        for build in builds { checkConvForward(build) }
    }

    private func checkConvForward(_ build: TrainingGEMM) {
        var rng = Xoshiro256StarStar(seed: 11)
        for (cin, cout, k, length) in convShapes {
            let x = TestSupport.randomArray(length * cin, &rng)
            let w = TestSupport.randomArray(cout * cin * k, &rng)
            let b = TestSupport.randomArray(cout, &rng)
            let expected = ReferenceKernels.conv1d(x, inChannels: cin, weight: w, bias: b, outChannels: cout, kernelSize: k)
            let gemm = TrainingConv1d.gemmLayout(pytorch: w, inChannels: cin, outChannels: cout, kernelSize: k)
            XCTAssertEqual(TrainingConv1d.pytorchLayout(gemm: gemm, inChannels: cin, outChannels: cout, kernelSize: k), w)
            let packed = gemm.withUnsafeBufferPointer {
                TrainingConv1d.packWeights(gemm: $0.baseAddress!, inChannels: cin, outChannels: cout, kernelSize: k)
            }
            var out = [Float](repeating: .nan, count: (length - k + 1) * cout)
            TrainingConv1d.forward(input: x, length: length, inChannels: cin, packedWeight: packed, bias: b,
                               outChannels: cout, kernelSize: k, output: &out, gemm: build)
            TestSupport.assertClose(out, expected, "\(build.name) conv forward \(cin)x\(cout) k\(k) L\(length)")
        }
    }

    func testConvBackwardMatchesScalarLoops() {
        for build in builds { checkConvBackward(build) }
    }

    private func checkConvBackward(_ build: TrainingGEMM) {
        var rng = Xoshiro256StarStar(seed: 12)
        for (cin, cout, k, length) in convShapes {
            let outLength = length - k + 1
            let x = TestSupport.randomArray(length * cin, &rng)
            let gemm = TestSupport.randomArray(k * cin * cout, &rng)   // [k][in][out]
            let dy = TestSupport.randomArray(outLength * cout, &rng)
            var expectedW = TestSupport.randomArray(k * cin * cout, &rng)   // accumulates onto this
            var dW = expectedW
            var expectedX = [Float](repeating: 0, count: length * cin)
            var expectedB = [Float](repeating: 0, count: cout)
            for t in 0..<outLength {
                for o in 0..<cout {
                    expectedB[o] += dy[t * cout + o]
                    for j in 0..<k {
                        for i in 0..<cin {
                            expectedW[(j * cin + i) * cout + o] += x[(t + j) * cin + i] * dy[t * cout + o]
                            expectedX[(t + j) * cin + i] += gemm[(j * cin + i) * cout + o] * dy[t * cout + o]
                        }
                    }
                }
            }
            TrainingConv1d.accumulateWeightGradient(input: x, length: length, inChannels: cin, gradOutput: dy,
                                                outChannels: cout, kernelSize: k, gradWeight: &dW, gemm: build)
            TestSupport.assertClose(dW, expectedW, "\(build.name) conv dW \(cin)x\(cout) k\(k) L\(length)")
            var dB = [Float](repeating: 0, count: cout)
            TrainingConv1d.accumulateBiasGradient(gradOutput: dy, outLength: outLength, outChannels: cout, gradBias: &dB)
            TestSupport.assertClose(dB, expectedB, "conv db")
            let packedT = gemm.withUnsafeBufferPointer {
                TrainingConv1d.packTransposedWeights(gemm: $0.baseAddress!, inChannels: cin, outChannels: cout, kernelSize: k)
            }
            var scratch = [Float](repeating: .nan, count: TrainingConv1d.inputGradientScratchCount(
                outLength: outLength, inChannels: cin, kernelSize: k))
            var dX = [Float](repeating: .nan, count: length * cin)
            TrainingConv1d.inputGradient(gradOutput: dy, outLength: outLength, outChannels: cout, packedTransposedWeight: packedT,
                                     inChannels: cin, kernelSize: k, scratch: &scratch, gradInput: &dX, gemm: build)
            TestSupport.assertClose(dX, expectedX, "\(build.name) conv dX \(cin)x\(cout) k\(k) L\(length)")
        }
    }

    func testGEMMOnPlainMatrices() {
        var rng = Xoshiro256StarStar(seed: 13)
        for (rows, depth, columns) in [(1, 1, 1), (5, 3, 9), (8, 16, 16), (13, 7, 23), (4, 40, 8), (3, 2, 7)] {
            let a = TestSupport.randomArray(rows * depth, &rng)
            let b = TestSupport.randomArray(depth * columns, &rng)
            var packed = [Float](repeating: .nan, count: PanelGEMM.packedCount(depth: depth, columns: columns))
            PanelGEMM.pack(depth: depth, columns: columns, into: &packed) { r, n in b[r * columns + n] }
            let ldc = columns + 3
            var c = [Float](repeating: -7, count: rows * ldc)
            PanelGEMM.multiply(a: a, rows: rows, rowStride: depth, depth: depth, packedB: packed, columns: columns,
                              bias: nil, c: &c, ldc: ldc)
            var got: [Float] = []
            var expected: [Float] = []
            for t in 0..<rows {
                for n in 0..<columns {
                    var s: Float = 0
                    for r in 0..<depth { s += a[t * depth + r] * b[r * columns + n] }
                    expected.append(s)
                    got.append(c[t * ldc + n])
                }
                for n in columns..<ldc { XCTAssertEqual(c[t * ldc + n], -7, "padding column written") }
            }
            TestSupport.assertClose(got, expected, "gemm \(rows)x\(depth)x\(columns)")
        }
    }

    func testDenseMatchesReferenceAndScalarBackward() {
        var rng = Xoshiro256StarStar(seed: 14)
        for (batch, inF, outF) in [(1, 1, 1), (3, 64, 32), (5, 7, 13), (9, 32, 1), (4, 17, 8)] {
            let x = TestSupport.randomArray(batch * inF, &rng)
            let w = TestSupport.randomArray(outF * inF, &rng)   // [out][in]
            let b = TestSupport.randomArray(outF, &rng)
            let gemm = TrainingDense.transpose(w, rows: outF, columns: inF)
            XCTAssertEqual(TrainingDense.transpose(gemm, rows: inF, columns: outF), w)
            let packed = gemm.withUnsafeBufferPointer { TrainingDense.packWeights(gemm: $0.baseAddress!, inFeatures: inF, outFeatures: outF) }
            var y = [Float](repeating: .nan, count: batch * outF)
            TrainingDense.forward(input: x, batch: batch, inFeatures: inF, packedWeight: packed, bias: b, outFeatures: outF,
                              output: &y)
            var expected: [Float] = []
            for s in 0..<batch { expected += ReferenceKernels.dense(Array(x[(s * inF)..<((s + 1) * inF)]), weight: w, bias: b) }
            TestSupport.assertClose(y, expected, "dense forward \(batch)x\(inF)x\(outF)")

            let dy = TestSupport.randomArray(batch * outF, &rng)
            var dW = [Float](repeating: 0, count: inF * outF)
            var dB = [Float](repeating: 0, count: outF)
            var expectedW = dW
            var expectedB = dB
            var expectedX = [Float](repeating: 0, count: batch * inF)
            for s in 0..<batch {
                for o in 0..<outF {
                    expectedB[o] += dy[s * outF + o]
                    for i in 0..<inF {
                        expectedW[i * outF + o] += x[s * inF + i] * dy[s * outF + o]
                        expectedX[s * inF + i] += w[o * inF + i] * dy[s * outF + o]
                    }
                }
            }
            TrainingDense.accumulateWeightGradient(input: x, batch: batch, inFeatures: inF, gradOutput: dy, outFeatures: outF,
                                               gradWeight: &dW)
            TrainingDense.accumulateBiasGradient(gradOutput: dy, batch: batch, outFeatures: outF, gradBias: &dB)
            let packedT = gemm.withUnsafeBufferPointer {
                TrainingDense.packTransposedWeights(gemm: $0.baseAddress!, inFeatures: inF, outFeatures: outF)
            }
            var dX = [Float](repeating: .nan, count: batch * inF)
            TrainingDense.inputGradient(gradOutput: dy, batch: batch, outFeatures: outF, packedTransposedWeight: packedT,
                                    inFeatures: inF, gradInput: &dX)
            TestSupport.assertClose(dW, expectedW, "dense dW")
            TestSupport.assertClose(dB, expectedB, "dense db")
            TestSupport.assertClose(dX, expectedX, "dense dX")
        }
    }

    func testPoolingAndReLUMatchReference() {
        var rng = Xoshiro256StarStar(seed: 15)
        for (length, channels, size) in [(1, 1, 1), (10, 3, 3), (142, 32, 3), (7, 5, 2), (9, 17, 4), (5, 8, 1)] {
            let x = TestSupport.randomArray(length * channels, &rng)
            let outLength = length / size
            var y = [Float](repeating: .nan, count: outLength * channels)
            var argmax = [Int32](repeating: -1, count: outLength * channels)
            TrainingPooling.maxPoolForward(input: x, length: length, channels: channels, size: size, output: &y, argmax: &argmax)
            XCTAssertEqual(y, ReferenceKernels.maxPool1d(x, channels: channels, size: size), "maxpool L\(length) s\(size)")
            let dy = TestSupport.randomArray(outLength * channels, &rng)
            var dX = [Float](repeating: .nan, count: length * channels)
            TrainingPooling.maxPoolBackward(gradOutput: dy, argmax: argmax, outLength: outLength, channels: channels,
                                        inLength: length, gradInput: &dX)
            var expected = [Float](repeating: 0, count: length * channels)
            for t in 0..<outLength {
                for c in 0..<channels {
                    var best = t * size
                    for j in 1..<max(1, size) where x[(t * size + j) * channels + c] > x[best * channels + c] { best = t * size + j }
                    expected[best * channels + c] += dy[t * channels + c]
                }
            }
            XCTAssertEqual(dX, expected, "maxpool backward")

            var g = [Float](repeating: .nan, count: channels)
            TrainingPooling.globalAveragePoolForward(input: x, length: length, channels: channels, output: &g)
            TestSupport.assertClose(g, ReferenceKernels.globalAveragePool(x, channels: channels), "gap forward")
            let dg = TestSupport.randomArray(channels, &rng)
            var dGap = [Float](repeating: .nan, count: length * channels)
            TrainingPooling.globalAveragePoolBackward(gradOutput: dg, length: length, channels: channels, gradInput: &dGap)
            TestSupport.assertClose(dGap, (0..<(length * channels)).map { dg[$0 % channels] / Float(length) }, "gap backward")

            var r = x
            TrainingActivation.reluForward(&r, count: r.count)
            XCTAssertEqual(r, ReferenceKernels.relu(x))
            var dr = TestSupport.randomArray(r.count, &rng)
            let expectedR = zip(dr, r).map { $1 > 0 ? $0 : 0 }
            TrainingActivation.reluBackward(output: r, grad: &dr, count: r.count)
            XCTAssertEqual(dr, expectedR)
        }
    }
}
