/// One call of `OneHotConv`: the first convolution of the network read straight from IUPAC masks,
/// with its ReLU and the max pooling after it fused in.
///
/// Positions are in the oriented coordinate of one strand: oriented position `q` has mask
/// `masks[q · direction]` (`direction` = +1 for the forward strand; −1 with `masks` pointing at the
/// last base and a complemented table for the reverse complement). Output row `u` is
/// `act(max_{j < taps} conv(first + u · pool + j))` (`taps` = `pool` for max pooling, 1 for
/// subsampling), where
/// `conv(q)[o] = bias[o] + Σ_{jj < kernel} table[(mask(q + jj) · kernel + jj) · channels + o]`
/// and `act` is ReLU or the identity.
public struct OneHotConvProblem {
    /// Mask of oriented position 0 (4-bit `BaseEncoding` masks).
    public var masks: UnsafePointer<UInt8>
    /// +1 or −1: oriented position `q` is `masks[q · direction]`.
    public var direction: Int
    /// Oriented position of the first input of output row 0.
    public var first: Int
    /// Output rows (pooled positions).
    public var outputs: Int
    public var kernel: Int
    /// Pool size, the stride between output rows (1: no pooling).
    public var pool: Int
    /// Positions maxed per output row: `pool` for max pooling, 1 for subsampling.
    public var taps: Int
    /// Output channels, padded to a multiple of the kernel's vector width.
    public var channels: Int
    /// `[16][kernel][channels]`: row `(m, jj)` is `Σ_i w[o][i][jj] · oneHot(m)[i]` for every `o`.
    public var table: UnsafePointer<Float>
    /// `[channels]`.
    public var bias: UnsafePointer<Float>
    public var relu: Bool
    /// `[outputs][channels]`, overwritten.
    public var output: UnsafeMutablePointer<Float>

    public init(masks: UnsafePointer<UInt8>, direction: Int, first: Int, outputs: Int, kernel: Int, pool: Int,
                channels: Int, table: UnsafePointer<Float>, bias: UnsafePointer<Float>, relu: Bool,
                output: UnsafeMutablePointer<Float>, taps: Int? = nil) {
        self.masks = masks
        self.direction = direction
        self.first = first
        self.outputs = outputs
        self.kernel = kernel
        self.pool = pool
        self.taps = taps ?? pool
        precondition(self.taps >= 1 && self.taps <= pool, "taps must be in 1...pool")
        self.channels = channels
        self.table = table
        self.bias = bias
        self.relu = relu
        self.output = output
    }
}
