/// A layer ready to run: its weights copied out of the file, and a ReLU that directly follows a
/// convolution fused into it. The one walk over a model's layer list that both forward passes (the
/// scalar `ReferenceNetwork` and the SIMD `FastNetwork`) run from: `Model.plan`.
public enum PlannedLayer: Sendable, Equatable {
    /// weight `[outChannels][inChannels][kernel]`, bias `[outChannels]`.
    case conv1d(inChannels: Int, outChannels: Int, kernel: Int, weight: [Float], bias: [Float], fusedReLU: Bool)
    case relu
    case maxPool1d(size: Int)
    case subsample1d(size: Int)
    case globalAveragePool
    /// weight `[outFeatures][inFeatures]`, bias `[outFeatures]`.
    case dense(inFeatures: Int, outFeatures: Int, weight: [Float], bias: [Float])
    case sigmoid

    /// Plans validated `layers` with their tensors (names parallel to layers).
    static func plan(
        _ layers: [LayerSpec], names: [TensorNames?], tensors: [String: (shape: [Int], values: [Float])]
    ) -> [PlannedLayer] {
        var plan: [PlannedLayer] = []
        var index = 0
        while index < layers.count {
            switch layers[index] {
            case let .conv1d(i, o, k):
                let n = names[index]!
                let fuse = index + 1 < layers.count && layers[index + 1] == .relu
                plan.append(.conv1d(inChannels: i, outChannels: o, kernel: k, weight: tensors[n.weight]!.values,
                                    bias: tensors[n.bias]!.values, fusedReLU: fuse))
                if fuse { index += 1 }
            case .relu:
                plan.append(.relu)
            case let .maxPool1d(size):
                plan.append(.maxPool1d(size: size))
            case let .subsample1d(size):
                plan.append(.subsample1d(size: size))
            case .globalAveragePool:
                plan.append(.globalAveragePool)
            case let .dense(i, o):
                let n = names[index]!
                plan.append(.dense(inFeatures: i, outFeatures: o, weight: tensors[n.weight]!.values,
                                   bias: tensors[n.bias]!.values))
            case .sigmoid:
                plan.append(.sigmoid)
            }
            index += 1
        }
        return plan
    }

    /// Largest channel / feature count any activation has (at least 4, the one-hot input).
    public static func maxChannels(_ layers: [LayerSpec]) -> Int {
        layers.reduce(4) { widest, layer in
            switch layer {
            case let .conv1d(_, o, _): return max(widest, o)
            case let .dense(_, o): return max(widest, o)
            default: return widest
            }
        }
    }
}

extension Model {
    /// The model's layers with their weights, ReLU fused into the convolution before it (see
    /// `PlannedLayer`). Computed on each call; callers keep the result.
    public var plan: [PlannedLayer] {
        PlannedLayer.plan(metadata.layers, names: metadata.tensorNames, tensors: tensors)
    }
}
