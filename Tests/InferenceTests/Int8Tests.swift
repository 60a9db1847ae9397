import Kernels
import ModelFormat
import XCTest
@testable import Inference

/// `--precision int8`: the 8-bit GEMM of every variant against `ReferenceKernels.int8GEMM` (exactly:
/// the sums are integers), the quantisation of activations, and whole networks whose 8-bit scores
/// are the same bits on every variant and for any grouping of windows, and close to the float scores.
final class Int8Tests: XCTestCase {
    /// The 8-bit GEMM of each variant this CPU runs, plus the portable kernel itself.
    private var kernels: [(String, (Int8GEMMProblem) -> Void)] {
        KernelVariant.allCases.filter(\.isSupported).map { ($0.rawValue, KernelSet($0).int8GEMM) }
            + [("Int8GEMM.multiplyPortable", Int8GEMM.multiplyPortable)]
    }

    func testInt8GEMMMatchesReferenceOnEveryVariant() {
        var rng = TestModels.Random(state: 11)
        // Columns: one 16-wide panel, several, 64-wide panels with 16-wide ones after them; rows 1 to
        // 13 (tails of the 4-row tile); depths 4 to 576.
        let shapes: [(depth: Int, columns: Int, positions: Int)] = [
            (4, 16, 1), (8, 32, 5), (576, 64, 30), (36, 48, 13), (12, 80, 9), (64, 144, 17), (20, 16, 4),
            (28, 64, 7), (16, 128, 10),
        ]
        for (depth, columns, positions) in shapes {
            let stride = depth  // rows overlap when rowStride < depth: here whole rows, then half-rows
            for rowStride in Set([stride, max(4, depth / 2)]) {
                let bytes = (positions - 1) * rowStride + depth
                let a = (0..<bytes).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
                let b = (0..<(depth * columns)).map { _ in Int8(truncatingIfNeeded: rng.next()) }
                let scale = (0..<columns).map { _ in abs(rng.symmetric()) * 1e-3 }
                let bias = (0..<columns).map { _ in rng.symmetric() * 20 }
                let packed = Int8GEMM.pack(depth: depth, columns: columns) { b[$0 * columns + $1] }
                let list: [Int32] = Swift.stride(from: positions - 1, through: 0, by: -2).map { Int32($0) }
                for rowIndex in [nil, list] {
                    let rows = rowIndex?.count ?? positions
                    for relu in [false, true] {
                        let expected = ReferenceKernels.int8GEMM(
                            a: a, rowStride: rowStride, rowIndex: rowIndex, rows: rows, depth: depth, b: b,
                            columns: columns, scale: scale, bias: bias, relu: relu)
                        for (name, gemm) in kernels {
                            var c = [Float](repeating: .nan, count: rows * columns)
                            a.withUnsafeBufferPointer { a in
                                packed.withUnsafeBufferPointer { p in
                                    scale.withUnsafeBufferPointer { s in
                                        bias.withUnsafeBufferPointer { bias in
                                            c.withUnsafeMutableBufferPointer { c in
                                                let output = c.baseAddress!
                                                let run = { (index: UnsafePointer<Int32>?) in
                                                    gemm(Int8GEMMProblem(
                                                        a: a.baseAddress!, rowStride: rowStride, rowIndex: index,
                                                        rows: rows, depth: depth, packed: p.baseAddress!,
                                                        scale: s.baseAddress!, bias: bias.baseAddress!,
                                                        columns: columns, c: output, ldc: columns, relu: relu))
                                                }
                                                if let rowIndex { rowIndex.withUnsafeBufferPointer { run($0.baseAddress!) } } else { run(nil) }
                                            }
                                        }
                                    }
                                }
                            }
                            XCTAssertEqual(c, expected, "\(name): depth \(depth) columns \(columns) rows \(rows) "
                                + "stride \(rowStride) list \(rowIndex != nil) relu \(relu)")
                        }
                    }
                }
            }
        }
    }

    func testActivationsRoundToTheNearestStepAndSaturate() {
        // One input channel whose top is 255: the step is 1.
        let conv = Int8Conv(weight: [1], bias: [0], inChannels: 1, outChannels: 1, kernel: 1, inputBound: [255])
        let values: [Float] = [0, 0.5, 1.5, 2.49, 2.51, 254.6, 255, 300, -3, 7]
        var x = [Float](repeating: 0, count: values.count * conv.inStride)
        for (t, v) in values.enumerated() { x[t * conv.inStride] = v; x[t * conv.inStride + 1] = 99 }
        var bytes = [UInt8](repeating: 1, count: x.count)
        x.withUnsafeBufferPointer { x in
            bytes.withUnsafeMutableBufferPointer { conv.quantize(x.baseAddress!, positions: values.count, into: $0.baseAddress!) }
        }
        XCTAssertEqual((0..<values.count).map { bytes[$0 * conv.inStride] }, [0, 0, 2, 2, 3, 255, 255, 255, 0, 7])
        // Padded channels are always 0.
        XCTAssertEqual((0..<values.count).map { bytes[$0 * conv.inStride + 1] }, [UInt8](repeating: 0, count: values.count))
        // The weight 1 with input step 1 is folded to the byte 127 with an output step of 1 / 127.
        XCTAssertEqual(conv.packed[0], 127)
        XCTAssertEqual(conv.scale[0], 1 / 127)
    }

    func testOnlyConvolutionsAfterAReLURunInEightBits() throws {
        func int8Stages(_ name: String) throws -> [Bool] {
            let layers = TestModels.architectures.first { $0.name == name }!.layers
            let model = try TestModels.model(layers, window: TestModels.minimumLength(layers) + 10, seed: 3)
            let network = try XCTUnwrap(InferenceEngine(model: model, precision: .int8).network)
            return network.stages.compactMap { if case let .conv(c) = $0 { return c.int8 != nil } else { return nil } }
        }
        XCTAssertEqual(try int8Stages("frame-aware"), [true, true])
        // A convolution without a ReLU after it feeds the next one possibly negative inputs: that
        // next one stays in floats.
        XCTAssertEqual(try int8Stages("dense-tail"), [true, false, true])
        XCTAssertEqual(try int8Stages("no-pool"), [true])
        let fp32 = try TestModels.model(TestModels.architectures[0].layers, window: 150, seed: 3)
        let network = try XCTUnwrap(InferenceEngine(model: fp32).network)
        XCTAssertTrue(network.stages.allSatisfy { if case let .conv(c) = $0 { return c.int8 == nil } else { return true } })
    }

    private func score(_ engine: InferenceEngine, _ masks: [UInt8], window w: Int, starts: [Int]) -> [WindowScore] {
        TestModels.score(engine, masks, window: w, starts: starts)
    }

    /// Mean |Δp| between two score lists (both strands of the windows both scored), and how many
    /// windows differ in any bit.
    private func compare(_ a: [WindowScore], _ b: [WindowScore]) -> (mean: Float, differing: Int) {
        var total: Float = 0
        var n = 0
        for (x, y) in zip(a, b) where x.scored && y.scored {
            total += abs(x.plus! - y.plus!) + abs(x.minus! - y.minus!)
            n += 2
        }
        return (n > 0 ? total / Float(n) : .nan, zip(a, b).filter { $0 != $1 }.count)
    }

    func testEightBitScoresAreTheSameOnEveryVariantAndCloseToFloats() throws {
        for (a, arch) in TestModels.architectures.enumerated() {
            let minimum = TestModels.minimumLength(arch.layers)
            let w = minimum + 40
            let model = try TestModels.model(arch.layers, window: w, seed: UInt64(300 + a))
            let masks = TestModels.masks(count: 2_000, seed: UInt64(400 + a))
            let starts = Array(Swift.stride(from: 0, through: masks.count - w, by: 7))
            let floats = score(InferenceEngine(model: model, variant: .portable), masks, window: w, starts: starts)
            let portable = InferenceEngine(model: model, variant: .portable, precision: .int8)
            let reference = score(portable, masks, window: w, starts: starts)
            // Byte-identical on every CPU when every convolution after the first runs in 8 bits (a float
            // one in between sums with or without fused multiply-adds, depending on the variant).
            let allEightBit = portable.network!.stages.allSatisfy { if case let .conv(c) = $0 { c.int8 != nil } else { true } }
            for variant in KernelVariant.allCases where variant.isSupported {
                let bytes = score(InferenceEngine(model: model, variant: variant, precision: .int8), masks, window: w,
                                  starts: starts)
                let (mean, differing) = compare(bytes, reference)
                if allEightBit {
                    XCTAssertEqual(differing, 0, "\(arch.name) \(variant): windows whose 8-bit scores differ from the portable kernels'")
                } else {
                    XCTAssertLessThan(mean, 1e-5, "\(arch.name) \(variant)")
                }
            }
            let (mean, _) = compare(floats, reference)
            XCTAssertLessThan(mean, 0.01, "\(arch.name): mean |p(int8) − p(fp32)|")
        }
    }

    func testEightBitScoresDoNotDependOnTheSpan() throws {
        let model = try TestModels.model(TestModels.architectures[0].layers, window: 150, seed: 9)
        let engine = InferenceEngine(model: model, precision: .int8)
        let masks = TestModels.masks(count: 3_000, seed: 10)
        let starts = Array(Swift.stride(from: 0, through: 3_000 - 150, by: 30))
        let whole = score(engine, masks, window: 150, starts: starts)
        for cut in [1, 7, 40] {
            for first in Swift.stride(from: 0, to: starts.count, by: cut) {
                let group = Array(starts[first..<min(starts.count, first + cut)])
                let base = max(0, group[0] - 3 * (first % 5))
                let span = Array(masks[base..<min(3_000, group.last! + 150 + first % 4)])
                let parts = score(engine, span, window: 150, starts: group.map { $0 - base })
                XCTAssertEqual(parts, Array(whole[first..<(first + group.count)]), "cut \(cut) at \(first)")
            }
        }
    }
}
