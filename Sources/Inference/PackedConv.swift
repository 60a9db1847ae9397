import Kernels

/// A convolution after the first, packed for `TileGEMM` in the layout of one kernel variant.
///
/// Activations are position-major with padded channels: `[length][inStride]` in, `[length − kernel
/// + 1][outStride]` out. The GEMM depth index is `j · inStride + i` (tap-major, as `TrainingConv1d`'s
/// GEMM layout), so row `t` of the overlapping-rows operand is `x[t · inStride ..< (t + kernel) ·
/// inStride]`; padded input channels get zero weights.
struct PackedConv: Sendable {
    let inChannels: Int
    let outChannels: Int
    let inStride: Int
    let outStride: Int
    let kernel: Int
    /// ReLU fused on the output.
    let relu: Bool
    /// `TileGEMM.pack` of `B[j · inStride + i][o] = w[o][i][j]` (0 in the padding).
    let packed: [Float]
    /// `[outStride]`.
    let bias: [Float]
    /// The same convolution in 8 bits, run instead under `--precision int8` (nil: floats).
    var int8: Int8Conv?

    /// `kernel · inStride`.
    var depth: Int { kernel * inStride }

    /// - Parameters:
    ///   - weight: `[outChannels][inChannels][kernel]` (model-file layout); `bias`: `[outChannels]`.
    init(weight: [Float], bias: [Float], inChannels: Int, outChannels: Int, kernel: Int, relu: Bool,
         kernels: KernelSet) {
        self.inChannels = inChannels
        self.outChannels = outChannels
        self.kernel = kernel
        self.relu = relu
        let inStride = KernelSet.padded(inChannels)
        let outStride = KernelSet.padded(outChannels)
        self.inStride = inStride
        self.outStride = outStride
        packed = TileGEMM.pack(depth: kernel * inStride, columns: outStride, vectorWidth: kernels.vectorWidth,
                               maxVectors: kernels.maxVectors) { r, o in
            let (j, i) = (r / inStride, r % inStride)
            return i < inChannels && o < outChannels ? weight[(o * inChannels + i) * kernel + j] : 0
        }
        self.bias = bias + [Float](repeating: 0, count: outStride - outChannels)
    }

    /// Multiply-adds of the model's own layer per output position (`kernel · in · out`).
    var nominalMultiplyAdds: Int { kernel * inChannels * outChannels }
    /// Multiply-adds the kernel executes per output position, padding included.
    var executedMultiplyAdds: Int { depth * outStride }
}
