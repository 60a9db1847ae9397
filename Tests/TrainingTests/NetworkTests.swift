import Foundation
import GenomeCore
import Kernels
import ModelFormat
import ScalarInference
import XCTest
@testable import Training

/// The assembled network: whole-network gradients, batch-norm folding on export, save/load.
final class NetworkTests: XCTestCase {
    private let tiny = NetworkArchitecture(window: 24, channels: [3, 4], kernels: [3, 3], pools: [2, 1], hidden: 5)
    /// `tiny` with a subsampling first pool (size 3, a dropped tail) and a max pool after the second block.
    private let tinyFrame = NetworkArchitecture(window: 26, channels: [3, 4], kernels: [3, 3], pools: [3, 2],
                                                poolKinds: [.subsample, .max], hidden: 5)

    func testWholeNetworkGradientMatchesFiniteDifferences() {
        var maxed = tinyFrame
        maxed.poolKinds = [.max, .max]
        for seed in [31, 41, 51] as [UInt64] {
            for architecture in [tiny, maxed, tinyFrame] { checkWholeNetworkGradient(architecture, seed: seed) }
        }
    }

    private func checkWholeNetworkGradient(_ tiny: NetworkArchitecture, seed: UInt64) {
        let batch = 3
        let weights = TestSupport.randomWeights(tiny, seed: seed)
        var rng = Xoshiro256StarStar(seed: 32)
        let input = TestSupport.randomOneHot(count: batch, length: tiny.window, rng: &rng)
        let labels: [Float] = [1, 0, 1]
        let workspace = NetworkWorkspace(architecture: tiny, capacity: batch, dropoutRate: 0)
        func load() {
            workspace.input.pointer.update(from: input, count: input.count)
            workspace.labels.pointer.update(from: labels, count: batch)
        }
        func loss(_ parameters: [Float]) -> Double {
            var w = weights
            w.parameters = parameters
            load()
            workspace.forward(batch: batch, packed: PackedNetwork(w), training: true)
            return (0..<batch).reduce(0.0) {
                $0 + BinaryCrossEntropy.loss(logit: workspace.logits.pointer[$1], label: labels[$1])
            } / Double(batch)
        }
        load()
        let packed = PackedNetwork(weights)
        workspace.resetAccumulators()
        workspace.forward(batch: batch, packed: packed, training: true)
        workspace.backward(batch: batch, totalBatch: batch, packed: packed)
        let analytic = workspace.gradients.array
        // h small enough that no ReLU or max-pool kink lies within ±h of these weights (at 1e-3 a
        // few do once the subsample keeps only a third of the positions).
        let numeric = TestSupport.numericGradient(weights.parameters, h: 3e-4, loss)
        TestSupport.assertGradient(analytic, numeric, absolute: 1e-3, relative: 5e-2, "network parameters \(tiny.poolKinds) \(tiny.pools) seed \(seed)")
        XCTAssertEqual(workspace.lossSum / Double(batch), loss(weights.parameters), accuracy: 1e-9)
    }

    func testFoldedModelMatchesEvalModeForward() throws {
        var frameAware = NetworkArchitecture.standard
        frameAware.poolKinds = [.subsample, .max, .max]
        for architecture in [tiny, tinyFrame, NetworkArchitecture.standard, frameAware] {
            let weights = TestSupport.randomWeights(architecture, seed: 33)
            let metadata = ModelExporter.metadata(architecture: architecture, name: "fold-test", step: 10,
                                                  minLength: architecture.minimumInputLength, maxWindow: 10_000,
                                                  provenance: [:])
            let model = try Model.load(bytes: ModelExporter.serialize(weights, metadata: metadata), source: "fold")
            XCTAssertEqual(model.minimumInputLength, architecture.minimumInputLength)
            TestSupport.assertEvalModeMatches(weights, model, count: 6, seed: 34)
        }
    }

    func testExportedLayersAndTensorNames() throws {
        let weights = TestSupport.randomWeights(NetworkArchitecture.standard, seed: 35)
        var allMax = NetworkArchitecture.standard
        allMax.poolKinds = [.max, .max, .max]
        let metadata = ModelExporter.metadata(architecture: allMax, name: "n", step: 30, minLength: 113,
                                              maxWindow: 100_000, provenance: ["seed": 1])
        let model = try Model.load(bytes: ModelExporter.serialize(weights, metadata: metadata), source: "x")
        XCTAssertEqual(model.metadata.layers, [
            .conv1d(in: 4, out: 64, kernel: 9), .relu, .maxPool1d(size: 3),
            .conv1d(in: 64, out: 64, kernel: 9), .relu, .maxPool1d(size: 3),
            .conv1d(in: 64, out: 64, kernel: 9), .relu,
            .globalAveragePool, .dense(in: 64, out: 32), .relu, .dense(in: 32, out: 1), .sigmoid,
        ])
        XCTAssertEqual(Set(model.tensors.keys), ["conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias",
                                                 "conv3.weight", "conv3.bias", "fc1.weight", "fc1.bias",
                                                 "fc2.weight", "fc2.bias"])
        XCTAssertEqual(model.minimumInputLength, 113)
        XCTAssertEqual(model.metadata.formatVersion, 1)

        let frameAware = NetworkArchitecture.standard   // subsample, max, max
        let framed = ModelExporter.metadata(architecture: frameAware, name: "n", step: 30, minLength: 113,
                                            maxWindow: 100_000, provenance: [:])
        let loaded = try Model.load(bytes: ModelExporter.serialize(weights, metadata: framed), source: "x")
        XCTAssertEqual(loaded.metadata.layers[2], .subsample1d(size: 3))
        XCTAssertEqual(loaded.metadata.layers[5], .maxPool1d(size: 3))
        XCTAssertEqual(loaded.metadata.formatVersion, 2)
    }

    func testSaveLoadRoundTripGivesIdenticalPredictions() throws {
        let weights = TestSupport.randomWeights(NetworkArchitecture.standard, seed: 36)
        let metadata = ModelExporter.metadata(architecture: .standard, name: "roundtrip", step: 30, minLength: 113,
                                              maxWindow: 100_000, provenance: ["command": "test"])
        let bytes = ModelExporter.serialize(weights, metadata: metadata)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("training-tests-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("m.safetensors").path
        try ModelFileWriter.writeAtomically([1, 2, 3], to: path)   // replaced atomically below
        try ModelFileWriter.writeAtomically(bytes, to: path)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["m.safetensors"],
                       "no temporary file left behind")
        let loaded = try Model.load(path: path)
        let direct = try Model.load(bytes: bytes, source: "memory")
        XCTAssertEqual(loaded.serialized(), bytes, "serialising the loaded model reproduces the file")
        XCTAssertEqual(loaded.metadata, metadata)
        var rng = Xoshiro256StarStar(seed: 37)
        for _ in 0..<5 {
            let window = TestSupport.randomOneHot(count: 1, length: 150, rng: &rng)
            let a = window.withUnsafeBufferPointer { ReferenceNetwork(loaded).predict(oneHot: $0, length: 150) }
            let b = window.withUnsafeBufferPointer { ReferenceNetwork(direct).predict(oneHot: $0, length: 150) }
            XCTAssertEqual(a, b)
        }
        XCTAssertThrowsError(try ModelFileWriter.writeAtomically(bytes, to: directory.path + "/missing/m.safetensors")) {
            XCTAssert("\($0)".contains("missing/m.safetensors"))
        }
    }

    func testArchitectureValidation() {
        XCTAssertNoThrow(try NetworkArchitecture.standard.validate())
        XCTAssertEqual(NetworkArchitecture.standard.minimumInputLength, 113)
        var a = NetworkArchitecture.standard
        a.kernels = [9, 9]
        XCTAssertThrowsError(try a.validate()) {
            XCTAssertEqual($0 as? TrainingError, .listLength(.kernels, count: 2, blocks: 3))
        }
        a = .standard
        a.window = 100
        XCTAssertThrowsError(try a.validate()) {
            XCTAssertEqual($0 as? TrainingError, .windowBelowMinimum(window: 100, minimum: 113))
        }
        a = .standard
        a.pools = [3, 0, 1]
        XCTAssertThrowsError(try a.validate()) {
            XCTAssertEqual("\($0)", "pools values must be between 1 and 4096 (got 0)")
        }
    }
}
