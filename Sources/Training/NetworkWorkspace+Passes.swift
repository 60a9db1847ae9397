import Kernels

extension NetworkWorkspace {
    /// Forward pass of the first `batch` samples of `input` to `logits`.
    ///
    /// `training`: batch norm uses this part's statistics (ghost batch norm: each thread's part of a
    /// mini-batch is normalised on its own) and keeps `x̂` for the backward pass; dropout applies
    /// `mask` (filled by the caller). Otherwise batch norm uses the running statistics folded in
    /// `packed` and dropout is the identity.
    func forward(batch: Int, packed: PackedNetwork, training: Bool) {
        precondition(batch >= 1 && batch <= capacity)
        let params = UnsafePointer(packed.parameters.pointer)
        for (l, s) in shapes.enumerated() {
            let x = blockInput(l)
            let z = normalized[l].pointer
            let inSize = s.inLength * s.inChannels
            let outSize = s.convLength * s.outChannels
            for b in 0..<batch {
                FastConv1d.forward(input: x + b * inSize, length: s.inLength, inChannels: s.inChannels,
                                   packedWeight: packed.conv[l].pointer, bias: nil, outChannels: s.outChannels,
                                   kernelSize: s.kernel, output: z + b * outSize)
            }
            let rows = batch * s.convLength
            let a = activated[l].pointer
            if training {
                BatchNorm.forwardTraining(values: z, rows: rows, channels: s.outChannels,
                                          gamma: params + layout.gamma[l].lowerBound,
                                          beta: params + layout.beta[l].lowerBound,
                                          epsilon: NetworkWeights.batchNormEpsilon, output: a,
                                          mean: batchMean[l].pointer, variance: batchVariance[l].pointer,
                                          invStd: invStd[l].pointer)
            } else {
                BatchNorm.forwardInference(values: z, rows: rows, channels: s.outChannels,
                                           scale: packed.evalScale[l].pointer, shift: packed.evalShift[l].pointer,
                                           output: a)
            }
            FastActivation.reluForward(a, count: rows * s.outChannels)
            if s.pool > 1 {
                let pooledSize = s.outLength * s.outChannels
                for b in 0..<batch where s.poolKind == .max {
                    FastPooling.maxPoolForward(input: a + b * outSize, length: s.convLength, channels: s.outChannels,
                                               size: s.pool, output: pooled[l].pointer + b * pooledSize,
                                               argmax: argmax[l].pointer + b * pooledSize)
                }
                for b in 0..<batch where s.poolKind == .subsample {
                    FastPooling.subsampleForward(input: a + b * outSize, length: s.convLength, channels: s.outChannels,
                                                 size: s.pool, output: pooled[l].pointer + b * pooledSize,
                                                 argmax: argmax[l].pointer + b * pooledSize)
                }
            }
        }
        let last = shapes[shapes.count - 1]
        let c = last.outChannels
        let y = blockOutput(shapes.count - 1)
        for b in 0..<batch {
            FastPooling.globalAveragePoolForward(input: y + b * last.outLength * c, length: last.outLength,
                                                 channels: c, output: features.pointer + b * c)
        }
        var denseInput = UnsafePointer(features.pointer)
        if training && dropoutRate > 0 {
            Dropout.forward(input: features.pointer, mask: mask.pointer, count: batch * c, output: dropped.pointer)
            denseInput = UnsafePointer(dropped.pointer)
        }
        let h = architecture.hidden
        FastDense.forward(input: denseInput, batch: batch, inFeatures: c, packedWeight: packed.fc1.pointer,
                          bias: params + layout.fc1Bias.lowerBound, outFeatures: h, output: hidden.pointer)
        FastActivation.reluForward(hidden.pointer, count: batch * h)
        FastDense.forward(input: hidden.pointer, batch: batch, inFeatures: h, packedWeight: packed.fc2.pointer,
                          bias: params + layout.fc2Bias.lowerBound, outFeatures: 1, output: logits.pointer)
    }

    /// Backward pass after a training `forward` of the same `batch`: adds the gradient of
    /// `(1 / totalBatch) · Σ BCE(logit, label)` over these samples to `gradients` and the summed loss
    /// to `lossSum`. `totalBatch` is the whole mini-batch's size, so the parts' gradients add up to
    /// the mini-batch mean.
    func backward(batch: Int, totalBatch: Int, packed: PackedNetwork) {
        let params = UnsafePointer(packed.parameters.pointer)
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
        FastDense.accumulateWeightGradient(input: hidden.pointer, batch: batch, inFeatures: h,
                                           gradOutput: gradLogits.pointer, outFeatures: 1,
                                           gradWeight: grads + layout.fc2Weight.lowerBound)
        FastDense.accumulateBiasGradient(gradOutput: gradLogits.pointer, batch: batch, outFeatures: 1,
                                         gradBias: grads + layout.fc2Bias.lowerBound)
        FastDense.inputGradient(gradOutput: gradLogits.pointer, batch: batch, outFeatures: 1,
                                packedTransposedWeight: packed.fc2Transposed.pointer, inFeatures: h,
                                gradInput: gradHidden.pointer)
        FastActivation.reluBackward(output: hidden.pointer, grad: gradHidden.pointer, count: batch * h)
        let denseInput = dropoutRate > 0 ? dropped.pointer : features.pointer
        FastDense.accumulateWeightGradient(input: denseInput, batch: batch, inFeatures: c,
                                           gradOutput: gradHidden.pointer, outFeatures: h,
                                           gradWeight: grads + layout.fc1Weight.lowerBound)
        FastDense.accumulateBiasGradient(gradOutput: gradHidden.pointer, batch: batch, outFeatures: h,
                                         gradBias: grads + layout.fc1Bias.lowerBound)
        FastDense.inputGradient(gradOutput: gradHidden.pointer, batch: batch, outFeatures: h,
                                packedTransposedWeight: packed.fc1Transposed.pointer, inFeatures: c,
                                gradInput: gradFeatures.pointer)
        if dropoutRate > 0 {
            Dropout.backward(gradOutput: gradFeatures.pointer, mask: mask.pointer, count: batch * c,
                             gradInput: gradFeatures.pointer)
        }

        var current = gradA.pointer
        var spare = gradB.pointer
        let last = shapes[shapes.count - 1]
        for b in 0..<batch {
            FastPooling.globalAveragePoolBackward(gradOutput: gradFeatures.pointer + b * c, length: last.outLength,
                                                  channels: c, gradInput: current + b * last.outLength * c)
        }
        for l in shapes.indices.reversed() {
            let s = shapes[l]
            let outSize = s.convLength * s.outChannels
            if s.pool > 1 {
                let pooledSize = s.outLength * s.outChannels
                for b in 0..<batch {
                    FastPooling.maxPoolBackward(gradOutput: current + b * pooledSize,
                                                argmax: argmax[l].pointer + b * pooledSize, outLength: s.outLength,
                                                channels: s.outChannels, inLength: s.convLength,
                                                gradInput: spare + b * outSize)
                }
                swap(&current, &spare)
            }
            let rows = batch * s.convLength
            FastActivation.reluBackward(output: activated[l].pointer, grad: current, count: rows * s.outChannels)
            BatchNorm.backward(normalized: normalized[l].pointer, grad: current, rows: rows, channels: s.outChannels,
                               gamma: params + layout.gamma[l].lowerBound, invStd: invStd[l].pointer,
                               gradGamma: grads + layout.gamma[l].lowerBound,
                               gradBeta: grads + layout.beta[l].lowerBound)
            let x = blockInput(l)
            let inSize = s.inLength * s.inChannels
            for b in 0..<batch {
                FastConv1d.accumulateWeightGradient(input: x + b * inSize, length: s.inLength, inChannels: s.inChannels,
                                                    gradOutput: current + b * outSize, outChannels: s.outChannels,
                                                    kernelSize: s.kernel,
                                                    gradWeight: grads + layout.convWeight[l].lowerBound)
            }
            if l > 0 {
                for b in 0..<batch {
                    FastConv1d.inputGradient(gradOutput: current + b * outSize, outLength: s.convLength,
                                             outChannels: s.outChannels,
                                             packedTransposedWeight: packed.convTransposed[l].pointer,
                                             inChannels: s.inChannels, kernelSize: s.kernel,
                                             scratch: convScratch.pointer, gradInput: spare + b * inSize)
                }
                swap(&current, &spare)
            }
        }
    }
}
