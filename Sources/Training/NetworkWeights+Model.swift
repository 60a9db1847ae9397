import Kernels
import ModelFormat

/// Weights that start from a trained model file instead of random values (`train --initial-model`,
/// `--adapt`'s fine-tuning).
extension NetworkArchitecture {
    /// The architecture of a model file whose layers are what `layerSpecs` exports (per block
    /// `conv1d, relu[, maxpool1d or subsample1d]`, then `global_avg_pool, dense, relu, dense(1),
    /// sigmoid`), with the model's window; nil for any other network.
    public init?(model: Model) {
        var layers = model.metadata.layers[...]
        var channels: [Int] = [], kernels: [Int] = [], pools: [Int] = [], kinds: [PoolKind] = []
        var inChannels = 4
        while case let .conv1d(i, o, k)? = layers.first, i == inChannels {
            layers = layers.dropFirst()
            guard layers.first == .relu else { return nil }
            layers = layers.dropFirst()
            switch layers.first {
            case let .maxPool1d(size)?: pools.append(size); kinds.append(.max); layers = layers.dropFirst()
            case let .subsample1d(size)?: pools.append(size); kinds.append(.subsample); layers = layers.dropFirst()
            default: pools.append(1); kinds.append(.max)
            }
            channels.append(o)
            kernels.append(k)
            inChannels = o
        }
        guard case let .dense(features, hidden)? = layers.dropFirst().first, features == inChannels else { return nil }
        self.init(window: model.metadata.window, channels: channels, kernels: kernels, pools: pools, poolKinds: kinds,
                  hidden: hidden)
        guard layerSpecs == model.metadata.layers else { return nil }
    }
}

extension NetworkWeights {
    /// The model's weights with batch norm as the identity in eval mode: conv weights as folded in the
    /// file, γ = 1, β = the conv bias, running mean 0 and variance 1 − ε, so that the eval-mode network
    /// equals the file's. Training mode normalises with batch statistics instead; `calibrated` makes
    /// the two agree. Nil when the model's layers are not an architecture the trainer builds.
    public init?(model: Model) {
        guard let architecture = NetworkArchitecture(model: model) else { return nil }
        var rng = Xoshiro256StarStar(seed: 0)
        self.init(architecture: architecture, rng: &rng)
        for (block, shape) in architecture.blocks().enumerated() {
            guard let weight = model.tensors["conv\(block + 1).weight"]?.values,
                  let bias = model.tensors["conv\(block + 1).bias"]?.values else { return nil }
            // File layout [out][in][kernel] → GEMM layout [kernel][in][out].
            let gemm = TrainingConv1d.gemmLayout(pytorch: weight, inChannels: shape.inChannels,
                                                 outChannels: shape.outChannels, kernelSize: shape.kernel)
            parameters.replaceSubrange(layout.convWeight[block], with: gemm)
            parameters.replaceSubrange(layout.beta[block], with: bias)
            runningVariance[block] = [Float](repeating: 1 - Self.batchNormEpsilon, count: shape.outChannels)
        }
        guard let fc1 = model.tensors["fc1.weight"]?.values, let fc1Bias = model.tensors["fc1.bias"]?.values,
              let fc2 = model.tensors["fc2.weight"]?.values, let fc2Bias = model.tensors["fc2.bias"]?.values else {
            return nil
        }
        parameters.replaceSubrange(layout.fc1Weight,
                                   with: TrainingDense.transpose(fc1, rows: architecture.hidden, columns: architecture.featureCount))
        parameters.replaceSubrange(layout.fc1Bias, with: fc1Bias)
        parameters.replaceSubrange(layout.fc2Weight, with: fc2)
        parameters.replaceSubrange(layout.fc2Bias, with: fc2Bias)
    }

    /// The same eval-mode network with batch norm re-expressed around the statistics of each block's
    /// convolution output (`mean`, `variance`, `[block][channel]`, measured in eval mode on training
    /// windows): γ = √(var + ε), β = mean + β₀, running statistics = them. Eval mode is unchanged
    /// (`γ (z − mean) / √(var + ε) + β = z + β₀`), and training mode, which normalises with a mini-batch's
    /// own statistics, now starts from about the same network.
    /// - Precondition: eval-mode identity batch norm (as `init(model:)` makes).
    func calibrated(mean: [[Float]], variance: [[Float]]) -> NetworkWeights {
        var weights = self
        for block in architecture.blocks().indices {
            for c in mean[block].indices {
                let g = layout.gamma[block].lowerBound + c, b = layout.beta[block].lowerBound + c
                weights.parameters[g] = (variance[block][c] + Self.batchNormEpsilon).squareRoot()
                weights.parameters[b] += mean[block][c]
            }
            weights.runningMean[block] = mean[block]
            weights.runningVariance[block] = variance[block]
        }
        return weights
    }
}
