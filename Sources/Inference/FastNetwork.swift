import ModelFormat

/// A model compiled for the fast path of one kernel variant: the one-hot stem, the packed layers up
/// to global average pooling, and the dense head with the model's own weights.
///
/// Supports every network whose first layer is a convolution (all networks the trainer writes); the
/// caller falls back to the reference forward pass otherwise. Immutable; shared by all threads.
final class FastNetwork: Sendable {
    let kernels: KernelSet
    let stem: OneHotStem
    /// The layers between the stem and global average pooling.
    let stages: [InferenceStage]
    /// The first stage after which no pooling of size > 1 follows: from here on, all windows of a
    /// branch share one grid, and stages run once per branch.
    let tailStart: Int
    /// When the tail is one convolution (plus ReLUs and size-1 pools): its stage index, and whether a
    /// ReLU runs before it (on the input) and on its output. Computed only at the windows' rows.
    let sparseTail: (conv: Int, reluBefore: Bool, relu: Bool)?
    /// Channels entering global average pooling (the model's, unpadded) and their padded stride.
    let featureCount: Int
    let featureStride: Int
    let head: [HeadLayer]
    /// Product of all pooling sizes: windows whose starts differ by a multiple of it share features.
    let totalStride: Int

    /// - Parameter precision: `.int8` runs every convolution after the first whose input follows a
    ///   ReLU as an `Int8Conv` (the others stay in floats).
    init?(model: Model, kernels: KernelSet, precision: Precision = .fp32) {
        let plan = model.plan
        guard case let .conv1d(4, c1, k1, w1, b1, stemRelu) = plan.first else { return nil }
        self.kernels = kernels
        var index = 1
        var stemPool = 1
        var stemSubsample = false
        if index < plan.count, case let .maxPool1d(size) = plan[index] { stemPool = size; index += 1 }
        else if index < plan.count, case let .subsample1d(size) = plan[index] {
            stemPool = size
            stemSubsample = true
            index += 1
        }
        stem = OneHotStem(weight: w1, bias: b1, channels: c1, kernel: k1, relu: stemRelu, pool: stemPool,
                          subsample: stemSubsample)
        // For 8 bits only: the largest value of each channel of the current activation for any input
        // (+∞: not known), and whether it is never negative (a ReLU came after the last convolution):
        // an `Int8Conv` needs both.
        let eightBit = precision == .int8
        var quantizable: [(stage: Int, weight: [Float], bias: [Float], bound: [Float])] = []
        var bound = eightBit ? stem.outputBound() : []
        var nonNegative = stemRelu
        var stages: [InferenceStage] = []
        var channels = c1
        var poolProduct = stemPool
        while index < plan.count, plan[index] != .globalAveragePool {
            switch plan[index] {
            case let .conv1d(i, o, k, w, b, fuse):
                let conv = PackedConv(weight: w, bias: b, inChannels: i, outChannels: o, kernel: k, relu: fuse,
                                      kernels: kernels)
                if eightBit {
                    if nonNegative { quantizable.append((stages.count, w, b, bound)) }
                    let upper = nonNegative
                        ? Int8Conv.outputBound(weight: w, bias: b, inChannels: i, outChannels: o, kernel: k, inputBound: bound)
                        : [Float](repeating: .infinity, count: o)
                    bound = fuse ? upper.map { max(0, $0) } : upper
                }
                stages.append(.conv(conv))
                nonNegative = fuse
                channels = o
            case .relu:
                stages.append(.relu)
                bound = bound.map { max(0, $0) }
                nonNegative = true
            case let .maxPool1d(size):
                stages.append(.pool(size))
                poolProduct *= size
            case let .subsample1d(size):
                stages.append(.subsample(size))
                poolProduct *= size
            default:
                return nil
            }
            index += 1
        }
        guard index < plan.count else { return nil }
        index += 1
        var head: [HeadLayer] = []
        while index < plan.count {
            switch plan[index] {
            case let .dense(i, o, w, b):
                head.append(.dense(inFeatures: i, outFeatures: o, weight: w, bias: b))
            case .relu: head.append(.relu)
            case .sigmoid: head.append(.sigmoid)
            default: return nil
            }
            index += 1
        }
        if !quantizable.isEmpty {
            // Each 8-bit input channel's top: its largest possible value (`bound`), or less where the
            // calibration shows that bound is loose (a layer's inputs rarely all peak at once).
            // Calibrated on the portable kernels' own packing of the same model (see `calibrationMaxima`).
            let portable = kernels.variant == .portable ? nil : FastNetwork(model: model, kernels: KernelSet(.portable))
            let maxima = FastNetwork.calibrationMaxima(stem: portable?.stem ?? stem, stages: portable?.stages ?? stages)
            for (index, weight, bias, bound) in quantizable {
                guard case var .conv(conv) = stages[index] else { continue }
                let limit = FastNetwork.calibratedBound(bound, observed: Array(maxima[index].prefix(conv.inChannels)))
                conv.int8 = Int8Conv(weight: weight, bias: bias, inChannels: conv.inChannels,
                                     outChannels: conv.outChannels, kernel: conv.kernel, inputBound: limit)
                stages[index] = .conv(conv)
            }
        }
        self.stages = stages
        self.head = head
        featureCount = channels
        featureStride = KernelSet.padded(channels)
        totalStride = poolProduct
        var tail = 0
        for (i, stage) in stages.enumerated() {
            switch stage {
            case let .pool(size), let .subsample(size): if size > 1 { tail = i + 1 }
            default: break
            }
        }
        tailStart = tail
        sparseTail = FastNetwork.sparseTail(stages, from: tail)
    }

    /// The single convolution of the tail with the ReLUs around it, or nil when the tail has none or
    /// several convolutions (then it runs densely).
    private static func sparseTail(_ stages: [InferenceStage], from start: Int)
        -> (conv: Int, reluBefore: Bool, relu: Bool)? {
        var conv: Int?
        var reluBefore = false
        var relu = false
        for i in start..<stages.count {
            switch stages[i] {
            case let .conv(c):
                if conv != nil { return nil }
                conv = i
                relu = c.relu
            case .relu:
                if conv == nil { reluBefore = true } else { relu = true }
            case .pool, .subsample:
                break  // size 1 here: the identity
            }
        }
        return conv.map { ($0, reluBefore, relu) }
    }

    /// Positions of a `window`-base input after the stem (index 0) and after each stage (index
    /// `i + 1`); the last entry is the number of positions global average pooling averages.
    func lengths(window: Int) -> [Int] {
        var result = [stem.outputLength(window)]
        for stage in stages { result.append(stage.outputLength(result.last!)) }
        return result
    }

    /// Widest padded channel count of any activation.
    var maxStride: Int {
        stages.reduce(stem.stride) { widest, stage in
            if case let .conv(c) = stage { return max(widest, c.outStride) }
            return widest
        }
    }
}
