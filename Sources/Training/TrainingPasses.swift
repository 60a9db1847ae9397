import Dispatch

/// The training forward and backward passes of one mini-batch split into contiguous parts, one per
/// workspace, with batch norm over the whole mini-batch: between the parts' steps, `BatchNormReducer`
/// combines their sums in part order. So the model does not depend on the thread count beyond float
/// rounding, and with one part the arithmetic is that of an unsplit batch.
struct TrainingPasses {
    /// The workspaces in use, one per part.
    let parts: ArraySlice<NetworkWorkspace>
    /// Samples of each part; they add up to `totalBatch`.
    let batches: [Int]
    let packed: PackedNetwork
    /// Runs each part's step on its own thread (more than one part) or inline.
    let concurrent: Bool

    var totalBatch: Int { batches.reduce(0, +) }

    /// Calls `body(p)` for every part.
    private func each(_ body: (Int) -> Void) {
        if concurrent && parts.count > 1 {
            DispatchQueue.concurrentPerform(iterations: parts.count, execute: body)
        } else {
            for p in 0..<parts.count { body(p) }
        }
    }

    private func part(_ p: Int) -> NetworkWorkspace { parts[parts.startIndex + p] }

    /// Training forward to every part's `logits` (inputs, labels and dropout masks filled by the caller).
    func forward() {
        for (l, s) in parts.first!.shapes.enumerated() {
            let rows = totalBatch * s.convLength
            each { part($0).convolve(block: l, batch: batches[$0], packed: packed) }
            BatchNormReducer.mean(parts, block: l, channels: s.outChannels, rows: rows)
            each { part($0).addSquaredDeviations(block: l, batch: batches[$0]) }
            BatchNormReducer.variance(parts, block: l, channels: s.outChannels, rows: rows)
            each { part($0).normalizeActivatePool(block: l, batch: batches[$0], packed: packed) }
        }
        each { part($0).forwardHead(batch: batches[$0], packed: packed, training: true) }
    }

    /// Backward after `forward`: adds each part's share of the gradient of the mini-batch's mean loss to its
    /// `gradients` (dγ and dβ to the first part's) and its summed loss to `lossSum`.
    func backward() {
        let total = totalBatch
        let layout = parts.first!.layout
        each { part($0).backwardHead(batch: batches[$0], totalBatch: total, packed: packed) }
        for (l, s) in parts.first!.shapes.enumerated().reversed() {
            each { part($0).backwardToNorm(block: l, batch: batches[$0]) }
            BatchNormReducer.gradients(parts, channels: s.outChannels, rows: total * s.convLength,
                                       gradGamma: layout.gamma[l].lowerBound, gradBeta: layout.beta[l].lowerBound)
            each { part($0).backwardFromNorm(block: l, batch: batches[$0], packed: packed) }
        }
    }
}

extension NetworkWorkspace {
    /// Training forward of the first `batch` samples as one unsplit mini-batch (tests, gradient checks).
    func forward(batch: Int, packed: PackedNetwork, training: Bool) {
        precondition(batch >= 1 && batch <= capacity)
        guard training else { return forwardInference(batch: batch, packed: packed) }
        TrainingPasses(parts: [self][...], batches: [batch], packed: packed, concurrent: false).forward()
    }

    /// Backward after `forward(batch:packed:training: true)` of the same unsplit `batch`; `totalBatch`
    /// scales the loss gradient (the mean over that many samples).
    func backward(batch: Int, totalBatch: Int, packed: PackedNetwork) {
        precondition(batch == totalBatch, "an unsplit backward covers the whole mini-batch")
        TrainingPasses(parts: [self][...], batches: [batch], packed: packed, concurrent: false).backward()
    }
}
