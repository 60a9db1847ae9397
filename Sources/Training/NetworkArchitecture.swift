import ModelFormat

/// The shape of the trained network: conv blocks (`conv1d → batch norm → ReLU → maxpool`, pooling
/// skipped where the pool size is 1), then global average pooling, dropout, `dense(hidden) → ReLU →
/// dense(1) → sigmoid`.
public struct NetworkArchitecture: Sendable, Equatable {
    /// Training window length, bases.
    public var window: Int
    /// Output channels of each conv block.
    public var channels: [Int]
    /// Kernel width of each conv block, bases (positions).
    public var kernels: [Int]
    /// Pool size after each conv block (1 = none).
    public var pools: [Int]
    /// How each block pools (max or subsample), parallel to `pools`.
    public var poolKinds: [PoolKind]
    /// Units of the hidden dense layer.
    public var hidden: Int

    /// `poolKinds` defaults to max pooling in every block.
    public init(window: Int, channels: [Int], kernels: [Int], pools: [Int], poolKinds: [PoolKind]? = nil,
                hidden: Int) {
        self.window = window
        self.channels = channels
        self.kernels = kernels
        self.pools = pools
        self.poolKinds = poolKinds ?? pools.map { _ in .max }
        self.hidden = hidden
    }

    /// The default network (the built-in model's): window 360, channels 64,64,64, kernels 9,9,9,
    /// pools 3,3,1 (subsample, max, max: the first pooling keeps the reading frame), hidden 32.
    public static let standard = NetworkArchitecture(window: 360, channels: [64, 64, 64], kernels: [9, 9, 9],
                                                     pools: [3, 3, 1], poolKinds: [.subsample, .max, .max], hidden: 32)

    /// Largest accepted channel count, kernel, pool or hidden size.
    public static let sizeLimit = 4096

    /// Checks counts and sizes; the window must reach global pooling with at least one position.
    public func validate() throws(TrainingError) {
        guard !channels.isEmpty else { throw .outOfRange(.channels, ": give at least one conv block") }
        let counts: [(TrainingSetting, Int)] = [(.kernels, kernels.count), (.pools, pools.count),
                                                (.poolKinds, poolKinds.count)]
        if let (setting, count) = counts.first(where: { $0.1 != channels.count }) {
            throw .listLength(setting, count: count, blocks: channels.count)
        }
        let limit = Self.sizeLimit
        let lists: [(TrainingSetting, [Int])] = [(.channels, channels), (.kernels, kernels), (.pools, pools),
                                                 (.hidden, [hidden])]
        if let (setting, values) = lists.first(where: { $0.1.contains { $0 < 1 || $0 > limit } }),
           let bad = values.first(where: { $0 < 1 || $0 > limit }) {
            throw .outOfRange(setting, "values must be between 1 and \(limit) (got \(bad))")
        }
        guard window >= 1 && window <= 1 << 20 else {
            throw .outOfRange(.window, "must be between 1 and 1048576 (got \(window))")
        }
        let minimum = minimumInputLength
        guard window >= minimum else { throw .windowBelowMinimum(window: window, minimum: minimum) }
    }

    /// The block sizes for `length`-base inputs (default: the window).
    public func blocks(length: Int? = nil) -> [BlockShape] {
        var shapes: [BlockShape] = []
        var positions = length ?? window
        var inChannels = 4
        for index in channels.indices {
            let shape = BlockShape(inLength: positions, inChannels: inChannels, kernel: kernels[index],
                                   outChannels: channels[index], pool: pools[index], poolKind: poolKinds[index])
            shapes.append(shape)
            positions = shape.outLength
            inChannels = shape.outChannels
        }
        return shapes
    }

    /// Channels reaching global average pooling (the last block's).
    public var featureCount: Int { channels.last ?? 4 }

    /// Smallest input length for which every conv and pool leaves a position: the model format's rule
    /// (`LayerSpec.minimumInputLength`) on `layerSpecs`; `Int.max` when it would overflow.
    public var minimumInputLength: Int {
        LayerSpec.minimumInputLength(layerSpecs) ?? Int.max
    }

    /// The exported (batch-norm-folded) layers: per block `conv1d, relu[, maxpool1d or subsample1d]`, then
    /// `global_avg_pool, dense(C, hidden), relu, dense(hidden, 1), sigmoid`.
    public var layerSpecs: [LayerSpec] {
        var layers: [LayerSpec] = []
        for shape in blocks() {
            layers.append(.conv1d(in: shape.inChannels, out: shape.outChannels, kernel: shape.kernel))
            layers.append(.relu)
            if shape.pool > 1 {
                layers.append(shape.poolKind == .subsample ? .subsample1d(size: shape.pool) : .maxPool1d(size: shape.pool))
            }
        }
        layers += [.globalAveragePool, .dense(in: featureCount, out: hidden), .relu, .dense(in: hidden, out: 1), .sigmoid]
        return layers
    }

    /// Multiply-adds of one forward pass of a window (convolutions and dense layers).
    public var forwardMultiplyAdds: Int {
        blocks().reduce(0) { $0 + $1.convMultiplyAdds } + featureCount * hidden + hidden
    }
}
