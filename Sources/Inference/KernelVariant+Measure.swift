import Kernels
import GenomeCore

extension KernelVariant {
    /// GFLOP/s of this variant's tight multiply-add loop (`FMAPeak`) on the calling thread, timed over
    /// at least `seconds`: the peak the benchmark compares the kernels with.
    /// - Precondition: `isSupported`.
    public func measurePeakGFLOPS(seconds: Double = 0.5) -> Double {
        let kernels = KernelSet(self)
        var iterations = 1 << 16
        while true {
            let start = MonotonicTime.now()
            let sink = kernels.peak(iterations, 1)
            let elapsed = MonotonicTime.now() - start
            if elapsed >= seconds || sink.isNaN {
                return FMAPeak.flops(iterations: iterations, vectorWidth: kernels.vectorWidth) / elapsed / 1e9
            }
            iterations *= elapsed > seconds / 8 ? 2 : 8
        }
    }

    /// GFLOP/s of one convolution (`inChannels → outChannels`, `kernel` taps) as this variant's GEMM
    /// over `rows` output positions, random weights and inputs, best of a few runs on the calling thread.
    /// - Precondition: `isSupported`.
    public func measureConvolutionGFLOPS(inChannels: Int, outChannels: Int, kernel: Int, rows: Int) -> Double {
        let kernels = KernelSet(self)
        let values = Self.randomValues(outChannels * inChannels * kernel + outChannels + (rows + kernel) * KernelSet.padded(inChannels))
        let weight = Array(values.prefix(outChannels * inChannels * kernel))
        let bias = Array(values.dropFirst(weight.count).prefix(outChannels))
        let conv = PackedConv(weight: weight, bias: bias, inChannels: inChannels, outChannels: outChannels,
                              kernel: kernel, relu: true, kernels: kernels)
        let input = Array(values.dropFirst(weight.count + bias.count))
        var output = [Float](repeating: 0, count: rows * conv.outStride)
        let best = Self.fastest {
            input.withUnsafeBufferPointer { a in
                conv.packed.withUnsafeBufferPointer { p in
                    conv.bias.withUnsafeBufferPointer { b in
                        output.withUnsafeMutableBufferPointer { c in
                            kernels.gemm(GEMMProblem(a: a.baseAddress!, rowStride: conv.inStride, rowIndex: nil,
                                                     rows: rows, depth: conv.depth, packed: p.baseAddress!,
                                                     bias: b.baseAddress!, columns: conv.outStride,
                                                     c: c.baseAddress!, ldc: conv.outStride, relu: true))
                        }
                    }
                }
            }
        }
        return 2 * Double(rows * conv.executedMultiplyAdds) / best / 1e9
    }
}

extension KernelVariant {
    /// Giga-operations per second (2 per multiply-add, as GFLOP/s) of one convolution as this variant's
    /// 8-bit GEMM (`--precision int8`) over `rows` output positions, random bytes, best of a few runs on
    /// the calling thread.
    /// - Precondition: `isSupported`.
    public func measureInt8ConvolutionGOPS(inChannels: Int, outChannels: Int, kernel: Int, rows: Int) -> Double {
        let kernels = KernelSet(self)
        let values = Self.randomValues(outChannels * inChannels * kernel + outChannels + (rows + kernel) * KernelSet.padded(inChannels))
        let weight = Array(values.prefix(outChannels * inChannels * kernel))
        let bias = Array(values.dropFirst(weight.count).prefix(outChannels))
        let conv = Int8Conv(weight: weight, bias: bias, inChannels: inChannels, outChannels: outChannels, kernel: kernel,
                            inputBound: [Float](repeating: 1, count: inChannels))
        let input = values.dropFirst(weight.count + bias.count).map { UInt8(truncatingIfNeeded: Int($0 * 512)) }
        var output = [Float](repeating: 0, count: rows * conv.outStride)
        let best = Self.fastest {
            input.withUnsafeBufferPointer { a in
                conv.packed.withUnsafeBufferPointer { p in
                    conv.scale.withUnsafeBufferPointer { s in
                        conv.bias.withUnsafeBufferPointer { b in
                            output.withUnsafeMutableBufferPointer { c in
                                kernels.int8GEMM(Int8GEMMProblem(
                                    a: a.baseAddress!, rowStride: conv.inStride, rowIndex: nil, rows: rows,
                                    depth: conv.depth, packed: p.baseAddress!, scale: s.baseAddress!,
                                    bias: b.baseAddress!, columns: conv.outStride, c: c.baseAddress!,
                                    ldc: conv.outStride, relu: true))
                            }
                        }
                    }
                }
            }
        }
        return 2 * Double(rows * conv.depth * conv.outStride) / best / 1e9
    }

    /// The shortest of 5 timed runs of `body`, in seconds.
    private static func fastest(_ body: () -> Void) -> Double {
        (0..<5).map { _ in
            let start = MonotonicTime.now()
            body()
            return MonotonicTime.now() - start
        }.min()!
    }

    /// `count` values in [−0.5, 0.5) from a fixed linear congruential generator.
    private static func randomValues(_ count: Int) -> [Float] {
        var state: UInt32 = 1
        return (0..<count).map { _ in
            state = state &* 1_664_525 &+ 1_013_904_223
            return Float(state >> 8) / Float(1 << 24) - 0.5
        }
    }
}
