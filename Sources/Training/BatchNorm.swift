/// Batch normalisation over the rows of a `[rows][channels]` matrix (rows = samples × positions),
/// one mean and variance per channel. Sums are taken in Double.
enum BatchNorm {
    /// Training-mode forward with the batch's own statistics:
    /// `x̂ = (x − mean) / √(var + ε)` (written over `values`), `output = γ · x̂ + β`.
    /// - Parameters:
    ///   - values: `[rows][channels]` input, replaced by `x̂` (kept for the backward pass).
    ///   - output: `[rows][channels]`, overwritten.
    ///   - mean, variance: `[channels]`, receive the batch mean and biased variance.
    ///   - invStd: `[channels]`, receives `1 / √(var + ε)`.
    static func forwardTraining(
        values: UnsafeMutablePointer<Float>, rows: Int, channels: Int,
        gamma: UnsafePointer<Float>, beta: UnsafePointer<Float>, epsilon: Float,
        output: UnsafeMutablePointer<Float>, mean: UnsafeMutablePointer<Float>,
        variance: UnsafeMutablePointer<Float>, invStd: UnsafeMutablePointer<Float>
    ) {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: channels) { sums in
            let sum = sums.baseAddress!
            sum.update(repeating: 0, count: channels)
            for r in 0..<rows {
                let row = values + r * channels
                for c in 0..<channels { sum[c] += Double(row[c]) }
            }
            for c in 0..<channels { mean[c] = Float(sum[c] / Double(rows)) }
            sum.update(repeating: 0, count: channels)
            for r in 0..<rows {
                let row = values + r * channels
                for c in 0..<channels {
                    let d = Double(row[c] - mean[c])
                    sum[c] += d * d
                }
            }
            for c in 0..<channels {
                variance[c] = Float(sum[c] / Double(rows))
                invStd[c] = 1 / (variance[c] + epsilon).squareRoot()
            }
        }
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

    /// Backward of `forwardTraining`: with `g = gradOutput`,
    /// `dγ += Σ g · x̂`, `dβ += Σ g`, `dx = γ · invStd · (g − Σg / n − x̂ · Σ(g · x̂) / n)`.
    /// - Parameters:
    ///   - normalized: `x̂` from the forward pass, `[rows][channels]`.
    ///   - grad: `[rows][channels]` gradient of the output, replaced by the input gradient.
    static func backward(
        normalized: UnsafePointer<Float>, grad: UnsafeMutablePointer<Float>, rows: Int, channels: Int,
        gamma: UnsafePointer<Float>, invStd: UnsafePointer<Float>,
        gradGamma: UnsafeMutablePointer<Float>, gradBeta: UnsafeMutablePointer<Float>
    ) {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * channels) { sums in
            let sumG = sums.baseAddress!
            let sumGX = sumG + channels
            sumG.update(repeating: 0, count: 2 * channels)
            for r in 0..<rows {
                let g = grad + r * channels
                let x = normalized + r * channels
                for c in 0..<channels {
                    sumG[c] += Double(g[c])
                    sumGX[c] += Double(g[c] * x[c])
                }
            }
            withUnsafeTemporaryAllocation(of: Float.self, capacity: 3 * channels) { coefficients in
                let a = coefficients.baseAddress!
                let meanG = a + channels
                let meanGX = a + 2 * channels
                for c in 0..<channels {
                    gradGamma[c] += Float(sumGX[c])
                    gradBeta[c] += Float(sumG[c])
                    a[c] = gamma[c] * invStd[c]
                    meanG[c] = Float(sumG[c] / Double(rows))
                    meanGX[c] = Float(sumGX[c] / Double(rows))
                }
                for r in 0..<rows {
                    let g = grad + r * channels
                    let x = normalized + r * channels
                    for c in 0..<channels { g[c] = a[c] * (g[c] - meanG[c] - x[c] * meanGX[c]) }
                }
            }
        }
    }
}
