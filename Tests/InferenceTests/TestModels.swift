import Inference
import ModelFormat

/// Random models and sequences for the fast-path tests (deterministic).
enum TestModels {
    /// SplitMix64: a small deterministic generator.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        /// Uniform in [-1, 1).
        mutating func symmetric() -> Float { Float(next() >> 40) / Float(1 << 23) - 1 }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    /// Named layer stacks covering the shapes the fast path distinguishes: pools in the stem and
    /// later, a sparse single-convolution tail, a dense two-convolution tail, no pooling at all,
    /// no convolution after the stem, stand-alone ReLUs, channel counts that are not multiples of 16.
    static let architectures: [(name: String, layers: [LayerSpec])] = [
        ("default", [.conv1d(in: 4, out: 32, kernel: 9), .relu, .maxPool1d(size: 3),
                     .conv1d(in: 32, out: 64, kernel: 9), .relu, .maxPool1d(size: 3),
                     .conv1d(in: 64, out: 64, kernel: 9), .relu, .globalAveragePool,
                     .dense(in: 64, out: 32), .relu, .dense(in: 32, out: 1), .sigmoid]),
        ("tiny", [.conv1d(in: 4, out: 6, kernel: 5), .relu, .maxPool1d(size: 2),
                  .conv1d(in: 6, out: 8, kernel: 3), .relu, .globalAveragePool,
                  .dense(in: 8, out: 4), .relu, .dense(in: 4, out: 1), .sigmoid]),
        ("dense-tail", [.conv1d(in: 4, out: 5, kernel: 3), .maxPool1d(size: 2), .relu,
                        .conv1d(in: 5, out: 7, kernel: 4), .maxPool1d(size: 3),
                        .conv1d(in: 7, out: 3, kernel: 2), .relu, .conv1d(in: 3, out: 9, kernel: 3), .relu,
                        .maxPool1d(size: 1), .globalAveragePool, .dense(in: 9, out: 1), .sigmoid]),
        ("no-pool", [.conv1d(in: 4, out: 17, kernel: 7), .relu, .conv1d(in: 17, out: 20, kernel: 5),
                     .globalAveragePool, .dense(in: 20, out: 1), .sigmoid]),
        ("stem-only", [.conv1d(in: 4, out: 16, kernel: 5), .relu, .maxPool1d(size: 2), .globalAveragePool,
                       .dense(in: 16, out: 3), .relu, .dense(in: 3, out: 1), .sigmoid]),
        ("relu-before-tail", [.conv1d(in: 4, out: 8, kernel: 3), .maxPool1d(size: 2), .relu,
                              .conv1d(in: 8, out: 33, kernel: 3), .globalAveragePool,
                              .dense(in: 33, out: 2), .relu, .dense(in: 2, out: 1), .sigmoid]),
        ("frame-aware", [.conv1d(in: 4, out: 32, kernel: 9), .relu, .subsample1d(size: 3),
                         .conv1d(in: 32, out: 64, kernel: 9), .relu, .maxPool1d(size: 3),
                         .conv1d(in: 64, out: 64, kernel: 9), .relu, .globalAveragePool,
                         .dense(in: 64, out: 32), .relu, .dense(in: 32, out: 1), .sigmoid]),
        ("subsample-later", [.conv1d(in: 4, out: 5, kernel: 3), .maxPool1d(size: 2), .relu,
                             .conv1d(in: 5, out: 7, kernel: 4), .subsample1d(size: 3),
                             .conv1d(in: 7, out: 9, kernel: 3), .relu, .globalAveragePool,
                             .dense(in: 9, out: 1), .sigmoid]),
        ("wide", [.conv1d(in: 4, out: 48, kernel: 4), .relu, .maxPool1d(size: 2),
                  .conv1d(in: 48, out: 80, kernel: 3), .relu, .maxPool1d(size: 2),
                  .conv1d(in: 80, out: 24, kernel: 5), .relu, .globalAveragePool,
                  .dense(in: 24, out: 1), .sigmoid]),
    ]

    /// The network's minimum input length (as `Model.minimumInputLength`).
    static func minimumLength(_ layers: [LayerSpec]) -> Int {
        var length = 1
        for layer in layers.prefix(while: { $0 != .globalAveragePool }).reversed() {
            switch layer {
            case let .conv1d(_, _, k): length += k - 1
            case let .maxPool1d(size), let .subsample1d(size): length *= size
            default: break
            }
        }
        return length
    }

    /// A model of `layers` with random weights (uniform, scaled by fan-in), window `window`.
    static func model(_ layers: [LayerSpec], window: Int, seed: UInt64) throws -> Model {
        var rng = Random(state: seed)
        let names = TensorNames.defaults(for: layers)
        var tensors: [String: (shape: [Int], values: [Float])] = [:]
        for (layer, name) in zip(layers, names) {
            guard let name, let shape = layer.weightShape, let bias = layer.biasShape else { continue }
            let fanIn = shape.dropFirst().reduce(1, *)
            let scale = (3 / Float(fanIn)).squareRoot() * 1.5
            tensors[name.weight] = (shape, (0..<shape.reduce(1, *)).map { _ in rng.symmetric() * scale })
            tensors[name.bias] = (bias, (0..<bias[0]).map { _ in rng.symmetric() * 0.3 })
        }
        let minimum = minimumLength(layers)
        let metadata = ModelMetadata(name: "random", window: max(window, minimum), step: 1, minLength: minimum,
                                     maxWindow: 100_000, layers: layers)
        return try Model.load(bytes: Model.serialize(metadata: metadata, tensors: tensors), source: "random")
    }

    /// Random IUPAC masks: mostly A/C/G/T, a sprinkle of ambiguity codes, and runs of N.
    static func masks(count: Int, seed: UInt64, nRuns: Int = 3) -> [UInt8] {
        var rng = Random(state: seed)
        let iupac: [UInt8] = [5, 10, 6, 9, 12, 3, 14, 13, 11, 7, 15]
        var masks = (0..<count).map { _ -> UInt8 in
            rng.below(40) == 0 ? iupac[rng.below(iupac.count)] : UInt8(1 << rng.below(4))
        }
        for _ in 0..<nRuns where count > 10 {
            let start = rng.below(count)
            for i in start..<min(count, start + 20 + rng.below(200)) { masks[i] = 15 }
        }
        return masks
    }

    /// Scores windows `starts` (length `w`) of `masks` with `engine`, as one span.
    static func score(_ engine: InferenceEngine, _ masks: [UInt8], window w: Int, starts: [Int],
                      plus: Bool = true, minus: Bool = true) -> [WindowScore] {
        let scorer = engine.makeScorer()
        var results = [WindowScore](repeating: WindowScore(scored: false, plus: nil, minus: nil), count: starts.count)
        masks.withUnsafeBufferPointer { m in
            starts.withUnsafeBufferPointer { s in
                results.withUnsafeMutableBufferPointer {
                    scorer.score(masks: m, windowLength: w, starts: s, plus: plus, minus: minus, results: $0)
                }
            }
        }
        return results
    }
}
