/// Fast VALID stride-1 1-D convolution and its gradients, as GEMMs over overlapping im2col rows
/// (see `PanelGEMM`), run by the `TrainingGEMM` build given (default: the baseline build).
///
/// Activations are position-major `[length][channels]`. Two weight layouts appear:
/// - PyTorch / model-file layout `[out][in][kernel]` (as in `ReferenceKernels.conv1d`);
/// - GEMM layout `[kernel][in][out]`: element `(j · in + i) · out + o` is `w[o][i][j]`, so row
///   `j · in + i` multiplies `x[t + j][i]`, the im2col element at depth `j · in + i`.
/// The trainer keeps its weights and weight gradients in GEMM layout and converts on export.
/// Forward and input-gradient products need the weights packed (`packWeights`,
/// `packTransposedWeights`), once per weight update.
public enum TrainingConv1d {

    // MARK: - Layouts and packing

    /// PyTorch `[out][in][kernel]` → GEMM `[kernel][in][out]`.
    public static func gemmLayout(pytorch weight: [Float], inChannels: Int, outChannels: Int, kernelSize: Int) -> [Float] {
        precondition(weight.count == outChannels * inChannels * kernelSize)
        var out = [Float](repeating: 0, count: weight.count)
        for o in 0..<outChannels {
            for i in 0..<inChannels {
                for j in 0..<kernelSize {
                    out[(j * inChannels + i) * outChannels + o] = weight[(o * inChannels + i) * kernelSize + j]
                }
            }
        }
        return out
    }

    /// GEMM `[kernel][in][out]` → PyTorch `[out][in][kernel]`.
    public static func pytorchLayout(gemm weight: [Float], inChannels: Int, outChannels: Int, kernelSize: Int) -> [Float] {
        precondition(weight.count == outChannels * inChannels * kernelSize)
        var out = [Float](repeating: 0, count: weight.count)
        for o in 0..<outChannels {
            for i in 0..<inChannels {
                for j in 0..<kernelSize {
                    out[(o * inChannels + i) * kernelSize + j] = weight[(j * inChannels + i) * outChannels + o]
                }
            }
        }
        return out
    }

    /// Packed forward weights (`PanelGEMM.pack` of the `[kernel · in][out]` matrix) from GEMM-layout
    /// weights `[kernel][in][out]`; `PanelGEMM.packedCount(depth: kernel · in, columns: out)` floats.
    public static func packWeights(gemm weight: UnsafePointer<Float>, inChannels: Int, outChannels: Int,
                                   kernelSize: Int) -> [Float] {
        let depth = kernelSize * inChannels
        var packed = [Float](repeating: 0, count: PanelGEMM.packedCount(depth: depth, columns: outChannels))
        packed.withUnsafeMutableBufferPointer { p in
            PanelGEMM.pack(depth: depth, columns: outChannels, into: p.baseAddress!) { r, o in weight[r * outChannels + o] }
        }
        return packed
    }

    /// Packed weights for `inputGradient`, from GEMM-layout weights `[kernel][in][out]`: the
    /// transposed `[out][kernel · in]` matrix `B[o][j · in + i] = w[o][i][j]`;
    /// `PanelGEMM.packedCount(depth: out, columns: kernel · in)` floats.
    public static func packTransposedWeights(gemm weight: UnsafePointer<Float>, inChannels: Int, outChannels: Int,
                                             kernelSize: Int) -> [Float] {
        let columns = kernelSize * inChannels
        var packed = [Float](repeating: 0, count: PanelGEMM.packedCount(depth: outChannels, columns: columns))
        packed.withUnsafeMutableBufferPointer { p in
            PanelGEMM.pack(depth: outChannels, columns: columns, into: p.baseAddress!) { o, r in
                weight[r * outChannels + o]
            }
        }
        return packed
    }

    // MARK: - Forward

    /// `out[t][o] = bias[o] + Σ_i Σ_j w[o][i][j] · x[t + j][i]` for `t < length − kernel + 1`.
    /// - Parameters:
    ///   - input: `[length][inChannels]`.
    ///   - packedWeight: from `packWeights`.
    ///   - bias: `[outChannels]`, or nil for none.
    ///   - output: `[length − kernelSize + 1][outChannels]`, overwritten.
    /// - Precondition: `length >= kernelSize`.
    public static func forward(
        input: UnsafePointer<Float>, length: Int, inChannels: Int,
        packedWeight: UnsafePointer<Float>, bias: UnsafePointer<Float>?, outChannels: Int, kernelSize: Int,
        output: UnsafeMutablePointer<Float>, gemm: TrainingGEMM = .baseline
    ) {
        precondition(length >= kernelSize, "conv1d input shorter than the kernel")
        gemm.multiply(input, length - kernelSize + 1, inChannels, kernelSize * inChannels, packedWeight, outChannels,
                      bias, output, outChannels)
    }

    // MARK: - Backward

    /// Adds this sample's weight gradient: `gradWeight[j][i][o] += Σ_t x[t + j][i] · gradOutput[t][o]`
    /// (GEMM layout `[kernel][in][out]`).
    /// - Parameters:
    ///   - input: the forward input `[length][inChannels]`.
    ///   - gradOutput: `[length − kernelSize + 1][outChannels]`.
    public static func accumulateWeightGradient(
        input: UnsafePointer<Float>, length: Int, inChannels: Int,
        gradOutput: UnsafePointer<Float>, outChannels: Int, kernelSize: Int,
        gradWeight: UnsafeMutablePointer<Float>, gemm: TrainingGEMM = .baseline
    ) {
        gemm.accumulateTransposedProduct(input, length - kernelSize + 1, inChannels, kernelSize * inChannels,
                                         gradOutput, outChannels, outChannels, gradWeight, outChannels)
    }

    /// Adds the bias gradient: `gradBias[o] += Σ_t gradOutput[t][o]`, `gradOutput` `[outLength][outChannels]`.
    public static func accumulateBiasGradient(
        gradOutput: UnsafePointer<Float>, outLength: Int, outChannels: Int, gradBias: UnsafeMutablePointer<Float>
    ) {
        for t in 0..<outLength {
            let row = gradOutput + t * outChannels
            for o in 0..<outChannels { gradBias[o] = gradBias[o] + row[o] }
        }
    }

    /// Floats of scratch `inputGradient` needs: `outLength · kernelSize · inChannels`.
    @inlinable
    public static func inputGradientScratchCount(outLength: Int, inChannels: Int, kernelSize: Int) -> Int {
        outLength * kernelSize * inChannels
    }

    /// The input gradient `gradInput[s][i] = Σ_j Σ_o gradOutput[s − j][o] · w[o][i][j]` (terms with
    /// `s − j` outside `0 ..< outLength` are 0): the im2col-row gradients
    /// `cols[t] = gradOutput[t] · Wᵀ` (a GEMM, `[outLength][kernel · in]`), then each row added onto the
    /// overlapping input rows `gradInput[t ..< t + kernel]`, which are contiguous.
    /// - Parameters:
    ///   - gradOutput: `[outLength][outChannels]`.
    ///   - packedTransposedWeight: from `packTransposedWeights`.
    ///   - scratch: `inputGradientScratchCount(...)` floats, contents ignored.
    ///   - gradInput: `[outLength + kernelSize − 1][inChannels]`, overwritten.
    public static func inputGradient(
        gradOutput: UnsafePointer<Float>, outLength: Int, outChannels: Int,
        packedTransposedWeight: UnsafePointer<Float>, inChannels: Int, kernelSize: Int,
        scratch: UnsafeMutablePointer<Float>, gradInput: UnsafeMutablePointer<Float>, gemm: TrainingGEMM = .baseline
    ) {
        let row = kernelSize * inChannels
        gemm.multiply(gradOutput, outLength, outChannels, outChannels, packedTransposedWeight, row, nil, scratch, row)
        gradInput.update(repeating: 0, count: (outLength + kernelSize - 1) * inChannels)
        for t in 0..<outLength {
            let destination = gradInput + t * inChannels
            let source = scratch + t * row
            for r in 0..<row { destination[r] = destination[r] + source[r] }
        }
    }
}
