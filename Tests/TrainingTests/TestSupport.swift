import GenomeCore
import ModelFormat
import ScalarInference
import XCTest
@testable import Training

/// Shared helpers for the training tests: seeded random arrays and tolerant comparisons.
enum TestSupport {
    /// Weights with non-trivial γ, β, biases and running statistics.
    static func randomWeights(_ architecture: NetworkArchitecture, seed: UInt64) -> NetworkWeights {
        var rng = Xoshiro256StarStar(seed: seed)
        var weights = NetworkWeights(architecture: architecture, rng: &rng)
        let layout = weights.layout
        for block in architecture.channels.indices {
            for k in layout.gamma[block] { weights.parameters[k] = 0.5 + rng.unitFloat() }
            for k in layout.beta[block] { weights.parameters[k] = rng.unitFloat() - 0.5 }
            for c in weights.runningMean[block].indices {
                weights.runningMean[block][c] = rng.unitFloat() - 0.5
                weights.runningVariance[block][c] = 0.2 + rng.unitFloat()
            }
        }
        for k in layout.fc1Bias.lowerBound..<layout.count { weights.parameters[k] += 0.1 * (rng.unitFloat() - 0.5) }
        return weights
    }

    /// Random one-hot windows `[count][length][4]`.
    static func randomOneHot(count: Int, length: Int, rng: inout Xoshiro256StarStar) -> [Float] {
        var x = [Float](repeating: 0, count: count * length * 4)
        for p in 0..<(count * length) { x[p * 4 + rng.uniform(below: 4)] = 1 }
        return x
    }

    /// Asserts that `weights` in eval mode (the training workspace) predict what `model` predicts (the
    /// reference network of the file) on `count` random windows, within 1e-5.
    static func assertEvalModeMatches(_ weights: NetworkWeights, _ model: Model, count: Int, seed: UInt64,
                                      file: StaticString = #filePath, line: UInt = #line) {
        let architecture = weights.architecture
        var rng = Xoshiro256StarStar(seed: seed)
        let input = randomOneHot(count: count, length: architecture.window, rng: &rng)
        let workspace = NetworkWorkspace(architecture: architecture, capacity: count, dropoutRate: 0.5)
        workspace.input.pointer.update(from: input, count: input.count)
        workspace.forward(batch: count, packed: PackedNetwork(weights), training: false)
        for s in 0..<count {
            let window = Array(input[(s * architecture.window * 4)..<((s + 1) * architecture.window * 4)])
            let fromFile = window.withUnsafeBufferPointer { ReferenceNetwork(model).predict(oneHot: $0, length: architecture.window) }
            let fromTraining = BinaryCrossEntropy.sigmoid(workspace.logits.pointer[s])
            XCTAssertEqual(fromFile, fromTraining, accuracy: 1e-5, "window \(s)", file: file, line: line)
        }
    }

    /// `count` uniform values in `[-scale, scale)` from `rng`.
    static func randomArray(_ count: Int, _ rng: inout Xoshiro256StarStar, scale: Float = 1) -> [Float] {
        (0..<count).map { _ in (rng.unitFloat() * 2 - 1) * scale }
    }

    /// Asserts `|actual[k] − expected[k]| <= tolerance · max(1, |expected[k]|)` for every k.
    static func assertClose(_ actual: [Float], _ expected: [Float], tolerance: Float = 1e-4, _ label: String,
                            file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(actual.count, expected.count, "\(label): sizes differ", file: file, line: line)
        var worst: Float = 0
        var worstIndex = -1
        for k in 0..<min(actual.count, expected.count) {
            let error = abs(actual[k] - expected[k]) / max(1, abs(expected[k]))
            if !(error <= worst) { worst = error; worstIndex = k }
        }
        XCTAssert(worst <= tolerance,
                  "\(label): relative error \(worst) at \(worstIndex) (\(worstIndex >= 0 ? actual[worstIndex] : 0) vs "
                      + "\(worstIndex >= 0 ? expected[worstIndex] : 0))", file: file, line: line)
    }

    /// Central-difference gradient of `loss` with respect to every element of `x` (step `h`).
    static func numericGradient(_ x: [Float], h: Float, _ loss: ([Float]) -> Double) -> [Float] {
        var probe = x
        var gradient = [Float](repeating: 0, count: x.count)
        for k in x.indices {
            probe[k] = x[k] + h
            let up = loss(probe)
            probe[k] = x[k] - h
            let down = loss(probe)
            probe[k] = x[k]
            gradient[k] = Float((up - down) / (2 * Double(h)))
        }
        return gradient
    }

    /// Asserts analytic and numeric gradients agree: `|a − n| <= absolute + relative · max(|a|, |n|)`.
    static func assertGradient(_ analytic: [Float], _ numeric: [Float], absolute: Float = 2e-3, relative: Float = 1e-2,
                               _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(analytic.count, numeric.count, "\(label): sizes differ", file: file, line: line)
        for k in 0..<min(analytic.count, numeric.count) {
            let a = analytic[k]
            let n = numeric[k]
            if !(abs(a - n) <= absolute + relative * max(abs(a), abs(n))) {
                XCTFail("\(label): gradient \(k): analytic \(a), numeric \(n)", file: file, line: line)
                return
            }
        }
    }

    /// `Σ_k weights[k] · values[k]` in Double: a scalar loss whose gradient w.r.t. `values` is `weights`.
    static func dot(_ weights: [Float], _ values: [Float]) -> Double {
        var sum = 0.0
        for k in 0..<min(weights.count, values.count) { sum += Double(weights[k]) * Double(values[k]) }
        return sum
    }
}
