import Kernels

/// A convolution after the first, quantised to 8 bits for `Int8GEMMProblem`.
///
/// Inputs are non-negative (they follow a ReLU) and `inputBound[i]` is the top of input channel `i`
/// (`FastNetwork.calibratedBound`: what its values reach on calibration DNA, with headroom, never
/// above what the weights before allow; larger values saturate at 255). Channel `i` is
/// stored as the byte `q = round(x / s_i)`, `s_i = inputBound[i] / 255`; `s_i` is folded into the
/// weights, which are stored as bytes `round(w[o][i][j] · s_i / t_o)` with one step `t_o` per output
/// channel (the largest folded weight of the channel maps to ±127). An output is then
/// `Float(Σ q · qw) · t_o + bias[o]`, exactly the same on every CPU.
struct Int8Conv: Sendable {
    /// Padded input channels (bytes per position).
    let inStride: Int
    let outStride: Int
    let kernel: Int
    /// `1 / s_i` per padded input channel (0 in the padding and for channels that are always 0).
    let inverseStep: [Float]
    /// `Int8GEMM.pack` of the quantised folded weights, `[kernel · inStride][outStride]`.
    let packed: [Int8]
    /// `t_o` per padded output channel.
    let scale: [Float]
    /// `[outStride]`.
    let bias: [Float]

    /// - Parameters:
    ///   - weight: `[outChannels][inChannels][kernel]` (model-file layout); `bias`: `[outChannels]`.
    ///   - inputBound: `[inChannels]`, each ≥ 0.
    init(weight: [Float], bias: [Float], inChannels: Int, outChannels: Int, kernel: Int, inputBound: [Float]) {
        let inStride = KernelSet.padded(inChannels)
        let outStride = KernelSet.padded(outChannels)
        self.inStride = inStride
        self.outStride = outStride
        self.kernel = kernel
        let step = inputBound.map { $0 > 0 ? $0 / 255 : 0 }
        inverseStep = (0..<inStride).map { $0 < inChannels && step[$0] > 0 ? 1 / step[$0] : 0 }
        var scale = [Float](repeating: 1, count: outStride)
        for o in 0..<outChannels {
            var largest: Float = 0
            for i in 0..<inChannels {
                for j in 0..<kernel { largest = max(largest, abs(weight[(o * inChannels + i) * kernel + j] * step[i])) }
            }
            if largest > 0 { scale[o] = largest / 127 }
        }
        self.scale = scale
        packed = Int8GEMM.pack(depth: kernel * inStride, columns: outStride) { r, o in
            let (j, i) = (r / inStride, r % inStride)
            guard i < inChannels, o < outChannels else { return 0 }
            let folded = weight[(o * inChannels + i) * kernel + j] * step[i] / scale[o]
            return Int8(max(-127, min(127, folded.rounded())))
        }
        self.bias = bias + [Float](repeating: 0, count: outStride - outChannels)
    }

    /// `kernel · inStride`.
    var depth: Int { kernel * inStride }

    /// The largest value output channel `o` can take when input channel `i` lies in
    /// `[0, inputBound[i]]`, before any ReLU: `bias[o] + Σ_{i,j} max(0, w[o][i][j]) · inputBound[i]`
    /// (+∞ where an unbounded input has a positive weight).
    static func outputBound(weight: [Float], bias: [Float], inChannels: Int, outChannels: Int, kernel: Int,
                            inputBound: [Float]) -> [Float] {
        (0..<outChannels).map { o in
            var sum = bias[o]
            for i in 0..<inChannels {
                for j in 0..<kernel where weight[(o * inChannels + i) * kernel + j] > 0 {
                    sum += weight[(o * inChannels + i) * kernel + j] * inputBound[i]
                }
            }
            return sum
        }
    }

    /// Writes `positions` rows of `[inStride]` bytes from the `[positions][inStride]` floats `x`:
    /// `x · (1 / s_i)` clamped to [0, 255] and rounded to the nearest integer (ties to even), the
    /// same on every CPU: adding 1.5 · 2²³ leaves the rounded value in the low bits of the float.
    func quantize(_ x: UnsafePointer<Float>, positions: Int, into out: UnsafeMutablePointer<UInt8>) {
        inverseStep.withUnsafeBufferPointer { inverse in
            let inverse = inverse.baseAddress!
            for t in 0..<positions {
                let row = x + t * inStride
                let bytes = out + t * inStride
                for i in 0..<inStride {
                    var v = row[i] * inverse[i]
                    v = v > 0 ? v : 0
                    v = v < 255 ? v : 255
                    bytes[i] = UInt8(truncatingIfNeeded: (v + 12_582_912).bitPattern)
                }
            }
        }
    }
}
