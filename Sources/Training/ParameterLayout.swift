/// Where each trainable tensor lives in the flat parameter (and gradient) vector.
///
/// Order: per block the conv weight, batch-norm γ and β; then fc1 weight and bias, fc2 weight and
/// bias. Convolutions have no bias in training (batch norm's β replaces it). Weights are in GEMM
/// layout (see `TrainingConv1d`, `TrainingDense`): conv `[kernel][in][out]`, dense `[in][out]`.
public struct ParameterLayout: Sendable, Equatable {
    /// Conv weight of each block, `[kernel][in][out]`.
    public let convWeight: [Range<Int>]
    /// Batch-norm scale γ of each block, `[out]`.
    public let gamma: [Range<Int>]
    /// Batch-norm shift β of each block, `[out]`.
    public let beta: [Range<Int>]
    /// Hidden dense weight `[features][hidden]`.
    public let fc1Weight: Range<Int>
    /// Hidden dense bias `[hidden]`.
    public let fc1Bias: Range<Int>
    /// Output dense weight `[hidden][1]`.
    public let fc2Weight: Range<Int>
    /// Output dense bias `[1]`.
    public let fc2Bias: Range<Int>
    /// Total number of parameters.
    public let count: Int

    public init(_ architecture: NetworkArchitecture) {
        var offset = 0
        func take(_ n: Int) -> Range<Int> {
            defer { offset += n }
            return offset..<(offset + n)
        }
        var conv: [Range<Int>] = []
        var gamma: [Range<Int>] = []
        var beta: [Range<Int>] = []
        for shape in architecture.blocks() {
            conv.append(take(shape.kernel * shape.inChannels * shape.outChannels))
            gamma.append(take(shape.outChannels))
            beta.append(take(shape.outChannels))
        }
        convWeight = conv
        self.gamma = gamma
        self.beta = beta
        fc1Weight = take(architecture.featureCount * architecture.hidden)
        fc1Bias = take(architecture.hidden)
        fc2Weight = take(architecture.hidden)
        fc2Bias = take(1)
        count = offset
    }

    /// The ranges that get weight decay: conv and dense weights (not biases, not γ/β).
    public var decayed: [Range<Int>] {
        convWeight + [fc1Weight, fc2Weight]
    }
}
