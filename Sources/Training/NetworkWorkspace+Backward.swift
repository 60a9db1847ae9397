import GenomeCore
import Kernels

/// One part's steps of the backward pass (see `TrainingPasses`).
extension NetworkWorkspace {
    /// Backward from the loss to the last block's output: adds the gradient of
    /// `(1 / totalBatch) · Σ BCE(logit, label)` over these samples to the dense layers' `gradients`, the
    /// summed loss to `lossSum`, and leaves the gradient of the last block's output in `gradCurrent`.
    func backwardHead(batch: Int, totalBatch: Int, packed: PackedNetwork) {
        let grads = gradients.pointer
        let scale = 1 / Float(totalBatch)
        var loss = 0.0
        for b in 0..<batch {
            loss += BinaryCrossEntropy.loss(logit: logits.pointer[b], label: labels.pointer[b])
            gradLogits.pointer[b] = BinaryCrossEntropy.gradient(logit: logits.pointer[b], label: labels.pointer[b]) * scale
        }
        lossSum += loss

        let c = architecture.featureCount
        let h = architecture.hidden
        TrainingDense.accumulateWeightGradient(input: hidden.pointer, batch: batch, inFeatures: h,
                                           gradOutput: gradLogits.pointer, outFeatures: 1,
                                           gradWeight: grads + layout.fc2Weight.lowerBound)
        TrainingDense.accumulateBiasGradient(gradOutput: gradLogits.pointer, batch: batch, outFeatures: 1,
                                         gradBias: grads + layout.fc2Bias.lowerBound)
        TrainingDense.inputGradient(gradOutput: gradLogits.pointer, batch: batch, outFeatures: 1,
                                packedTransposedWeight: packed.fc2Transposed.pointer, inFeatures: h,
                                gradInput: gradHidden.pointer)
        TrainingActivation.reluBackward(output: hidden.pointer, grad: gradHidden.pointer, count: batch * h)
        let denseInput = dropoutRate > 0 ? dropped.pointer : features.pointer
        TrainingDense.accumulateWeightGradient(input: denseInput, batch: batch, inFeatures: c,
                                           gradOutput: gradHidden.pointer, outFeatures: h,
                                           gradWeight: grads + layout.fc1Weight.lowerBound)
        TrainingDense.accumulateBiasGradient(gradOutput: gradHidden.pointer, batch: batch, outFeatures: h,
                                         gradBias: grads + layout.fc1Bias.lowerBound)
        TrainingDense.inputGradient(gradOutput: gradHidden.pointer, batch: batch, outFeatures: h,
                                packedTransposedWeight: packed.fc1Transposed.pointer, inFeatures: c,
                                gradInput: gradFeatures.pointer)
        if dropoutRate > 0 {
            Dropout.backward(gradOutput: gradFeatures.pointer, mask: mask.pointer, count: batch * c,
                             gradInput: gradFeatures.pointer)
        }
        gradCurrent = gradA.pointer
        gradSpare = gradB.pointer
        let last = shapes[shapes.count - 1]
        for b in 0..<batch {
            TrainingPooling.globalAveragePoolBackward(gradOutput: gradFeatures.pointer + b * c, length: last.outLength,
                                                  channels: c, gradInput: gradCurrent + b * last.outLength * c)
        }
    }

    /// Backward, block `l`, step 1: through pooling and ReLU to the batch norm's output, and this part's
    /// sums Σg and Σg·x̂ in `partialSums`.
    func backwardToNorm(block l: Int, batch: Int) {
        let s = shapes[l]
        let outSize = s.convLength * s.outChannels
        if s.pool > 1 {
            let pooledSize = s.outLength * s.outChannels
            for b in 0..<batch {
                TrainingPooling.maxPoolBackward(gradOutput: gradCurrent + b * pooledSize,
                                            argmax: argmax[l].pointer + b * pooledSize, outLength: s.outLength,
                                            channels: s.outChannels, inLength: s.convLength,
                                            gradInput: gradSpare + b * outSize)
            }
            swap(&gradCurrent, &gradSpare)
        }
        let rows = batch * s.convLength
        TrainingActivation.reluBackward(output: activated[l].pointer, grad: gradCurrent, count: rows * s.outChannels)
        partialSums.pointer.update(repeating: 0, count: partialSums.count)
        BatchNorm.addGradientSums(normalized: normalized[l].pointer, grad: gradCurrent, rows: rows,
                                  channels: s.outChannels, into: partialSums.pointer)
    }

    /// Backward, block `l`, step 2: through batch norm with the mini-batch means in `gradientMeans`, then
    /// the convolution's weight gradient and (below the first block) its input gradient.
    func backwardFromNorm(block l: Int, batch: Int, packed: PackedNetwork) {
        let s = shapes[l]
        let params = UnsafePointer(packed.parameters.pointer)
        let grads = gradients.pointer
        let outSize = s.convLength * s.outChannels
        BatchNorm.applyBackward(normalized: normalized[l].pointer, grad: gradCurrent, rows: batch * s.convLength,
                                channels: s.outChannels, gamma: params + layout.gamma[l].lowerBound,
                                invStd: invStd[l].pointer, meanG: gradientMeans.pointer,
                                meanGX: gradientMeans.pointer + s.outChannels)
        let x = blockInput(l)
        let inSize = s.inLength * s.inChannels
        for b in 0..<batch {
            TrainingConv1d.accumulateWeightGradient(input: x + b * inSize, length: s.inLength, inChannels: s.inChannels,
                                                gradOutput: gradCurrent + b * outSize, outChannels: s.outChannels,
                                                kernelSize: s.kernel, gradWeight: grads + layout.convWeight[l].lowerBound,
                                                gemm: gemm)
        }
        guard l > 0 else { return }
        for b in 0..<batch {
            TrainingConv1d.inputGradient(gradOutput: gradCurrent + b * outSize, outLength: s.convLength,
                                     outChannels: s.outChannels, packedTransposedWeight: packed.convTransposed[l].pointer,
                                     inChannels: s.inChannels, kernelSize: s.kernel, scratch: convScratch.pointer,
                                     gradInput: gradSpare + b * inSize, gemm: gemm)
        }
        swap(&gradCurrent, &gradSpare)
    }
}
