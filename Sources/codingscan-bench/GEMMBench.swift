import Inference

/// `codingscan-bench gemm`: one convolution layer as a GEMM, per kernel variant (development figures).
enum GEMMBench {
    static func run(variant: KernelVariant, inChannels: Int, outChannels: Int, kernel: Int, rows: Int) -> Double {
        variant.measureConvolutionGFLOPS(inChannels: inChannels, outChannels: outChannels, kernel: kernel, rows: rows)
    }
}
