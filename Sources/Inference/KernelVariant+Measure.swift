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
        var state: UInt32 = 1
        func random() -> Float {
            state = state &* 1_664_525 &+ 1_013_904_223
            return Float(state >> 8) / Float(1 << 24) - 0.5
        }
        let weight = (0..<(outChannels * inChannels * kernel)).map { _ in random() }
        let bias = (0..<outChannels).map { _ in random() }
        let conv = PackedConv(weight: weight, bias: bias, inChannels: inChannels, outChannels: outChannels,
                              kernel: kernel, relu: true, kernels: kernels)
        let input = (0..<((rows + kernel) * conv.inStride)).map { _ in random() }
        var output = [Float](repeating: 0, count: rows * conv.outStride)
        var best = Double.infinity
        for _ in 0..<5 {
            let start = MonotonicTime.now()
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
            best = min(best, MonotonicTime.now() - start)
        }
        return 2 * Double(rows * conv.executedMultiplyAdds) / best / 1e9
    }
}
