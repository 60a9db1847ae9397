import Kernels
import Windows
import XCTest
@testable import Inference

/// The one-hot first layer (table lookups, fused ReLU and pooling, both strands) against the
/// reference convolution of the encoded sequence, for every kernel variant the CPU supports.
final class OneHotConvTests: XCTestCase {
    func testOneHotConvMatchesReference() {
        var rng = TestModels.Random(state: 99)
        let shapes: [(cout: Int, k: Int, pool: Int, length: Int)] = [
            (32, 9, 3, 150), (6, 5, 2, 60), (1, 1, 1, 1), (17, 4, 3, 40), (16, 7, 1, 23), (48, 3, 2, 9), (5, 9, 4, 9),
        ]
        for variant in KernelVariant.allCases where variant.isSupported {
            let kernels = KernelSet(variant)
            for (cout, k, pool, length) in shapes {
                let w = (0..<(cout * 4 * k)).map { _ in rng.symmetric() }
                let b = (0..<cout).map { _ in rng.symmetric() }
                let masks = TestModels.masks(count: length, seed: rng.next(), nRuns: 1)
                for (relu, subsample) in [(false, false), (true, false), (false, true), (true, true)] {
                    let stem = OneHotStem(weight: w, bias: b, channels: cout, kernel: k, relu: relu, pool: pool,
                                          subsample: subsample)
                    func poolRows(_ rows: [Float]) -> [Float] {
                        subsample ? ReferenceKernels.subsample1d(rows, channels: cout, size: pool)
                            : ReferenceKernels.maxPool1d(rows, channels: cout, size: pool)
                    }
                    for reverse in [false, true] {
                        var hot = [Float](repeating: 0, count: length * 4)
                        masks.withUnsafeBufferPointer { m in
                            hot.withUnsafeMutableBufferPointer { BaseEncoding.encode(m, reverseComplement: reverse, into: $0) }
                        }
                        let conv = ReferenceKernels.conv1d(hot, inChannels: 4, weight: w, bias: b, outChannels: cout,
                                                           kernelSize: k, fusedReLU: relu)
                        let expected = poolRows(conv)
                        // Every start offset of the pooling grid (phases), as the scorer uses them.
                        for first in 0..<min(pool + 1, length - k + 1) {
                            let outputs = stem.outputLength(length - first)
                            var out = [Float](repeating: .nan, count: max(1, outputs * stem.stride))
                            masks.withUnsafeBufferPointer { m in
                                (reverse ? stem.reverseTable : stem.forwardTable).withUnsafeBufferPointer { t in
                                    stem.bias.withUnsafeBufferPointer { bias in
                                        out.withUnsafeMutableBufferPointer { o in
                                            kernels.oneHotConv(OneHotConvProblem(
                                                masks: m.baseAddress! + (reverse ? length - 1 : 0),
                                                direction: reverse ? -1 : 1, first: first, outputs: outputs,
                                                kernel: k, pool: pool, channels: stem.stride, table: t.baseAddress!,
                                                bias: bias.baseAddress!, relu: relu, output: o.baseAddress!,
                                                taps: stem.taps))
                                        }
                                    }
                                }
                            }
                            // Reference pooled rows on this grid: pool the reference conv from `first`.
                            let shifted = Array(conv[(first * cout)...])
                            let pooled = first == 0 ? expected
                                : poolRows(shifted)
                            XCTAssertEqual(pooled.count, outputs * cout)
                            for u in 0..<outputs {
                                for o in 0..<cout {
                                    XCTAssertEqual(out[u * stem.stride + o], pooled[u * cout + o], accuracy: 2e-6,
                                                   "\(variant) cout \(cout) k \(k) pool \(pool) subsample \(subsample) reverse \(reverse) first \(first)")
                                }
                                for o in cout..<stem.stride { XCTAssertEqual(out[u * stem.stride + o], relu ? 0 : 0) }
                            }
                        }
                    }
                }
            }
        }
    }
}
