import Foundation
import Kernels
import XCTest
import Training

/// Throughput figures, printed; skipped unless `CODINGSCAN_BENCHMARK=1` (run them in a release build:
/// `CODINGSCAN_BENCHMARK=1 swift test -c release -Xswiftc -enable-testing --filter BenchmarkTests`).
final class BenchmarkTests: XCTestCase {
    override func setUpWithError() throws {
        try XCTSkipUnless(ProcessInfo.processInfo.environment["CODINGSCAN_BENCHMARK"] == "1",
                          "set CODINGSCAN_BENCHMARK=1 to run benchmarks")
    }

    /// Single-thread GFLOP/s (2 flops per multiply-add) of the conv kernels on the default network's
    /// layer shapes, one sample per call as in training.
    func testConvKernelGFLOPs() {
        var rng = Xoshiro256StarStar(seed: 1)
        var totals = (flops: 0.0, seconds: 0.0)
        for shape in NetworkArchitecture.standard.blocks() {
            let (cin, cout, k, length) = (shape.inChannels, shape.outChannels, shape.kernel, shape.inLength)
            let outLength = shape.convLength
            let x = (0..<(length * cin)).map { _ in rng.unitFloat() - 0.5 }
            let w = (0..<(k * cin * cout)).map { _ in rng.unitFloat() - 0.5 }
            let dy = (0..<(outLength * cout)).map { _ in rng.unitFloat() - 0.5 }
            let packed = w.withUnsafeBufferPointer { TrainingConv1d.packWeights(gemm: $0.baseAddress!, inChannels: cin, outChannels: cout, kernelSize: k) }
            let packedT = w.withUnsafeBufferPointer { TrainingConv1d.packTransposedWeights(gemm: $0.baseAddress!, inChannels: cin, outChannels: cout, kernelSize: k) }
            var y = [Float](repeating: 0, count: outLength * cout)
            var dW = [Float](repeating: 0, count: w.count)
            var dX = [Float](repeating: 0, count: x.count)
            var scratch = [Float](repeating: 0, count: TrainingConv1d.inputGradientScratchCount(outLength: outLength, inChannels: cin, kernelSize: k))
            let flops = 2.0 * Double(shape.convMultiplyAdds)
            let iterations = max(200, Int(2e9 / flops / 3))
            func time(_ body: () -> Void) -> Double {
                let start = Date()
                for _ in 0..<iterations { body() }
                return Date().timeIntervalSince(start)
            }
            let forward = time { TrainingConv1d.forward(input: x, length: length, inChannels: cin, packedWeight: packed, bias: nil, outChannels: cout, kernelSize: k, output: &y) }
            let weight = time { TrainingConv1d.accumulateWeightGradient(input: x, length: length, inChannels: cin, gradOutput: dy, outChannels: cout, kernelSize: k, gradWeight: &dW) }
            let input = time { TrainingConv1d.inputGradient(gradOutput: dy, outLength: outLength, outChannels: cout, packedTransposedWeight: packedT, inChannels: cin, kernelSize: k, scratch: &scratch, gradInput: &dX) }
            let g = { (s: Double) in String(format: "%.1f", flops * Double(iterations) / s / 1e9) }
            print("BENCH conv \(cin)->\(cout) k\(k) L\(length): forward \(g(forward)) GFLOP/s, dW \(g(weight)) GFLOP/s, dX \(g(input)) GFLOP/s")
            totals.flops += 3 * flops * Double(iterations)
            totals.seconds += forward + weight + input
        }
        print("BENCH conv overall \(String(format: "%.1f", totals.flops / totals.seconds / 1e9)) GFLOP/s (single thread)")
    }

    /// Training windows per second of the default network (window 150) on generated data.
    func testTrainingThroughput() throws {
        let genome = SyntheticGenome.make(name: "bench", seed: 1, usageSeed: 2, blocks: 400, blockLength: 600)
        for threads in [1, 2] {
            var o = TrainingOptions()
            o.epochs = 2
            o.windowsPerEpoch = 12_000
            o.validationWindows = 1000
            o.threads = threads
            var rates: [Double] = []
            _ = try Trainer.train(trainingGenomes: [genome], validationGenomes: [], options: o) {
                if case let .epoch(e) = $0 { rates.append(e.windowsPerSecond) }
            }
            let perWindow = 3.0 * 2.0 * Double(NetworkArchitecture.standard.forwardMultiplyAdds)
            print("BENCH train default net, \(threads) thread(s): \(rates.map { Int($0) }) windows/s "
                + "(~\(String(format: "%.1f", rates.max()! * perWindow / 1e9)) GFLOP/s at 3x forward flops)")
        }
    }
}
