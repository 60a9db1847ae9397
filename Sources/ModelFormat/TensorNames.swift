/// Names of the safetensors tensors holding one parameterised layer's weight and bias
/// (the `"weight"` and `"bias"` fields of a conv1d or dense layer in the metadata).
public struct TensorNames: Sendable, Equatable, Hashable {
    /// Weight tensor name, e.g. `"conv1.weight"`.
    public let weight: String
    /// Bias tensor name, e.g. `"conv1.bias"`.
    public let bias: String

    public init(weight: String, bias: String) {
        self.weight = weight
        self.bias = bias
    }

    /// `"<prefix>.weight"` / `"<prefix>.bias"`, the PyTorch state_dict convention.
    public init(prefix: String) {
        self.init(weight: prefix + ".weight", bias: prefix + ".bias")
    }

    /// Default names for `layers`, parallel to it: conv layers `conv1`, `conv2`, ... and dense
    /// layers `fc1`, `fc2`, ... (counted separately, 1-based); nil for parameterless layers.
    public static func defaults(for layers: [LayerSpec]) -> [TensorNames?] {
        var convs = 0
        var denses = 0
        return layers.map { layer in
            switch layer {
            case .conv1d:
                convs += 1
                return TensorNames(prefix: "conv\(convs)")
            case .dense:
                denses += 1
                return TensorNames(prefix: "fc\(denses)")
            default:
                return nil
            }
        }
    }
}
