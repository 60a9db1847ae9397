/// Sizes of one convolution block (`conv1d → batch norm → ReLU → pool`) for a given window.
/// Lengths are positions (bases at the input), activations `[length][channels]` per sample.
public struct BlockShape: Sendable, Equatable {
    /// Positions entering the block.
    public let inLength: Int
    /// Channels entering the block (4 for the one-hot input).
    public let inChannels: Int
    /// Convolution kernel width.
    public let kernel: Int
    /// Positions after the VALID convolution: `inLength − kernel + 1`.
    public let convLength: Int
    /// Channels after the convolution.
    public let outChannels: Int
    /// Pool size (1 = no pooling).
    public let pool: Int
    /// How the pool combines each group of `pool` positions.
    public let poolKind: PoolKind
    /// Positions leaving the block: `convLength / pool`.
    public let outLength: Int

    public init(inLength: Int, inChannels: Int, kernel: Int, outChannels: Int, pool: Int,
                poolKind: PoolKind = .max) {
        self.inLength = inLength
        self.inChannels = inChannels
        self.kernel = kernel
        self.convLength = inLength - kernel + 1
        self.outChannels = outChannels
        self.pool = pool
        self.poolKind = poolKind
        self.outLength = (inLength - kernel + 1) / pool
    }

    /// Multiply-adds of the convolution per sample: `convLength · kernel · inChannels · outChannels`.
    public var convMultiplyAdds: Int { convLength * kernel * inChannels * outChannels }
}
