import GenomeCore
import Kernels

/// The network's weights packed for the fast kernels, rebuilt after every optimiser step and
/// shared read-only by the worker threads.
final class PackedNetwork: @unchecked Sendable {
    /// Per block: conv weights packed for the forward product (`TrainingConv1d.packWeights`).
    let conv: [ScratchBuffer<Float>]
    /// Per block: conv weights packed for the input gradient (`TrainingConv1d.packTransposedWeights`).
    let convTransposed: [ScratchBuffer<Float>]
    /// Hidden dense layer, forward and input-gradient packings.
    let fc1: ScratchBuffer<Float>
    let fc1Transposed: ScratchBuffer<Float>
    /// Output dense layer, forward and input-gradient packings.
    let fc2: ScratchBuffer<Float>
    let fc2Transposed: ScratchBuffer<Float>
    /// Per block: eval-mode batch norm `y = x · scale + shift` from the running statistics, `[out]`.
    let evalScale: [ScratchBuffer<Float>]
    let evalShift: [ScratchBuffer<Float>]
    /// A copy of the parameters the packings were made from (`ParameterLayout` order).
    let parameters: ScratchBuffer<Float>

    init(_ weights: NetworkWeights) {
        let layout = weights.layout
        let architecture = weights.architecture
        let params = ScratchBuffer(weights.parameters, zero: 0)
        parameters = params
        var conv: [ScratchBuffer<Float>] = []
        var convT: [ScratchBuffer<Float>] = []
        for (block, shape) in architecture.blocks().enumerated() {
            let w = params.pointer + layout.convWeight[block].lowerBound
            conv.append(ScratchBuffer(TrainingConv1d.packWeights(gemm: w, inChannels: shape.inChannels,
                                                             outChannels: shape.outChannels, kernelSize: shape.kernel),
                                      zero: 0))
            convT.append(ScratchBuffer(TrainingConv1d.packTransposedWeights(gemm: w, inChannels: shape.inChannels,
                                                                        outChannels: shape.outChannels,
                                                                        kernelSize: shape.kernel), zero: 0))
        }
        self.conv = conv
        convTransposed = convT
        let features = architecture.featureCount
        let hidden = architecture.hidden
        let w1 = params.pointer + layout.fc1Weight.lowerBound
        let w2 = params.pointer + layout.fc2Weight.lowerBound
        fc1 = ScratchBuffer(TrainingDense.packWeights(gemm: w1, inFeatures: features, outFeatures: hidden), zero: 0)
        fc1Transposed = ScratchBuffer(TrainingDense.packTransposedWeights(gemm: w1, inFeatures: features, outFeatures: hidden),
                                      zero: 0)
        fc2 = ScratchBuffer(TrainingDense.packWeights(gemm: w2, inFeatures: hidden, outFeatures: 1), zero: 0)
        fc2Transposed = ScratchBuffer(TrainingDense.packTransposedWeights(gemm: w2, inFeatures: hidden, outFeatures: 1),
                                      zero: 0)
        let folded = weights.batchNormScaleShift()
        evalScale = folded.map { ScratchBuffer($0.scale, zero: 0) }
        evalShift = folded.map { ScratchBuffer($0.shift, zero: 0) }
    }
}
