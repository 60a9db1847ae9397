import Foundation
import ModelFormat
import XCTest
@testable import Training
import ScalarInference

/// End-to-end training on generated data: learning, early stopping, reproducibility.
final class TrainingLoopTests: XCTestCase {
    private func options(seed: UInt64 = 7, threads: Int = 2, epochs: Int = 8, windows: Int = 4000) -> TrainingOptions {
        var o = TrainingOptions()
        o.architecture = NetworkArchitecture(window: 60, channels: [16, 16], kernels: [9, 5], pools: [3, 1], hidden: 16)
        o.name = "synthetic"
        o.step = 20
        o.epochs = epochs
        o.batchSize = 32
        o.learningRate = 0.003
        o.dropout = 0.1
        o.windowsPerEpoch = windows
        o.validationWindows = 1000
        o.patience = 3
        o.seed = seed
        o.threads = threads
        o.recordTiming = false
        o.command = "test"
        // The settings these tests were written for, not the shipped recipe's.
        o.smooth = 0
        o.orfGate = 0
        o.learningRateSchedule = .constant
        o.mutationRate = 0.01
        o.softLabels = false
        return o
    }

    /// `TrainingOptions()` is the shipped recipe (docs/default-model.md), so `codingscan train` with only
    /// genomes trains the built-in model's way.
    func testDefaultsAreTheRecipe() {
        let o = TrainingOptions()
        XCTAssertEqual(o.architecture, NetworkArchitecture(window: 360, channels: [64, 64, 64], kernels: [9, 9, 9],
                                                           pools: [3, 3, 1], poolKinds: [.subsample, .max, .max],
                                                           hidden: 32))
        XCTAssertEqual(o.resolvedLabelSpan, 300)
        XCTAssertTrue(o.softLabels)
        XCTAssertEqual([o.step, o.smooth, o.orfGate, o.epochs, o.windowsPerEpoch, o.patience], [27, 162, 200, 24, 100_000, 30])
        XCTAssertEqual(o.learningRateSchedule, .cosine)
        XCTAssertEqual([o.mutationRate, o.dropout, o.codingFraction, o.learningRate], [0.03, 0.2, 0.5, 0.001])
        XCTAssertEqual(o.weighting, .sqrt)
        var short = o
        short.architecture.window = 150
        XCTAssertEqual(short.resolvedLabelSpan, 150, "the default span is cut to a shorter window")
    }

    private let training = SyntheticGenome.make(name: "train", seed: 1, usageSeed: 99, blocks: 120, blockLength: 300)
    private let validation = SyntheticGenome.make(name: "valid", seed: 2, usageSeed: 99, blocks: 40, blockLength: 300)

    func testSeparatesCodonStructuredFromRandomSequence() throws {
        var events: [TrainingEvent] = []
        let started = Date()
        let result = try Trainer.train(trainingGenomes: [training], validationGenomes: [validation], options: options()) {
            events.append($0)
        }
        let seconds = Date().timeIntervalSince(started)
        let epochs = events.compactMap { event -> EpochProgress? in
            if case let .epoch(e) = event { return e }
            return nil
        }
        XCTAssertEqual(epochs.count, result.epochsRun)
        XCTAssertEqual(result.history, epochs)
        XCTAssertGreaterThan(result.validationAUC ?? 0, 0.9, "validation ROC-AUC of the kept epoch")
        XCTAssertLessThan(result.validationLoss, epochs[0].validationLoss + 1e-9)
        XCTAssert(epochs.allSatisfy { $0.windowsPerSecond > 0 && $0.trainLoss.isFinite })
        XCTAssertLessThan(seconds, 60, "took \(seconds) s")
        // The saved model loads, and its predictions separate the classes on fresh windows.
        let model = try Model.load(bytes: result.modelBytes, source: "trained")
        XCTAssertEqual(model.metadata.window, 60)
        XCTAssertEqual(model.metadata.minLength, options().architecture.minimumInputLength)
        let provenance = model.metadata.provenance.objectValue ?? [:]
        XCTAssertEqual(provenance["best_epoch"], .integer(result.bestEpoch))
        XCTAssertEqual(provenance["threads"], .integer(2))
        XCTAssertNil(provenance["training_seconds"])
        let fresh = SyntheticGenome.make(name: "fresh", seed: 3, usageSeed: 99, blocks: 30, blockLength: 300).records[0]
        var coding: [Float] = []
        var other: [Float] = []
        for start in stride(from: 0, to: fresh.length - 300, by: 300) {
            let window = Array(fresh.masks[(start + 120)..<(start + 180)])
            var oneHot = [Float](repeating: 0, count: 240)
            var rng = Xoshiro256StarStar(seed: 0)
            WindowEncoder.encode(masks: window, length: 60, minus: false, mutationRate: 0, rng: &rng, into: &oneHot)
            let p = oneHot.withUnsafeBufferPointer { ReferenceNetwork(model).predict(oneHot: $0, length: 60) }
            if fresh.flags[start + 150] & GenomeRecord.plusCoding != 0 { coding.append(p) } else { other.append(p) }
        }
        XCTAssertGreaterThan(coding.reduce(0, +) / Float(coding.count), other.reduce(0, +) / Float(other.count) + 0.3)
    }

    func testSameSeedAndThreadsGiveIdenticalBytes() throws {
        let a = try Trainer.train(trainingGenomes: [training], validationGenomes: [], options: options(epochs: 2, windows: 600))
        let b = try Trainer.train(trainingGenomes: [training], validationGenomes: [], options: options(epochs: 2, windows: 600))
        XCTAssertEqual(a.modelBytes, b.modelBytes)
        let c = try Trainer.train(trainingGenomes: [training], validationGenomes: [],
                                  options: options(seed: 8, epochs: 2, windows: 600))
        XCTAssertNotEqual(a.modelBytes, c.modelBytes)
        let single = try Trainer.train(trainingGenomes: [training], validationGenomes: [],
                                       options: options(threads: 1, epochs: 2, windows: 600))
        let singleAgain = try Trainer.train(trainingGenomes: [training], validationGenomes: [],
                                            options: options(threads: 1, epochs: 2, windows: 600))
        XCTAssertEqual(single.modelBytes, singleAgain.modelBytes)
    }

    /// Batch norm normalises over the whole mini-batch whatever the thread count: the same seed gives an
    /// equally good model on 1, 3, 32 (= the batch) and 64 threads (ghost batch norm gave chance level at 64).
    func testThreadCountDoesNotChangeTheModel() throws {
        var results: [Int: TrainingResult] = [:]
        for threads in [1, 3, 32, 64] {
            results[threads] = try Trainer.train(trainingGenomes: [training], validationGenomes: [validation],
                                                 options: options(threads: threads, epochs: 2, windows: 1200))
        }
        let reference = try XCTUnwrap(results[1]?.validationAUC)
        XCTAssertGreaterThan(reference, 0.8)
        for threads in [3, 32, 64] {
            let auc = try XCTUnwrap(results[threads]?.validationAUC)
            XCTAssertEqual(auc, reference, accuracy: 0.002, "\(threads) threads")
            let a = try Model.load(bytes: results[1]!.modelBytes, source: "1 thread")
            let b = try Model.load(bytes: results[threads]!.modelBytes, source: "\(threads) threads")
            var largest: Float = 0
            for (name, tensor) in a.tensors {
                for (x, y) in zip(tensor.values, b.tensors[name]!.values) { largest = max(largest, abs(x - y)) }
            }
            XCTAssertLessThan(largest, 1e-2, "\(threads) threads: weights differ by more than rounding")
        }
        // More threads than samples in a batch start no more workers than the batch has samples.
        XCTAssertEqual(results[64]?.modelBytes.count, results[32]?.modelBytes.count)
    }

    func testEarlyStoppingKeepsTheBestEpoch() throws {
        var o = options(epochs: 30, windows: 300)
        o.patience = 1
        o.learningRate = 0.05   // noisy enough to get worse soon
        var stopped = false
        let result = try Trainer.train(trainingGenomes: [training], validationGenomes: [validation], options: o) {
            if case .stoppedEarly = $0 { stopped = true }
        }
        let bestLoss = result.history.map(\.validationLoss).min()!
        XCTAssertEqual(result.validationLoss, bestLoss)
        XCTAssertEqual(result.history[result.bestEpoch - 1].validationLoss, bestLoss)
        XCTAssertTrue(result.history[result.bestEpoch - 1].isBest)
        if stopped {
            XCTAssertEqual(result.epochsRun, result.bestEpoch + 1)
        } else {
            XCTAssertEqual(result.epochsRun, 30)
        }
    }

    func testSmoothAndORFGateAreStoredInTheModel() throws {
        var o = options(epochs: 1, windows: 256)
        o.validationWindows = 128
        func trained(_ o: TrainingOptions) throws -> Model {
            try Model.load(bytes: try Trainer.train(trainingGenomes: [training], validationGenomes: [validation],
                                                    options: o).modelBytes, source: "trained")
        }
        o.smooth = 60
        let model = try trained(o)
        XCTAssertEqual(model.metadata.smooth, 60)
        XCTAssertEqual(model.metadata.formatVersion, 3)
        o.smooth = 0
        let plain = try trained(o)
        XCTAssertEqual(plain.metadata.smooth, 0)
        XCTAssertEqual(plain.metadata.formatVersion, 1)
        o.smooth = -1
        XCTAssertThrowsError(try Trainer.train(trainingGenomes: [training], validationGenomes: [], options: o)) {
            XCTAssertEqual($0 as? TrainingError, .outOfRange(.smooth, "must be between 0 and 1073741824, got -1"))
        }
        o.smooth = 60
        o.orfGate = 180
        let gated = try trained(o)
        XCTAssertEqual(gated.metadata.orfGate, 180)
        XCTAssertEqual(gated.metadata.formatVersion, 4)
        XCTAssertEqual(gated.metadata.provenance.objectValue?["hyperparameters"]?.objectValue?["orf_gate"], .integer(180))
        XCTAssertEqual(plain.metadata.orfGate, 0)
        o.orfGate = 2_001
        XCTAssertThrowsError(try Trainer.train(trainingGenomes: [training], validationGenomes: [], options: o)) {
            XCTAssertEqual("\($0)", "ORF gate must be between 0 and 2000, got 2001")
        }
    }

    func testCosineScheduleChangesTrainingAndIsRecorded() throws {
        var o = options(epochs: 2, windows: 512)
        o.validationWindows = 128
        let constant = try Trainer.train(trainingGenomes: [training], validationGenomes: [validation], options: o)
        o.learningRateSchedule = .cosine
        let cosine = try Trainer.train(trainingGenomes: [training], validationGenomes: [validation], options: o)
        XCTAssertNotEqual(constant.modelBytes, cosine.modelBytes)
        let hyper = { (r: TrainingResult) in
            r.metadata.provenance.objectValue?["hyperparameters"]?.objectValue?["learning_rate_schedule"]
        }
        XCTAssertEqual(hyper(constant), .string("constant"))
        XCTAssertEqual(hyper(cosine), .string("cosine"))
    }

    func testInvalidOptionsNameTheOption() {
        var o = options()
        o.codingFraction = 0
        XCTAssertThrowsError(try Trainer.train(trainingGenomes: [training], validationGenomes: [], options: o)) {
            XCTAssert("\($0)".hasPrefix("coding fraction must be"), "\($0)")
        }
        o = options()
        o.step = 61
        XCTAssertThrowsError(try Trainer.train(trainingGenomes: [training], validationGenomes: [], options: o)) {
            XCTAssert("\($0)".hasPrefix("step must be"), "\($0)")
        }
    }
}
