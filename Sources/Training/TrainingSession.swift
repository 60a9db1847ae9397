import Dispatch
import Evaluation
import GenomeCore

/// The training loop: epochs of balanced windows in mini-batches, Adam updates, validation in eval
/// mode, early stopping on validation loss keeping the best epoch's weights.
///
/// Threads and determinism: each mini-batch is split into `min(threads, batch)` fixed contiguous parts,
/// each computed on its own thread with its own workspace. Batch norm normalises with the statistics of
/// the whole mini-batch, reduced over the parts in part order (`TrainingPasses`), and the parts'
/// gradients are summed in part order, so a seed and a thread count fix every bit of the result and
/// other thread counts differ only by float rounding. Every random draw of a sample (mutations, dropout mask) comes from a generator seeded by
/// the sample's position in the epoch, independent of the thread that computes it.
final class TrainingSession {
    /// What the loop hands back.
    struct Outcome {
        var weights: NetworkWeights
        var history: [EpochProgress]
        var bestEpoch: Int
        var seconds: Double
    }

    let options: TrainingOptions
    let trainSet: WindowDataset
    let validationSet: WindowDataset
    private let workspaces: [NetworkWorkspace]
    private var weights: NetworkWeights
    private var optimizer: AdamOptimizer
    private var rng: Xoshiro256StarStar
    /// The fixed validation windows, drawn once.
    let validationWindows: [TrainingWindow]

    init(options: TrainingOptions, trainSet: WindowDataset, validationSet: WindowDataset) {
        self.options = options
        self.trainSet = trainSet
        self.validationSet = validationSet
        var rng = Xoshiro256StarStar(seed: options.seed)
        weights = NetworkWeights(architecture: options.architecture, rng: &rng)
        if let model = options.initialModel, let initial = NetworkWeights(model: model) { weights = initial }
        optimizer = AdamOptimizer(parameterCount: weights.layout.count, decayed: weights.layout.decayed)
        var validationRng = Xoshiro256StarStar(seed: rng.next())
        validationWindows = validationSet.draw(count: options.validationWindows, rng: &validationRng)
        self.rng = rng
        // Never more workers than samples in a mini-batch.
        let parts = max(1, min(options.threads, options.batchSize))
        let capacity = (options.batchSize + parts - 1) / parts
        workspaces = (0..<parts).map { _ in
            NetworkWorkspace(architecture: options.architecture, capacity: capacity, dropoutRate: Float(options.dropout))
        }
        if options.initialModel != nil {
            var calibrationRng = Xoshiro256StarStar(seed: self.rng.next())
            weights = calibrated(weights, windows: trainSet.draw(count: Self.calibrationWindows, rng: &calibrationRng))
        }
    }

    /// Runs the epochs, reporting each through `progress`.
    func run(progress: (TrainingEvent) -> Void) throws(TrainingError) -> Outcome {
        let started = MonotonicTime.now()
        var history: [EpochProgress] = []
        var best = weights
        var bestEpoch = 0
        var bestLoss = Double.infinity
        let stepsPerEpoch = (options.windowsPerEpoch + options.batchSize - 1) / options.batchSize
        let totalSteps = stepsPerEpoch * options.epochs
        var stepsDone = 0
        for epoch in 1...options.epochs {
            let epochStart = MonotonicTime.now()
            let windows = trainSet.draw(count: options.windowsPerEpoch, rng: &rng)
            let epochSeed = rng.next()
            var lossSum = 0.0
            try windows.withUnsafeBufferPointer { all throws(TrainingError) in
                var first = 0
                while first < all.count {
                    let end = min(all.count, first + options.batchSize)
                    let rate = options.learningRateSchedule.rate(options.learningRate, step: stepsDone,
                                                                 totalSteps: totalSteps)
                    let loss = step(UnsafeBufferPointer(rebasing: all[first..<end]), epochSeed: epochSeed,
                                    firstIndex: first, learningRate: rate)
                    stepsDone += 1
                    guard loss.isFinite else { throw TrainingError.diverged(epoch: epoch) }
                    lossSum += loss
                    first = end
                }
            }
            let trainSeconds = MonotonicTime.now() - epochStart
            let (validationLoss, auc) = try validate(epoch: epoch)
            let now = MonotonicTime.now()
            let isBest = validationLoss < bestLoss
            if isBest {
                bestLoss = validationLoss
                best = weights
                bestEpoch = epoch
            }
            let perEpoch = (now - started) / Double(epoch)
            let report = EpochProgress(
                epoch: epoch, epochs: options.epochs, trainLoss: lossSum / Double(windows.count),
                validationLoss: validationLoss, validationAUC: auc,
                windowsPerSecond: Double(windows.count) / max(trainSeconds, 1e-9), elapsedSeconds: now - started,
                estimatedSecondsLeft: perEpoch * Double(options.epochs - epoch), isBest: isBest)
            history.append(report)
            progress(.epoch(report))
            if epoch - bestEpoch >= options.patience && epoch < options.epochs {
                progress(.stoppedEarly(epoch: epoch, bestEpoch: bestEpoch))
                break
            }
        }
        return Outcome(weights: best, history: history, bestEpoch: bestEpoch,
                       seconds: MonotonicTime.now() - started)
    }

    /// The seed of sample `index` of an epoch: a SplitMix64 hash of the epoch seed and the index.
    static func sampleSeed(_ epochSeed: UInt64, _ index: Int) -> UInt64 {
        var mix = SplitMix64(seed: epochSeed ^ (UInt64(index) &* 0xD1B5_4A32_D192_ED03))
        return mix.next()
    }

    /// One optimiser step with step size `learningRate` on `windows` (the mini-batch, sample
    /// `firstIndex` of the epoch onwards).
    /// Returns the summed loss of its samples.
    private func step(_ windows: UnsafeBufferPointer<TrainingWindow>, epochSeed: UInt64, firstIndex: Int,
                      learningRate: Double) -> Double {
        let n = windows.count
        let parts = min(workspaces.count, n)
        let packed = PackedNetwork(weights)
        let mutation = Float(options.mutationRate)
        let indels = Float(options.indelRate)
        let dropout = Float(options.dropout)
        let features = options.architecture.featureCount
        let windowFloats = options.architecture.window * 4
        let workspaces = self.workspaces
        let trainSet = self.trainSet
        // Each part encodes its own samples; the passes then run part by part with batch norm over the
        // whole mini-batch (TrainingPasses).
        let fill = { (p: Int) in
            let ws = workspaces[p]
            let low = p * n / parts
            let high = (p + 1) * n / parts
            ws.resetAccumulators()
            for i in low..<high {
                let b = i - low
                var rng = Xoshiro256StarStar(seed: Self.sampleSeed(epochSeed, firstIndex + i))
                trainSet.encode(windows[i], mutationRate: mutation, indelRate: indels, rng: &rng,
                                into: ws.input.pointer + b * windowFloats)
                ws.labels.pointer[b] = windows[i].target
                if dropout > 0 {
                    Dropout.makeMask(rate: dropout, count: features, rng: &rng, into: ws.mask.pointer + b * features)
                }
            }
        }
        if parts == 1 {
            fill(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: parts, execute: fill)
        }
        let passes = TrainingPasses(parts: workspaces[0..<parts],
                                    batches: (0..<parts).map { (($0 + 1) * n / parts) - ($0 * n / parts) },
                                    packed: packed, concurrent: true)
        passes.forward()
        passes.backward()
        let total = workspaces[0].gradients.pointer
        let count = workspaces[0].gradients.count
        var loss = workspaces[0].lossSum
        for p in 1..<max(1, parts) {
            let g = workspaces[p].gradients.pointer
            for k in 0..<count { total[k] += g[k] }
            loss += workspaces[p].lossSum
        }
        for (l, shape) in options.architecture.blocks().enumerated() {
            // Every part holds the mini-batch's statistics (BatchNormReducer).
            let mean = Array(UnsafeBufferPointer(start: workspaces[0].batchMean[l].pointer, count: shape.outChannels))
            let variance = Array(UnsafeBufferPointer(start: workspaces[0].batchVariance[l].pointer,
                                                     count: shape.outChannels))
            weights.updateRunningStatistics(block: l, mean: mean, variance: variance,
                                            valuesPerChannel: n * shape.convLength)
        }
        optimizer.update(parameters: &weights.parameters, gradients: total,
                         learningRate: Float(learningRate), weightDecay: Float(options.weightDecay))
        return loss
    }

    /// Eval-mode logits of `windows` of `dataset` with `weights`, computed on the worker threads
    /// (each sample independently, so the result does not depend on the thread count).
    func logits(of windows: [TrainingWindow], dataset: WindowDataset, weights: NetworkWeights) -> [Float] {
        let packed = PackedNetwork(weights)
        var logits = [Float](repeating: 0, count: windows.count)
        let n = windows.count
        let parts = max(1, min(workspaces.count, n))
        let workspaces = self.workspaces
        let windowFloats = options.architecture.window * 4
        logits.withUnsafeMutableBufferPointer { buffer in
            let out = buffer.baseAddress!
            windows.withUnsafeBufferPointer { all in
                let work = { (p: Int) in
                    let ws = workspaces[p]
                    var i = p * n / parts
                    let high = (p + 1) * n / parts
                    var rng = Xoshiro256StarStar(seed: 0)
                    while i < high {
                        let chunk = min(ws.capacity, high - i)
                        for b in 0..<chunk {
                            dataset.encode(all[i + b], mutationRate: 0, rng: &rng, into: ws.input.pointer + b * windowFloats)
                        }
                        ws.forward(batch: chunk, packed: packed, training: false)
                        for b in 0..<chunk { out[i + b] = ws.logits.pointer[b] }
                        i += chunk
                    }
                }
                if parts == 1 {
                    work(0)
                } else {
                    DispatchQueue.concurrentPerform(iterations: parts, execute: work)
                }
            }
        }
        return logits
    }

    /// Validation loss (mean binary cross-entropy) and window-level ROC-AUC of the current weights.
    private func validate(epoch: Int) throws(TrainingError) -> (Double, Double?) {
        let logits = logits(of: validationWindows, dataset: validationSet, weights: weights)
        var loss = 0.0
        var positive = [Double](repeating: 0, count: logits.count)
        for (k, w) in validationWindows.enumerated() {
            loss += BinaryCrossEntropy.loss(logit: logits[k], label: w.target)
            positive[k] = w.coding ? 1 : 0
        }
        guard loss.isFinite else { throw .diverged(epoch: epoch) }
        let evaluation: BinaryEvaluation
        do {
            evaluation = try BinaryEvaluation(scores: logits, positiveWeights: positive,
                                              negativeWeights: positive.map { 1 - $0 })
        } catch {
            throw .diverged(epoch: epoch)
        }
        return (loss / Double(max(1, logits.count)), evaluation.rocAUC)
    }
}
