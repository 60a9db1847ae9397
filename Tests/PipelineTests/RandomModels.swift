import ModelFormat

/// Models with random, fixed weights for the scan tests.
enum RandomModels {
    /// A random network of `layers` (fixed seed), saved and loaded as a model.
    static func make(_ name: String, _ layers: [LayerSpec], window: Int, minLength: Int, seed: UInt64) throws -> Model {
        var state = seed
        func random() -> Float {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Float(Int64(bitPattern: state) >> 40) / Float(1 << 23)
        }
        var tensors: [String: (shape: [Int], values: [Float])] = [:]
        for (layer, names) in zip(layers, TensorNames.defaults(for: layers)) {
            guard let names, let shape = layer.weightShape, let bias = layer.biasShape else { continue }
            let scale = (3 / Float(shape.dropFirst().reduce(1, *))).squareRoot() * 1.5
            tensors[names.weight] = (shape, (0..<shape.reduce(1, *)).map { _ in random() * scale })
            tensors[names.bias] = (bias, (0..<bias[0]).map { _ in random() * 0.3 })
        }
        let metadata = ModelMetadata(name: name, window: window, step: 30, minLength: minLength, maxWindow: 100_000,
                                     layers: layers)
        return try Model.load(bytes: Model.serialize(metadata: metadata, tensors: tensors), source: name)
    }
}
