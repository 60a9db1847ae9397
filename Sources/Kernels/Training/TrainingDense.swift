/// Fast fully connected layer over a batch of feature vectors, and its gradients (GEMMs, see
/// `PanelGEMM`).
///
/// Inputs are batch-major `[batch][inFeatures]`, outputs `[batch][outFeatures]`. Weights appear in
/// PyTorch / model-file layout `[out][in]` or in GEMM layout `[in][out]` (element `i · out + o` is
/// `w[o][i]`); the trainer keeps GEMM layout and converts on export. A dense layer is a width-1
/// convolution over the batch, so these wrap the same GEMMs as `TrainingConv1d`.
public enum TrainingDense {
    /// PyTorch `[out][in]` → GEMM `[in][out]` (also the inverse, with the two counts swapped).
    public static func transpose(_ weight: [Float], rows: Int, columns: Int) -> [Float] {
        precondition(weight.count == rows * columns)
        var out = [Float](repeating: 0, count: weight.count)
        for r in 0..<rows {
            for c in 0..<columns { out[c * rows + r] = weight[r * columns + c] }
        }
        return out
    }

    /// Packed forward weights from GEMM-layout `[in][out]` weights.
    public static func packWeights(gemm weight: UnsafePointer<Float>, inFeatures: Int, outFeatures: Int) -> [Float] {
        TrainingConv1d.packWeights(gemm: weight, inChannels: inFeatures, outChannels: outFeatures, kernelSize: 1)
    }

    /// Packed weights for `inputGradient` (the `[out][in]` matrix) from GEMM-layout `[in][out]` weights.
    public static func packTransposedWeights(gemm weight: UnsafePointer<Float>, inFeatures: Int, outFeatures: Int) -> [Float] {
        TrainingConv1d.packTransposedWeights(gemm: weight, inChannels: inFeatures, outChannels: outFeatures, kernelSize: 1)
    }

    /// `out[b][o] = bias[o] + Σ_i w[o][i] · x[b][i]`.
    /// - Parameters:
    ///   - input: `[batch][inFeatures]`.
    ///   - packedWeight: from `packWeights`.
    ///   - bias: `[outFeatures]` or nil.
    ///   - output: `[batch][outFeatures]`, overwritten.
    public static func forward(
        input: UnsafePointer<Float>, batch: Int, inFeatures: Int,
        packedWeight: UnsafePointer<Float>, bias: UnsafePointer<Float>?, outFeatures: Int,
        output: UnsafeMutablePointer<Float>
    ) {
        PanelGEMM.multiply(a: input, rows: batch, rowStride: inFeatures, depth: inFeatures, packedB: packedWeight,
                          columns: outFeatures, bias: bias, c: output, ldc: outFeatures)
    }

    /// Adds the weight gradient `gradWeight[i][o] += Σ_b x[b][i] · gradOutput[b][o]` (GEMM layout).
    public static func accumulateWeightGradient(
        input: UnsafePointer<Float>, batch: Int, inFeatures: Int,
        gradOutput: UnsafePointer<Float>, outFeatures: Int, gradWeight: UnsafeMutablePointer<Float>
    ) {
        PanelGEMM.accumulateTransposedProduct(a: input, rows: batch, rowStride: inFeatures, depth: inFeatures,
                                             d: gradOutput, ldd: outFeatures, columns: outFeatures,
                                             c: gradWeight, ldc: outFeatures)
    }

    /// Adds the bias gradient `gradBias[o] += Σ_b gradOutput[b][o]`.
    public static func accumulateBiasGradient(
        gradOutput: UnsafePointer<Float>, batch: Int, outFeatures: Int, gradBias: UnsafeMutablePointer<Float>
    ) {
        TrainingConv1d.accumulateBiasGradient(gradOutput: gradOutput, outLength: batch, outChannels: outFeatures,
                                          gradBias: gradBias)
    }

    /// `gradInput[b][i] = Σ_o gradOutput[b][o] · w[o][i]`, overwritten; `gradInput` `[batch][inFeatures]`.
    public static func inputGradient(
        gradOutput: UnsafePointer<Float>, batch: Int, outFeatures: Int,
        packedTransposedWeight: UnsafePointer<Float>, inFeatures: Int, gradInput: UnsafeMutablePointer<Float>
    ) {
        PanelGEMM.multiply(a: gradOutput, rows: batch, rowStride: outFeatures, depth: outFeatures,
                          packedB: packedTransposedWeight, columns: inFeatures, bias: nil, c: gradInput,
                          ldc: inFeatures)
    }
}
