import GenomeCore
import Kernels

/// One thread's buffers for the network's passes over up to `capacity` samples (a part of a
/// mini-batch), plus its private gradient accumulator.
///
/// Layouts: per sample, activations are position-major `[length][channels]`; a batch is
/// sample-major, `[sample][length][channels]`, so batch norm sees `[samples · length][channels]`.
final class NetworkWorkspace: @unchecked Sendable {
    let architecture: NetworkArchitecture
    let layout: ParameterLayout
    let shapes: [BlockShape]
    /// Most samples one pass handles.
    let capacity: Int
    /// Dropout rate on the pooled features (training passes only).
    let dropoutRate: Float

    /// One-hot windows `[capacity][window][4]`.
    let input: ScratchBuffer<Float>
    /// Labels (1 coding, 0 not) `[capacity]`.
    let labels: ScratchBuffer<Float>
    /// Per block: the conv output, replaced by `x̂` in training passes, `[capacity][convLength][out]`.
    let normalized: [ScratchBuffer<Float>]
    /// Per block: `ReLU(BN(conv))`, `[capacity][convLength][out]`.
    let activated: [ScratchBuffer<Float>]
    /// Per block: max-pooled output and arg-max indices `[capacity][outLength][out]` (unused when pool 1).
    let pooled: [ScratchBuffer<Float>]
    let argmax: [ScratchBuffer<Int32>]
    /// Per block: the mini-batch's mean, biased variance and `1/√(var + ε)`, `[out]` (see `BatchNormReducer`).
    let batchMean: [ScratchBuffer<Float>]
    let batchVariance: [ScratchBuffer<Float>]
    let invStd: [ScratchBuffer<Float>]
    /// This part's batch-norm sums for the block at hand, `[2 · widest out]` (Double).
    let partialSums: ScratchBuffer<Double>
    /// The mini-batch's Σg/n and Σ(g·x̂)/n for the block at hand in the backward pass, `[2 · widest out]`.
    let gradientMeans: ScratchBuffer<Float>
    /// The backward pass's gradient buffer in use and the spare one (ping-pong between `gradA` and `gradB`).
    var gradCurrent: UnsafeMutablePointer<Float>
    var gradSpare: UnsafeMutablePointer<Float>
    /// Pooled features, dropout mask and dropped features, `[capacity][features]`.
    let features: ScratchBuffer<Float>
    let mask: ScratchBuffer<Float>
    let dropped: ScratchBuffer<Float>
    /// Hidden layer after ReLU `[capacity][hidden]`, and output logits `[capacity]`.
    let hidden: ScratchBuffer<Float>
    let logits: ScratchBuffer<Float>

    /// Two ping-pong gradient buffers, each as large as the largest per-batch activation.
    let gradA: ScratchBuffer<Float>
    let gradB: ScratchBuffer<Float>
    /// Scratch for `TrainingConv1d.inputGradient`.
    let convScratch: ScratchBuffer<Float>
    let gradFeatures: ScratchBuffer<Float>
    let gradHidden: ScratchBuffer<Float>
    let gradLogits: ScratchBuffer<Float>
    /// Gradient of the loss summed over this workspace's samples, `ParameterLayout` order.
    let gradients: ScratchBuffer<Float>
    /// Sum of the per-sample losses (nats) since the last `resetAccumulators()`.
    var lossSum = 0.0

    /// The build of the convolution products (`TrainingKernels.gemm`).
    let gemm: TrainingGEMM

    init(architecture: NetworkArchitecture, capacity: Int, dropoutRate: Float, gemm: TrainingGEMM = TrainingKernels.gemm) {
        self.gemm = gemm
        self.architecture = architecture
        layout = ParameterLayout(architecture)
        shapes = architecture.blocks()
        self.capacity = capacity
        self.dropoutRate = dropoutRate
        func floats(_ n: Int) -> ScratchBuffer<Float> { ScratchBuffer(count: n, zero: 0) }
        input = floats(capacity * architecture.window * 4)
        labels = floats(capacity)
        normalized = shapes.map { floats(capacity * $0.convLength * $0.outChannels) }
        activated = shapes.map { floats(capacity * $0.convLength * $0.outChannels) }
        pooled = shapes.map { floats($0.pool > 1 ? capacity * $0.outLength * $0.outChannels : 0) }
        argmax = shapes.map { ScratchBuffer(count: $0.pool > 1 ? capacity * $0.outLength * $0.outChannels : 0, zero: 0) }
        batchMean = shapes.map { floats($0.outChannels) }
        batchVariance = shapes.map { floats($0.outChannels) }
        invStd = shapes.map { floats($0.outChannels) }
        let widest = shapes.map(\.outChannels).max() ?? 0
        partialSums = ScratchBuffer(count: 2 * widest, zero: 0)
        gradientMeans = floats(2 * widest)
        let featureCount = architecture.featureCount
        features = floats(capacity * featureCount)
        mask = floats(capacity * featureCount)
        dropped = floats(capacity * featureCount)
        hidden = floats(capacity * architecture.hidden)
        logits = floats(capacity)
        let largest = shapes.map { max($0.convLength * $0.outChannels, $0.inLength * $0.inChannels) }.max() ?? 0
        gradA = floats(capacity * largest)
        gradB = floats(capacity * largest)
        gradCurrent = gradA.pointer
        gradSpare = gradB.pointer
        convScratch = floats(shapes.map {
            TrainingConv1d.inputGradientScratchCount(outLength: $0.convLength, inChannels: $0.inChannels, kernelSize: $0.kernel)
        }.max() ?? 0)
        gradFeatures = floats(capacity * featureCount)
        gradHidden = floats(capacity * architecture.hidden)
        gradLogits = floats(capacity)
        gradients = floats(layout.count)
    }

    /// Zeroes the gradient accumulator and the loss sum.
    func resetAccumulators() {
        gradients.pointer.update(repeating: 0, count: gradients.count)
        lossSum = 0
    }

    /// The input of block `index`: the one-hot windows, or the previous block's output.
    func blockInput(_ index: Int) -> UnsafeMutablePointer<Float> {
        index == 0 ? input.pointer : blockOutput(index - 1)
    }

    /// The output of block `index`: pooled, or the activation itself when its pool size is 1.
    func blockOutput(_ index: Int) -> UnsafeMutablePointer<Float> {
        shapes[index].pool > 1 ? pooled[index].pointer : activated[index].pointer
    }
}
