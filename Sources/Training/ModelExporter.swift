import Kernels
import ModelFormat

/// Turns trained weights into a model file (docs/model-format.md): batch norm is folded into the
/// preceding convolution with the running statistics,
/// `W'[o][i][j] = W[o][i][j] · γ_o / σ_o`, `b'_o = (b_o − μ_o) · γ_o / σ_o + β_o` with
/// `σ_o = √(var_o + ε)` (training convolutions have `b = 0`), so the file holds only conv1d, relu,
/// maxpool1d, global_avg_pool, dense and sigmoid layers and loads with `Model.load`.
public enum ModelExporter {
    /// The folded tensors in model-file (PyTorch) layouts, named `conv1…convN`, `fc1`, `fc2`
    /// (`.weight`, `.bias`): conv weight `[out][in][kernel]`, dense weight `[out][in]`.
    public static func tensors(_ weights: NetworkWeights) -> [String: (shape: [Int], values: [Float])] {
        let architecture = weights.architecture
        let layout = weights.layout
        let folded = weights.batchNormScaleShift()
        var tensors: [String: (shape: [Int], values: [Float])] = [:]
        for (block, shape) in architecture.blocks().enumerated() {
            let gemm = Array(weights.parameters[layout.convWeight[block]])
            var w = TrainingConv1d.pytorchLayout(gemm: gemm, inChannels: shape.inChannels, outChannels: shape.outChannels,
                                             kernelSize: shape.kernel)
            let perOut = shape.inChannels * shape.kernel
            for o in 0..<shape.outChannels {
                for k in 0..<perOut { w[o * perOut + k] *= folded[block].scale[o] }
            }
            let name = "conv\(block + 1)"
            tensors[name + ".weight"] = ([shape.outChannels, shape.inChannels, shape.kernel], w)
            tensors[name + ".bias"] = ([shape.outChannels], folded[block].shift)
        }
        let features = architecture.featureCount
        let hidden = architecture.hidden
        tensors["fc1.weight"] = ([hidden, features],
                                 TrainingDense.transpose(Array(weights.parameters[layout.fc1Weight]), rows: features,
                                                     columns: hidden))
        tensors["fc1.bias"] = ([hidden], Array(weights.parameters[layout.fc1Bias]))
        tensors["fc2.weight"] = ([1, hidden], Array(weights.parameters[layout.fc2Weight]))
        tensors["fc2.bias"] = ([1], Array(weights.parameters[layout.fc2Bias]))
        return tensors
    }

    /// Metadata for the exported network (`layerSpecs` of the architecture, default tensor names).
    public static func metadata(architecture: NetworkArchitecture, name: String, step: Int, smooth: Int = 0,
                                orfGate: Int = 0, minLength: Int, maxWindow: Int, provenance: JSONValue) -> ModelMetadata {
        ModelMetadata(name: name, window: architecture.window, step: step, smooth: smooth, orfGate: orfGate, minLength: minLength,
                      maxWindow: maxWindow, layers: architecture.layerSpecs, provenance: provenance)
    }

    /// The model file bytes (`Model.serialize`: deterministic for identical input).
    public static func serialize(_ weights: NetworkWeights, metadata: ModelMetadata) -> [UInt8] {
        Model.serialize(metadata: metadata, tensors: tensors(weights))
    }
}
