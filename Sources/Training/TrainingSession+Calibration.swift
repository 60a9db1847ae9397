import GenomeCore
import ModelFormat

/// Fine-tuning from a model file (`TrainingOptions.initialModel`): the batch norm the file folded away
/// is re-expressed around statistics measured on the training windows (`NetworkWeights.calibrated`).
extension TrainingSession {
    /// Training windows whose convolution outputs set the starting batch-norm statistics.
    static let calibrationWindows = 512

    /// `weights` (eval-mode identity batch norm) calibrated on `windows` in eval mode, unaugmented:
    /// per block and channel the mean and variance of the convolution output over windows and
    /// positions, summed in Double in window order (so the thread count does not change them).
    func calibrated(_ weights: NetworkWeights, windows: [TrainingWindow]) -> NetworkWeights {
        let shapes = options.architecture.blocks()
        let packed = PackedNetwork(weights)
        let workspace = NetworkWorkspace(architecture: options.architecture, capacity: 64, dropoutRate: 0)
        var sums = shapes.map { [Double](repeating: 0, count: $0.outChannels) }
        var squares = sums
        var rng = Xoshiro256StarStar(seed: 0)
        let windowFloats = options.architecture.window * 4
        var first = 0
        while first < windows.count {
            let chunk = min(workspace.capacity, windows.count - first)
            for b in 0..<chunk {
                trainSet.encode(windows[first + b], mutationRate: 0, rng: &rng, into: workspace.input.pointer + b * windowFloats)
            }
            workspace.forwardInference(batch: chunk, packed: packed)
            for (l, s) in shapes.enumerated() {
                let z = workspace.normalized[l].pointer
                for r in 0..<(chunk * s.convLength) {
                    for c in 0..<s.outChannels {
                        let v = Double(z[r * s.outChannels + c])
                        sums[l][c] += v
                        squares[l][c] += v * v
                    }
                }
            }
            first += chunk
        }
        var mean: [[Float]] = [], variance: [[Float]] = []
        for (l, s) in shapes.enumerated() {
            let n = Double(max(1, windows.count * s.convLength))
            mean.append(sums[l].map { Float($0 / n) })
            variance.append(zip(sums[l], squares[l]).map { Float(max(0, $1 / n - ($0 / n) * ($0 / n))) })
        }
        return weights.calibrated(mean: mean, variance: variance)
    }
}
