import GenomeCore
/// Combines the batch-norm sums of the parts of a mini-batch (one part per worker, in part order) into
/// the statistics of the whole mini-batch, so that training does not depend on how many threads split
/// the batch. With one part the arithmetic is exactly that of unsplit batch norm.
enum BatchNormReducer {
    /// Mean per channel from every part's `partialSums[0..<channels]`, over `rows` rows in all; written to
    /// every part's `batchMean[block]`.
    static func mean(_ parts: ArraySlice<NetworkWorkspace>, block: Int, channels: Int, rows: Int) {
        let total = reduce(parts, count: channels)
        for ws in parts {
            for c in 0..<channels { ws.batchMean[block].pointer[c] = Float(total[c] / Double(rows)) }
        }
    }

    /// Biased variance and `1/√(var + ε)` per channel from every part's squared deviations; written to
    /// every part's `batchVariance[block]` and `invStd[block]`.
    static func variance(_ parts: ArraySlice<NetworkWorkspace>, block: Int, channels: Int, rows: Int) {
        let total = reduce(parts, count: channels)
        for ws in parts {
            for c in 0..<channels {
                let variance = Float(total[c] / Double(rows))
                ws.batchVariance[block].pointer[c] = variance
                ws.invStd[block].pointer[c] = 1 / (variance + NetworkWeights.batchNormEpsilon).squareRoot()
            }
        }
    }

    /// From every part's gradient sums (Σg, Σg·x̂): adds dγ and dβ to the first part's gradients (once for
    /// the whole batch) and writes the means Σg/n, Σg·x̂/n to every part's `gradientMeans`.
    static func gradients(_ parts: ArraySlice<NetworkWorkspace>, channels: Int, rows: Int,
                          gradGamma: Int, gradBeta: Int) {
        let total = reduce(parts, count: 2 * channels)
        let grads = parts.first!.gradients.pointer
        for c in 0..<channels {
            grads[gradGamma + c] += Float(total[channels + c])
            grads[gradBeta + c] += Float(total[c])
        }
        for ws in parts {
            for c in 0..<2 * channels { ws.gradientMeans.pointer[c] = Float(total[c] / Double(rows)) }
        }
    }

    /// Sum over the parts, in part order, of the first `count` of their `partialSums`.
    private static func reduce(_ parts: ArraySlice<NetworkWorkspace>, count: Int) -> [Double] {
        var total = [Double](repeating: 0, count: count)
        for ws in parts {
            for k in 0..<count { total[k] += ws.partialSums.pointer[k] }
        }
        return total
    }
}
