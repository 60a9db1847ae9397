import Annotation
import GenomeCore
import Foundation
import ModelFormat
import ScalarInference
import XCTest
@testable import Training

/// Training that starts from a model file (`train --initial-model`, `--adapt`): the file's network comes
/// back as trainable weights, batch norm is re-expressed around measured statistics, and the adapting
/// recipe reads genomes labelled by calls in memory.
final class FineTuningTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private let small = NetworkArchitecture(window: 60, channels: [16, 16], kernels: [9, 5], pools: [3, 1],
                                            poolKinds: [.subsample, .max], hidden: 16)

    private func model(_ architecture: NetworkArchitecture, seed: UInt64) throws -> Model {
        let metadata = ModelExporter.metadata(architecture: architecture, name: "start", step: 10, smooth: 30, orfGate: 90,
                                              minLength: architecture.minimumInputLength, maxWindow: 10_000, provenance: [:])
        return try Model.load(bytes: ModelExporter.serialize(TestSupport.randomWeights(architecture, seed: seed),
                                                              metadata: metadata), source: "start")
    }

    /// Every architecture the trainer builds comes back from its exported file, and the weights give the
    /// file's predictions in eval mode.
    func testModelFileGivesBackItsArchitectureAndNetwork() throws {
        let tinyFrame = NetworkArchitecture(window: 26, channels: [3, 4], kernels: [3, 3], pools: [3, 2],
                                            poolKinds: [.subsample, .max], hidden: 5)
        for architecture in [small, tinyFrame, NetworkArchitecture.standard] {
            let model = try model(architecture, seed: 5)
            XCTAssertEqual(NetworkArchitecture(model: model), architecture)
            let weights = try XCTUnwrap(NetworkWeights(model: model))
            TestSupport.assertEvalModeMatches(weights, model, count: 5, seed: 6)
        }
        // A network the trainer does not build: one dense layer after the pooling.
        let layers: [LayerSpec] = [.conv1d(in: 4, out: 2, kernel: 3), .relu, .globalAveragePool, .dense(in: 2, out: 1), .sigmoid]
        let tensors: [String: (shape: [Int], values: [Float])] = [
            "conv1.weight": ([2, 4, 3], [Float](repeating: 0.1, count: 24)), "conv1.bias": ([2], [0, 0]),
            "fc1.weight": ([1, 2], [1, 1]), "fc1.bias": ([1], [0]),
        ]
        let other = try Model.load(bytes: Model.serialize(
            metadata: ModelMetadata(name: "other", window: 10, step: 5, minLength: 3, maxWindow: 100, layers: layers),
            tensors: tensors), source: "other")
        XCTAssertNil(NetworkArchitecture(model: other))
        XCTAssertNil(NetworkWeights(model: other))
        var options = TrainingOptions()
        options.initialModel = other
        XCTAssertThrowsError(try options.validate()) { error in
            guard case .outOfRange(.initialModel, _)? = error as? TrainingError else { return XCTFail("\(error)") }
        }
        options.initialModel = try model(small, seed: 5)
        XCTAssertThrowsError(try options.validate(), "the network settings differ from the model's")
        options.architecture = small
        XCTAssertNoThrow(try options.validate())
    }

    private let genome = SyntheticGenome.make(name: "train", seed: 1, usageSeed: 99, blocks: 60, blockLength: 300)

    private func options(from model: Model, learningRate: Double, windows: Int = 1_000) -> TrainingOptions {
        var o = TrainingOptions.adapting(model, bases: 0)!
        o.windowsPerEpoch = windows
        o.learningRate = learningRate
        o.batchSize = 32
        o.mutationRate = 0
        o.dropout = 0
        o.validationWindows = 200
        return o
    }

    /// With a vanishing step size the fine-tuned file predicts as its start did: the weights, the batch
    /// norm calibrated to the training windows and the export round trip keep the network (without the
    /// calibration, training-mode batch norm would move the running statistics away from the file's).
    func testFineTuningWithoutStepsKeepsTheNetwork() throws {
        let start = try model(small, seed: 9)
        let result = try Trainer.train(trainingGenomes: [genome], validationGenomes: [],
                                       options: options(from: start, learningRate: 1e-12))
        let tuned = try Model.load(bytes: result.modelBytes, source: "tuned")
        XCTAssertEqual(tuned.metadata.layers, start.metadata.layers)
        XCTAssertEqual([tuned.metadata.step, tuned.metadata.smooth, tuned.metadata.orfGate], [10, 30, 90],
                       "the model's scan defaults")
        XCTAssertEqual(tuned.metadata.name, "start-adapted")
        let hyper = tuned.metadata.provenance.objectValue?["hyperparameters"]?.objectValue
        XCTAssertEqual(hyper?["initial_model"], .object(["name": "start", "sha256": .string(start.sha256)]))
        var rng = Xoshiro256StarStar(seed: 10)
        let input = TestSupport.randomOneHot(count: 20, length: 60, rng: &rng)
        for s in 0..<20 {
            let window = Array(input[(s * 240)..<((s + 1) * 240)])
            let before = window.withUnsafeBufferPointer { ReferenceNetwork(start).predict(oneHot: $0, length: 60) }
            let after = window.withUnsafeBufferPointer { ReferenceNetwork(tuned).predict(oneHot: $0, length: 60) }
            XCTAssertEqual(after, before, accuracy: 5e-3, "window \(s)")
        }
    }

    /// Fine-tuning a network trained on one codon usage on a genome of another raises its ROC-AUC there.
    func testFineTuningLearnsTheNewGenome() throws {
        var o = options(from: try model(small, seed: 1), learningRate: 0.003, windows: 3_000)
        o.initialModel = nil
        o.epochs = 4
        o.name = "base"
        let base = try Model.load(bytes: try Trainer.train(trainingGenomes: [genome], validationGenomes: [], options: o).modelBytes,
                                  source: "base")
        let other = SyntheticGenome.make(name: "other", seed: 4, usageSeed: 5, blocks: 60, blockLength: 300)
        let held = SyntheticGenome.make(name: "held", seed: 6, usageSeed: 5, blocks: 30, blockLength: 300)
        var before = options(from: base, learningRate: 1e-12)
        before.windowsPerEpoch = 1
        let untouched = try Trainer.train(trainingGenomes: [other], validationGenomes: [held], options: before)
        let tuned = try Trainer.train(trainingGenomes: [other], validationGenomes: [held],
                                      options: options(from: base, learningRate: 0.001, windows: 3_000))
        let (a, b) = (try XCTUnwrap(untouched.validationAUC), try XCTUnwrap(tuned.validationAUC))
        XCTAssertGreaterThan(b, a + 0.02, "validation ROC-AUC on the new usage: \(a) before, \(b) after")
    }

    /// Genomes labelled by calls in memory: read up to a limit, the calls cut to what was read.
    func testGenomeFromCallsStopsAtTheLimit() throws {
        let path = Self.root.appendingPathComponent("fixtures/real/pPCP1.fa.gz").path
        let calls = AnnotationSet(path: "gene calls", format: .gff3, intervals: [
            CDSInterval(seqid: "NC_005816.1", start: 100, end: 400, strand: .plus),
            CDSInterval(seqid: "NC_005816.1", start: 900, end: 1_200, strand: .minus),
            CDSInterval(seqid: "NC_005816.1", start: 1_500, end: 1_800, strand: .plus),
        ])
        let whole = try GenomeLoader.load(genome: path, cds: calls)
        XCTAssertEqual(whole.totalLength, 9_609)
        XCTAssertEqual(whole.codingBases, 900)
        let cut = try GenomeLoader.load(genome: path, cds: calls, limit: 1_000)
        XCTAssertEqual(cut.totalLength, 1_000)
        XCTAssertEqual(cut.codingBases, 400, "the second call cut at the limit, the third left out")
        XCTAssertEqual(cut.cdsCount, 2)
        XCTAssertEqual(cut.annotationPath, "gene calls")
    }

    /// The adapting recipe: window count by input size, the model's network and scan defaults.
    func testAdaptingRecipe() throws {
        XCTAssertEqual(TrainingOptions.adaptingWindows(bases: 100_000), 3_000)
        XCTAssertEqual(TrainingOptions.adaptingWindows(bases: 1_280_000), 10_000)
        XCTAssertEqual(TrainingOptions.adaptingWindows(bases: 5_000_000), 30_000)
        let start = try model(small, seed: 2)
        let o = try XCTUnwrap(TrainingOptions.adapting(start, bases: 1_280_000))
        XCTAssertEqual(o.architecture, small)
        XCTAssertEqual([o.epochs, o.windowsPerEpoch, o.threads], [1, 10_000, 2])
        XCTAssertEqual(o.learningRate, 0.0003)
        XCTAssertNoThrow(try o.validate())
    }
}
