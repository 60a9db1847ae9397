import ModelFormat
import ScalarInference
import Windows
import XCTest
@testable import Inference

/// Shared-work scores against the reference forward pass of each window (`Model.predict`), within
/// 1e-5, on both strands; and bitwise independence from how windows are grouped into spans.
final class SpanScorerTests: XCTestCase {
    private func score(_ engine: InferenceEngine, _ masks: [UInt8], window w: Int, starts: [Int],
                       plus: Bool = true, minus: Bool = true) -> [WindowScore] {
        TestModels.score(engine, masks, window: w, starts: starts, plus: plus, minus: minus)
    }

    /// Reference scores of windows by start, for one model, sequence and window length.
    private final class ReferenceCache {
        let model: Model
        let masks: [UInt8]
        let window: Int
        private var cache: [Int: (plus: Float, minus: Float)] = [:]

        init(_ model: Model, _ masks: [UInt8], window: Int) {
            self.model = model
            self.masks = masks
            self.window = window
        }

        func scores(at start: Int) -> (plus: Float, minus: Float) {
            if let hit = cache[start] { return hit }
            let slice = Array(masks[start..<(start + window)])
            let p = slice.withUnsafeBufferPointer { ReferenceNetwork(model).predict(masks: $0, reverseComplement: false) }
            let m = slice.withUnsafeBufferPointer { ReferenceNetwork(model).predict(masks: $0, reverseComplement: true) }
            cache[start] = (p, m)
            return (p, m)
        }
    }

    /// Checks every window's scored flag, and the scores of all windows (or of `sample` windows
    /// picked at random, first and last included: the reference is slow) against the reference.
    private func checkAgainstReference(_ reference: ReferenceCache, _ engine: InferenceEngine, starts: [Int],
                                       sample: Int = .max, _ label: String) {
        let masks = reference.masks
        let w = reference.window
        let results = score(engine, masks, window: w, starts: starts)
        var scored = 0
        var rng = TestModels.Random(state: UInt64(starts.count * 31 + w))
        let fraction = min(1, Double(sample) / Double(starts.count))
        for (k, s) in starts.enumerated() {
            let clean = masks[s..<(s + w)].filter(BaseEncoding.isUnambiguous).count
            XCTAssertEqual(results[k].scored, clean * 2 >= w, "\(label) window \(k)")
            let picked = k == 0 || k == starts.count - 1 || Double(rng.next() >> 11) / Double(1 << 53) < fraction
            guard results[k].scored else {
                XCTAssertNil(results[k].plus); XCTAssertNil(results[k].minus); continue
            }
            guard picked else { continue }
            scored += 1
            let (p, m) = reference.scores(at: s)
            XCTAssertEqual(results[k].plus!, p, accuracy: 1e-5, "\(label) window \(k) at \(s) plus")
            XCTAssertEqual(results[k].minus!, m, accuracy: 1e-5, "\(label) window \(k) at \(s) minus")
        }
        XCTAssertGreaterThan(scored, 0, label)
    }

    /// Every architecture, several windows and steps (1, below, at and above the pooling stride, and
    /// not multiples of it), on a sequence with N runs and IUPAC codes; every supported variant.
    func testSharedWorkMatchesPerWindowReference() throws {
        for (a, arch) in TestModels.architectures.enumerated() {
            let minimum = TestModels.minimumLength(arch.layers)
            let model = try TestModels.model(arch.layers, window: minimum + 40, seed: UInt64(100 + a))
            let masks = TestModels.masks(count: 1_500, seed: UInt64(200 + a))
            for w in [minimum, minimum + 1, minimum + 40, 2 * minimum + 7] where w <= masks.count {
                let reference = ReferenceCache(model, masks, window: w)
                for variant in KernelVariant.allCases where variant.isSupported {
                    let engine = InferenceEngine(model: model, variant: variant)
                    XCTAssertTrue(engine.isFast)
                    let p = engine.totalStride
                    for step in Set([1, p, p + 1, 2 * p, 3 * p + 2, 7, 30, w]) where step <= w {
                        let starts = Array(Swift.stride(from: 0, through: masks.count - w, by: step))
                        checkAgainstReference(reference, engine, starts: starts, sample: 150,
                                              "\(arch.name) \(variant) W \(w) step \(step)")
                    }
                }
            }
        }
    }

    /// A sequence shorter than the model window is one window of its own length; windows at the
    /// very ends of a span; a span made only of N.
    func testShortSequencesAndEdges() throws {
        let arch = TestModels.architectures[0].layers
        let model = try TestModels.model(arch, window: 150, seed: 5)
        let engine = InferenceEngine(model: model)
        let minimum = model.minimumInputLength
        for length in [minimum, minimum + 1, minimum + 8, 149] {
            let masks = TestModels.masks(count: length, seed: UInt64(length), nRuns: 0)
            checkAgainstReference(ReferenceCache(model, masks, window: length), engine, starts: [0], "short \(length)")
        }
        let ns = [UInt8](repeating: 15, count: 400)
        let results = score(engine, ns, window: 150, starts: [0, 30, 250])
        XCTAssertEqual(results, [WindowScore](repeating: WindowScore(scored: false, plus: nil, minus: nil), count: 3))
        let masks = TestModels.masks(count: 1_000, seed: 77, nRuns: 0)
        checkAgainstReference(ReferenceCache(model, masks, window: 150), engine, starts: [0, 850], "span ends")
    }

    /// The same window gets the same bits whatever span, neighbours and strand selection it is
    /// scored with (so chunking and threads cannot change the output).
    func testScoresDoNotDependOnTheSpan() throws {
        let model = try TestModels.model(TestModels.architectures[0].layers, window: 150, seed: 9)
        let engine = InferenceEngine(model: model)
        let masks = TestModels.masks(count: 3_000, seed: 10)
        let starts = Array(Swift.stride(from: 0, through: 3_000 - 150, by: 30))
        let whole = score(engine, masks, window: 150, starts: starts)
        for cut in [1, 7, 13, 40] {
            for first in Swift.stride(from: 0, to: starts.count, by: cut) {
                let group = Array(starts[first..<min(starts.count, first + cut)])
                let offset = group[0] - 3 * (first % 5)  // spans that begin before the first window
                let base = max(0, offset)
                let span = Array(masks[base..<min(3_000, group.last! + 150 + first % 4)])
                let local = group.map { $0 - base }
                let parts = score(engine, span, window: 150, starts: local)
                let plusOnly = score(engine, span, window: 150, starts: local, plus: true, minus: false)
                for (n, result) in parts.enumerated() {
                    XCTAssertEqual(result, whole[first + n], "cut \(cut) window \(first + n)")
                    XCTAssertEqual(plusOnly[n].plus, whole[first + n].plus)
                    XCTAssertNil(plusOnly[n].minus)
                }
            }
        }
    }
}
