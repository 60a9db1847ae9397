import GenomeCore
import Kernels

/// One part's steps of the training passes; `TrainingPasses` runs them over all parts with the batch-norm
/// reductions in between. `batch` is this part's sample count throughout.
extension NetworkWorkspace {
    /// Training forward, block `l`, step 1: the convolution into `normalized[l]`, and its per-channel sums.
    func convolve(block l: Int, batch: Int, packed: PackedNetwork) {
        convolveSamples(block: l, batch: batch, packed: packed)
        let s = shapes[l]
        partialSums.pointer.update(repeating: 0, count: partialSums.count)
        BatchNorm.addSums(values: normalized[l].pointer, rows: batch * s.convLength, channels: s.outChannels,
                          into: partialSums.pointer)
    }

    /// Block `l`'s convolution (no bias: batch norm follows) of every sample into `normalized[l]`.
    private func convolveSamples(block l: Int, batch: Int, packed: PackedNetwork) {
        let s = shapes[l]
        let x = blockInput(l)
        let z = normalized[l].pointer
        let inSize = s.inLength * s.inChannels
        let outSize = s.convLength * s.outChannels
        for b in 0..<batch {
            TrainingConv1d.forward(input: x + b * inSize, length: s.inLength, inChannels: s.inChannels,
                               packedWeight: packed.conv[l].pointer, bias: nil, outChannels: s.outChannels,
                               kernelSize: s.kernel, output: z + b * outSize, gemm: gemm)
        }
    }

    /// Training forward, block `l`, step 2: squared deviations from the mini-batch mean `batchMean[l]`.
    func addSquaredDeviations(block l: Int, batch: Int) {
        let s = shapes[l]
        partialSums.pointer.update(repeating: 0, count: partialSums.count)
        BatchNorm.addSquaredDeviations(values: normalized[l].pointer, rows: batch * s.convLength,
                                       channels: s.outChannels, mean: batchMean[l].pointer, into: partialSums.pointer)
    }

    /// Training forward, block `l`, step 3: batch norm with the mini-batch statistics, ReLU, pooling.
    func normalizeActivatePool(block l: Int, batch: Int, packed: PackedNetwork) {
        let s = shapes[l]
        let params = UnsafePointer(packed.parameters.pointer)
        BatchNorm.normalize(values: normalized[l].pointer, rows: batch * s.convLength, channels: s.outChannels,
                            gamma: params + layout.gamma[l].lowerBound, beta: params + layout.beta[l].lowerBound,
                            mean: batchMean[l].pointer, invStd: invStd[l].pointer, output: activated[l].pointer)
        activateAndPool(block: l, batch: batch)
    }

    /// Eval-mode forward of the first `batch` samples of `input` to `logits`: batch norm uses the running
    /// statistics folded in `packed`, dropout is the identity. Samples are independent of each other.
    func forwardInference(batch: Int, packed: PackedNetwork) {
        precondition(batch >= 1 && batch <= capacity)
        for (l, s) in shapes.enumerated() {
            convolveSamples(block: l, batch: batch, packed: packed)
            let z = normalized[l].pointer
            BatchNorm.forwardInference(values: z, rows: batch * s.convLength, channels: s.outChannels,
                                       scale: packed.evalScale[l].pointer, shift: packed.evalShift[l].pointer,
                                       output: activated[l].pointer)
            activateAndPool(block: l, batch: batch)
        }
        forwardHead(batch: batch, packed: packed, training: false)
    }

    /// ReLU over `activated[l]`, then max pooling or subsampling into `pooled[l]` when the block pools.
    private func activateAndPool(block l: Int, batch: Int) {
        let s = shapes[l]
        let a = activated[l].pointer
        let outSize = s.convLength * s.outChannels
        TrainingActivation.reluForward(a, count: batch * outSize)
        guard s.pool > 1 else { return }
        let pooledSize = s.outLength * s.outChannels
        for b in 0..<batch {
            if s.poolKind == .max {
                TrainingPooling.maxPoolForward(input: a + b * outSize, length: s.convLength, channels: s.outChannels,
                                           size: s.pool, output: pooled[l].pointer + b * pooledSize,
                                           argmax: argmax[l].pointer + b * pooledSize)
            } else {
                TrainingPooling.subsampleForward(input: a + b * outSize, length: s.convLength, channels: s.outChannels,
                                             size: s.pool, output: pooled[l].pointer + b * pooledSize,
                                             argmax: argmax[l].pointer + b * pooledSize)
            }
        }
    }

    /// Global average pool, dropout (`training`, with `mask` filled by the caller), the dense layers.
    func forwardHead(batch: Int, packed: PackedNetwork, training: Bool) {
        let params = UnsafePointer(packed.parameters.pointer)
        let last = shapes[shapes.count - 1]
        let c = last.outChannels
        let y = blockOutput(shapes.count - 1)
        for b in 0..<batch {
            TrainingPooling.globalAveragePoolForward(input: y + b * last.outLength * c, length: last.outLength,
                                                 channels: c, output: features.pointer + b * c)
        }
        var denseInput = UnsafePointer(features.pointer)
        if training && dropoutRate > 0 {
            Dropout.forward(input: features.pointer, mask: mask.pointer, count: batch * c, output: dropped.pointer)
            denseInput = UnsafePointer(dropped.pointer)
        }
        let h = architecture.hidden
        TrainingDense.forward(input: denseInput, batch: batch, inFeatures: c, packedWeight: packed.fc1.pointer,
                          bias: params + layout.fc1Bias.lowerBound, outFeatures: h, output: hidden.pointer)
        TrainingActivation.reluForward(hidden.pointer, count: batch * h)
        TrainingDense.forward(input: hidden.pointer, batch: batch, inFeatures: h, packedWeight: packed.fc2.pointer,
                          bias: params + layout.fc2Bias.lowerBound, outFeatures: 1, output: logits.pointer)
    }
}
