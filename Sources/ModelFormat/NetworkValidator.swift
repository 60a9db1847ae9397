/// Checks a parsed layer list as a network: channel counts chain, layer order, the final
/// dense(out 1) + sigmoid, tensors present with exactly the required shapes, and the minimum input
/// length against `min_length`.
enum NetworkValidator {
    /// Validates `metadata.layers` and their tensors; returns the network's minimum input length
    /// (bases), the smallest L for which every conv and pool leaves a length of at least 1.
    static func validate(
        _ metadata: ModelMetadata, entries: [String: TensorEntry], source: String
    ) throws(ModelError) -> Int {
        func fail(_ message: String, _ kind: ModelError.Kind = .layers) -> ModelError {
            ModelError(source: source, kind: kind, message: message)
        }
        try checkLimits(metadata, fail: fail)
        try checkChain(metadata.layers, fail: fail)

        var used = Set<String>()
        for (index, layer) in metadata.layers.enumerated() {
            guard let names = metadata.tensorNames[index], let weightShape = layer.weightShape,
                  let biasShape = layer.biasShape else { continue }
            let label = "layer \(index + 1) (\(layer.typeName))"
            for (name, needed) in [(names.weight, weightShape), (names.bias, biasShape)] {
                guard let entry = entries[name] else {
                    throw fail("\(label) references tensor \(ModelError.quoted(name)), which is not in the file",
                               .tensor)
                }
                guard entry.shape == needed else {
                    throw fail("tensor \(ModelError.quoted(name)) has shape \(ModelError.shapeText(entry.shape)), "
                               + "\(label) needs \(ModelError.shapeText(needed))", .tensor)
                }
                used.insert(name)
            }
        }
        if let unused = entries.keys.sorted().first(where: { !used.contains($0) }) {
            throw fail("tensor \(ModelError.quoted(unused)) is not used by any layer", .tensor)
        }

        let limit = ModelMetadata.lengthLimit
        guard let minimum = LayerSpec.minimumInputLength(metadata.layers, limit: limit) else {
            throw fail("the network's minimum input length exceeds the limit \(limit)")
        }
        guard metadata.minLength >= minimum else {
            throw fail("min_length \(metadata.minLength) is below the network's minimum input length \(minimum)",
                       .metadata)
        }
        return minimum
    }

    /// The caps of `ModelLimits` on every layer's size, the parameter count and the work per base and per
    /// window, checked before the tensors are even read.
    static func checkLimits(_ metadata: ModelMetadata, fail: (String, ModelError.Kind) -> ModelError) throws(ModelError) {
        let layers = metadata.layers
        if layers.count > ModelLimits.layers {
            throw fail("\(layers.count) layers exceed the limit of \(ModelLimits.layers)", .layers)
        }
        var parameters = 0
        for (index, layer) in layers.enumerated() {
            let label = "layer \(index + 1) (\(layer.typeName))"
            switch layer {
            case let .conv1d(i, o, k):
                if max(i, o) > ModelLimits.channels {
                    throw fail("\(label) has \(max(i, o)) channels, above the limit of \(ModelLimits.channels)", .layers)
                }
                if k > ModelLimits.kernel {
                    throw fail("\(label) has kernel \(k), above the limit of \(ModelLimits.kernel)", .layers)
                }
                parameters += o * i * k + o
            case let .maxPool1d(p), let .subsample1d(p):
                if p > ModelLimits.pool {
                    throw fail("\(label) has size \(p), above the limit of \(ModelLimits.pool)", .layers)
                }
            case let .dense(i, o):
                if max(i, o) > ModelLimits.denseUnits {
                    throw fail("\(label) has \(max(i, o)) units, above the limit of \(ModelLimits.denseUnits)", .layers)
                }
                parameters += o * i + o
            default:
                break
            }
        }
        if parameters > ModelLimits.parameters {
            throw fail("\(parameters) parameters exceed the limit of \(ModelLimits.parameters)", .layers)
        }
        let perBase = ModelLimits.workPerBase(layers)
        if perBase > Double(ModelLimits.workPerBase) {
            throw fail("the convolutions cost \(Int(perBase)) multiply-adds per base, above the limit of "
                + "\(ModelLimits.workPerBase)", .layers)
        }
        if perBase * Double(metadata.maxWindow) > Double(ModelLimits.workPerWindow) {
            throw fail("a window of max_window \(metadata.maxWindow) bases costs \(Int(perBase * Double(metadata.maxWindow))) "
                + "multiply-adds, above the limit of \(ModelLimits.workPerWindow) (lower max_window)", .metadata)
        }
    }

    /// Channel and order rules: conv `in` equals the incoming channels (4 for the one-hot input);
    /// conv/maxpool only before the single global_avg_pool; dense only after it with `in` equal to
    /// the pooled channels; sigmoid only last; the network ends with dense(out 1), sigmoid.
    static func checkChain(_ layers: [LayerSpec], fail: (String, ModelError.Kind) -> ModelError) throws(ModelError) {
        var channels = 4
        var pooled = false
        for (index, layer) in layers.enumerated() {
            let label = "layer \(index + 1) (\(layer.typeName))"
            let from = index == 0 ? "the one-hot input has 4 channels" : "the previous layers give \(channels)"
            switch layer {
            case let .conv1d(i, o, _):
                if pooled { throw fail("\(label) comes after global_avg_pool", .layers) }
                if i != channels { throw fail("\(label) has in \(i), but \(from)", .layers) }
                channels = o
            case .maxPool1d, .subsample1d:
                if pooled { throw fail("\(label) comes after global_avg_pool", .layers) }
            case .globalAveragePool:
                if pooled { throw fail("\(label) is a second global_avg_pool", .layers) }
                pooled = true
            case let .dense(i, o):
                if !pooled {
                    throw fail("\(label) comes before global_avg_pool (dense layers need exactly one "
                               + "global_avg_pool before them)", .layers)
                }
                if i != channels { throw fail("\(label) has in \(i), but the previous layers give \(channels)", .layers) }
                channels = o
            case .relu:
                break
            case .sigmoid:
                if index != layers.count - 1 { throw fail("\(label) must be the last layer", .layers) }
            }
        }
        guard layers.last == .sigmoid else {
            throw fail("the last layer must be sigmoid, not \(layers.last?.typeName ?? "nothing")", .layers)
        }
        guard layers.count >= 2, case let .dense(_, out) = layers[layers.count - 2], out == 1 else {
            throw fail("the layer before the final sigmoid must be dense with out 1", .layers)
        }
    }

}
