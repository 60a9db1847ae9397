import Windows

/// The network's first convolution (4 one-hot channels in), with the ReLU and max pooling that
/// directly follow it, ready for `OneHotConv`.
struct OneHotStem: Sendable {
    let kernel: Int
    /// Output channels of the model.
    let channels: Int
    /// `channels` padded to a multiple of 16 (zero weights and bias in the padding).
    let stride: Int
    let relu: Bool
    /// Fused pool size (the stride between output rows); 1 when no pooling follows.
    let pool: Int
    /// Positions maxed per output row: `pool` after max pooling, 1 after subsampling.
    let taps: Int
    /// `[16][kernel][stride]`: row `(m, j)` is `Σ_i w[o][i][j] · oneHot(m)[i]` (i = A, C, G, T in order).
    let forwardTable: [Float]
    /// The same for the reverse complement: row `(m, j)` of `forwardTable` for `complement(m)`.
    let reverseTable: [Float]
    /// `[stride]`.
    let bias: [Float]

    /// - Parameters:
    ///   - weight: `[channels][4][kernel]` (model-file layout); `bias`: `[channels]`.
    init(weight: [Float], bias: [Float], channels: Int, kernel: Int, relu: Bool, pool: Int,
         subsample: Bool = false) {
        self.kernel = kernel
        self.channels = channels
        self.relu = relu
        self.pool = pool
        taps = subsample ? 1 : pool
        let stride = KernelSet.padded(channels)
        self.stride = stride
        var forward = [Float](repeating: 0, count: 16 * kernel * stride)
        var reverse = forward
        for mask in 0..<16 {
            let hot = BaseEncoding.oneHot(UInt8(mask))
            let complement = Int(BaseEncoding.complement(UInt8(mask)))
            for j in 0..<kernel {
                for o in 0..<channels {
                    var sum: Float = 0
                    for i in 0..<4 where hot[i] != 0 { sum += weight[(o * 4 + i) * kernel + j] * hot[i] }
                    forward[(mask * kernel + j) * stride + o] = sum
                    reverse[(complement * kernel + j) * stride + o] = sum
                }
            }
        }
        forwardTable = forward
        reverseTable = reverse
        self.bias = bias + [Float](repeating: 0, count: stride - channels)
    }

    /// The largest value of each output channel for any input (any IUPAC masks), `[channels]`:
    /// `bias[o] + Σ_j max_m table(m, j)[o]`, and at least 0 after the ReLU (`relu`).
    func outputBound() -> [Float] {
        (0..<channels).map { o in
            var sum = bias[o]
            for j in 0..<kernel {
                sum += (0..<16).map { forwardTable[($0 * kernel + j) * stride + o] }.max()!
            }
            return relu ? max(0, sum) : sum
        }
    }

    /// Output positions for `length` input positions: `(length − kernel + 1) / pool`, or 0.
    func outputLength(_ length: Int) -> Int {
        length < kernel ? 0 : (length - kernel + 1) / pool
    }

    /// Multiply-adds per input position of the equivalent dense convolution (`4 · kernel · channels`).
    var nominalMultiplyAdds: Int { 4 * kernel * channels }
}
