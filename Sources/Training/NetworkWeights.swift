/// The trainable state of the network: parameters plus batch-norm running statistics.
public struct NetworkWeights: Sendable, Equatable {
    /// The architecture these weights belong to.
    public let architecture: NetworkArchitecture
    /// Where each tensor lives in `parameters`.
    public let layout: ParameterLayout
    /// All trainable parameters (see `ParameterLayout`).
    public var parameters: [Float]
    /// Running mean of each block's conv output per channel, `[block][out]`.
    public var runningMean: [[Float]]
    /// Running (unbiased) variance of each block's conv output per channel, `[block][out]`.
    public var runningVariance: [[Float]]

    /// Batch-norm ε added to the variance.
    public static let batchNormEpsilon: Float = 1e-5
    /// Weight of the newest batch in the running statistics.
    public static let batchNormMomentum: Float = 0.05

    /// Fresh weights: He-normal conv and hidden dense weights (σ = √(2 / fan-in)), output weights
    /// σ = √(1 / hidden), γ = 1, β = 0, biases 0, running mean 0 and variance 1.
    public init(architecture: NetworkArchitecture, rng: inout Xoshiro256StarStar) {
        self.architecture = architecture
        layout = ParameterLayout(architecture)
        parameters = [Float](repeating: 0, count: layout.count)
        let shapes = architecture.blocks()
        for (index, shape) in shapes.enumerated() {
            let sigma = (2.0 / Double(shape.kernel * shape.inChannels)).squareRoot()
            for k in layout.convWeight[index] { parameters[k] = Float(rng.normal() * sigma) }
            for k in layout.gamma[index] { parameters[k] = 1 }
        }
        let hiddenSigma = (2.0 / Double(architecture.featureCount)).squareRoot()
        for k in layout.fc1Weight { parameters[k] = Float(rng.normal() * hiddenSigma) }
        let outputSigma = (1.0 / Double(architecture.hidden)).squareRoot()
        for k in layout.fc2Weight { parameters[k] = Float(rng.normal() * outputSigma) }
        runningMean = shapes.map { [Float](repeating: 0, count: $0.outChannels) }
        runningVariance = shapes.map { [Float](repeating: 1, count: $0.outChannels) }
    }

    /// Folds each block's running statistics into per-channel `scale = γ / √(var + ε)` and
    /// `shift = β − mean · scale`: the eval-mode batch norm is `y = x · scale + shift`.
    public func batchNormScaleShift() -> [(scale: [Float], shift: [Float])] {
        architecture.blocks().indices.map { block in
            let gamma = Array(parameters[layout.gamma[block]])
            let beta = Array(parameters[layout.beta[block]])
            var scale = [Float](repeating: 0, count: gamma.count)
            var shift = [Float](repeating: 0, count: gamma.count)
            for c in gamma.indices {
                scale[c] = gamma[c] / (runningVariance[block][c] + Self.batchNormEpsilon).squareRoot()
                shift[c] = beta[c] - runningMean[block][c] * scale[c]
            }
            return (scale, shift)
        }
    }

    /// Moves the running statistics towards a batch's: `running = (1 − m) · running + m · batch`,
    /// with the batch variance made unbiased (`· n / (n − 1)` for `n` values per channel).
    public mutating func updateRunningStatistics(block: Int, mean: [Float], variance: [Float], valuesPerChannel n: Int) {
        let m = Self.batchNormMomentum
        let correction = n > 1 ? Float(n) / Float(n - 1) : 1
        for c in mean.indices {
            runningMean[block][c] = (1 - m) * runningMean[block][c] + m * mean[c]
            runningVariance[block][c] = (1 - m) * runningVariance[block][c] + m * variance[c] * correction
        }
    }
}
