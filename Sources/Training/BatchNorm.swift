/// Batch normalisation over the rows of a `[rows][channels]` matrix (rows = samples × positions),
/// one mean and variance per channel, in pieces that let a mini-batch split over threads be normalised
/// with the statistics of the whole mini-batch: each part adds its rows to per-channel sums (Double),
/// the sums of all parts are reduced, and each part then applies the result to its rows.
enum BatchNorm {
    /// `sum[c] += Σ_rows values[r][c]` (Double).
    static func addSums(values: UnsafePointer<Float>, rows: Int, channels: Int, into sum: UnsafeMutablePointer<Double>) {
        for r in 0..<rows {
            let row = values + r * channels
            for c in 0..<channels { sum[c] += Double(row[c]) }
        }
    }

    /// `sum[c] += Σ_rows (values[r][c] − mean[c])²` (Double), the second pass of the variance.
    static func addSquaredDeviations(values: UnsafePointer<Float>, rows: Int, channels: Int,
                                     mean: UnsafePointer<Float>, into sum: UnsafeMutablePointer<Double>) {
        for r in 0..<rows {
            let row = values + r * channels
            for c in 0..<channels {
                let d = Double(row[c] - mean[c])
                sum[c] += d * d
            }
        }
    }

    /// Training-mode normalisation with the mini-batch's `mean` and `invStd = 1/√(var + ε)`:
    /// `x̂ = (x − mean) · invStd` (written over `values`, kept for the backward pass), `output = γ · x̂ + β`.
    static func normalize(values: UnsafeMutablePointer<Float>, rows: Int, channels: Int,
                          gamma: UnsafePointer<Float>, beta: UnsafePointer<Float>, mean: UnsafePointer<Float>,
                          invStd: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>) {
        for r in 0..<rows {
            let row = values + r * channels
            let out = output + r * channels
            for c in 0..<channels {
                let xhat = (row[c] - mean[c]) * invStd[c]
                row[c] = xhat
                out[c] = gamma[c] * xhat + beta[c]
            }
        }
    }

    /// Eval-mode forward: `output = values · scale + shift` per channel (running statistics folded
    /// into `scale` and `shift`, see `NetworkWeights.batchNormScaleShift`). May work in place.
    static func forwardInference(
        values: UnsafePointer<Float>, rows: Int, channels: Int,
        scale: UnsafePointer<Float>, shift: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>
    ) {
        for r in 0..<rows {
            let row = values + r * channels
            let out = output + r * channels
            for c in 0..<channels { out[c] = row[c] * scale[c] + shift[c] }
        }
    }

    /// The backward pass's sums over this part's rows, with `g = grad`: `sums[c] += Σ g`,
    /// `sums[channels + c] += Σ g · x̂` (Double).
    static func addGradientSums(normalized: UnsafePointer<Float>, grad: UnsafePointer<Float>, rows: Int,
                                channels: Int, into sums: UnsafeMutablePointer<Double>) {
        let sumG = sums
        let sumGX = sums + channels
        for r in 0..<rows {
            let g = grad + r * channels
            let x = normalized + r * channels
            for c in 0..<channels {
                sumG[c] += Double(g[c])
                sumGX[c] += Double(g[c] * x[c])
            }
        }
    }

    /// Backward through the normalisation with the mini-batch means `meanG = Σg / n` and
    /// `meanGX = Σ(g · x̂) / n` (n = rows of the whole mini-batch):
    /// `dx = γ · invStd · (g − meanG − x̂ · meanGX)`, written over `grad`.
    static func applyBackward(normalized: UnsafePointer<Float>, grad: UnsafeMutablePointer<Float>, rows: Int,
                              channels: Int, gamma: UnsafePointer<Float>, invStd: UnsafePointer<Float>,
                              meanG: UnsafePointer<Float>, meanGX: UnsafePointer<Float>) {
        withUnsafeTemporaryAllocation(of: Float.self, capacity: channels) { buffer in
            let a = buffer.baseAddress!
            for c in 0..<channels { a[c] = gamma[c] * invStd[c] }
            for r in 0..<rows {
                let g = grad + r * channels
                let x = normalized + r * channels
                for c in 0..<channels { g[c] = a[c] * (g[c] - meanG[c] - x[c] * meanGX[c]) }
            }
        }
    }
}

extension BatchNorm {
    /// Training-mode forward of one whole batch, composed of the pieces above: statistics of `values`
    /// (`mean`, biased `variance`, `invStd`), `x̂` written over `values`, `output = γ · x̂ + β`.
    static func forwardTraining(
        values: UnsafeMutablePointer<Float>, rows: Int, channels: Int,
        gamma: UnsafePointer<Float>, beta: UnsafePointer<Float>, epsilon: Float,
        output: UnsafeMutablePointer<Float>, mean: UnsafeMutablePointer<Float>,
        variance: UnsafeMutablePointer<Float>, invStd: UnsafeMutablePointer<Float>
    ) {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: channels) { sums in
            let sum = sums.baseAddress!
            sum.update(repeating: 0, count: channels)
            addSums(values: values, rows: rows, channels: channels, into: sum)
            for c in 0..<channels { mean[c] = Float(sum[c] / Double(rows)) }
            sum.update(repeating: 0, count: channels)
            addSquaredDeviations(values: values, rows: rows, channels: channels, mean: mean, into: sum)
            for c in 0..<channels {
                variance[c] = Float(sum[c] / Double(rows))
                invStd[c] = 1 / (variance[c] + epsilon).squareRoot()
            }
        }
        normalize(values: values, rows: rows, channels: channels, gamma: gamma, beta: beta, mean: mean,
                  invStd: invStd, output: output)
    }

    /// Backward of `forwardTraining` over one whole batch: `dγ += Σ g · x̂`, `dβ += Σ g`, and `grad`
    /// replaced by the input gradient.
    static func backward(
        normalized: UnsafePointer<Float>, grad: UnsafeMutablePointer<Float>, rows: Int, channels: Int,
        gamma: UnsafePointer<Float>, invStd: UnsafePointer<Float>,
        gradGamma: UnsafeMutablePointer<Float>, gradBeta: UnsafeMutablePointer<Float>
    ) {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * channels) { sums in
            let sum = sums.baseAddress!
            sum.update(repeating: 0, count: 2 * channels)
            addGradientSums(normalized: normalized, grad: grad, rows: rows, channels: channels, into: sum)
            withUnsafeTemporaryAllocation(of: Float.self, capacity: 2 * channels) { means in
                let m = means.baseAddress!
                for c in 0..<channels {
                    gradGamma[c] += Float(sum[channels + c])
                    gradBeta[c] += Float(sum[c])
                }
                for k in 0..<2 * channels { m[k] = Float(sum[k] / Double(rows)) }
                applyBackward(normalized: normalized, grad: grad, rows: rows, channels: channels, gamma: gamma,
                              invStd: invStd, meanG: m, meanGX: m + channels)
            }
        }
    }
}
