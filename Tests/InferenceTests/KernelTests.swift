import Kernels
import XCTest
@testable import Inference

/// Every fast kernel variant the CPU supports against `ReferenceKernels`, on random shapes with tails
/// (rows not a multiple of the 6-row tile, channels not multiples of the vector width, row lists).
final class KernelTests: XCTestCase {
    /// The variants this CPU can run, with their GEMM, one-hot convolution, vector width and tile policy.
    private var variants: [(KernelVariant, KernelSet)] {
        KernelVariant.allCases.filter(\.isSupported).map { ($0, KernelSet($0)) }
    }

    private func assertClose(_ actual: Float, _ expected: Float, scale: Float, _ message: @autoclosure () -> String) {
        XCTAssertLessThanOrEqual(abs(actual - expected), 2e-6 * max(1, scale), message())
    }

    func testThisMachineHasEveryVariant() {
        // Not a requirement of the code: it tells the reader which variants the tests below covered.
        print("kernel variants tested on this CPU: \(variants.map(\.0.rawValue))")
        XCTAssertTrue(KernelVariant.portable.isSupported)
        XCTAssertTrue(KernelVariant.best.isSupported)
        XCTAssertEqual(KernelVariant.choose(requested: .portable), .portable)
    }

    /// conv (+ReLU) as TileGEMM, dense and with a row list, against `ReferenceKernels.conv1d`.
    func testTileGEMMConvolutionMatchesReference() {
        var rng = TestModels.Random(state: 7)
        let shapes: [(cin: Int, cout: Int, k: Int, length: Int)] = [
            (32, 64, 9, 47), (64, 64, 9, 30), (1, 1, 1, 1), (3, 5, 2, 7), (4, 13, 5, 14), (7, 16, 3, 10),
            (5, 17, 4, 9), (8, 33, 9, 21), (2, 8, 1, 6), (6, 3, 6, 6), (16, 48, 3, 13), (40, 80, 2, 8),
            (17, 130, 3, 19),
        ]
        for (variant, kernels) in variants {
            for (cin, cout, k, length) in shapes {
                let w = (0..<(cout * cin * k)).map { _ in rng.symmetric() }
                let b = (0..<cout).map { _ in rng.symmetric() }
                let x = (0..<(length * cin)).map { _ in rng.symmetric() }
                for relu in [false, true] {
                    let expected = ReferenceKernels.conv1d(x, inChannels: cin, weight: w, bias: b, outChannels: cout,
                                                           kernelSize: k, fusedReLU: relu)
                    let conv = PackedConv(weight: w, bias: b, inChannels: cin, outChannels: cout, kernel: k,
                                          relu: relu, kernels: kernels)
                    var padded = [Float](repeating: 0, count: length * conv.inStride)
                    for t in 0..<length { for i in 0..<cin { padded[t * conv.inStride + i] = x[t * cin + i] } }
                    let rows = length - k + 1
                    // Dense rows, then every other row in reverse order through a row list.
                    let list: [Int32] = stride(from: rows - 1, through: 0, by: -2).map { Int32($0) }
                    for rowIndex in [nil, list] {
                        let count = rowIndex?.count ?? rows
                        var out = [Float](repeating: .nan, count: count * conv.outStride)
                        padded.withUnsafeBufferPointer { a in
                            conv.packed.withUnsafeBufferPointer { p in
                                conv.bias.withUnsafeBufferPointer { bias in
                                    out.withUnsafeMutableBufferPointer { c in
                                        let output = c.baseAddress!
                                        let run = { (index: UnsafePointer<Int32>?) in
                                            kernels.gemm(GEMMProblem(
                                                a: a.baseAddress!, rowStride: conv.inStride, rowIndex: index,
                                                rows: count, depth: conv.depth, packed: p.baseAddress!,
                                                bias: bias.baseAddress!, columns: conv.outStride,
                                                c: output, ldc: conv.outStride, relu: relu))
                                        }
                                        if let rowIndex {
                                            rowIndex.withUnsafeBufferPointer { run($0.baseAddress!) }
                                        } else {
                                            run(nil)
                                        }
                                    }
                                }
                            }
                        }
                        for n in 0..<count {
                            let t = rowIndex.map { Int($0[n]) } ?? n
                            for o in 0..<conv.outStride {
                                let value = out[n * conv.outStride + o]
                                if o >= cout { XCTAssertEqual(value, 0); continue }
                                assertClose(value, expected[t * cout + o], scale: Float(cin * k).squareRoot(),
                                            "\(variant) \(cin)x\(cout) k\(k) L\(length) relu \(relu) row \(t) ch \(o)")
                            }
                        }
                    }
                }
            }
        }
    }
}
