/// One 8-bit convolution-as-GEMM: `C[t][n] = Float(Σ_r A[t][r] · B[r][n]) · scale[n] + bias[n]` (then
/// ReLU if asked), with `A` unsigned bytes, `B` signed bytes and the sum exact in 32-bit integers.
///
/// `A` is `[positions][rowStride]` bytes and row `t` is the `depth` contiguous bytes starting at
/// position `t` (or `rowIndex[t]`): overlapping rows, as in `GEMMProblem`. The product is the same
/// integer on every CPU, and the conversion `Float(sum) · scale + bias` is two rounded operations
/// (never fused), so every kernel variant writes the same floats.
public struct Int8GEMMProblem {
    public var a: UnsafePointer<UInt8>
    /// Bytes between consecutive positions of `a` (the input channels, padded).
    public var rowStride: Int
    /// nil: row `t` starts at position `t`; else at position `rowIndex[t]` (`rows` entries).
    public var rowIndex: UnsafePointer<Int32>?
    public var rows: Int
    /// A multiple of 4.
    public var depth: Int
    /// `Int8GEMM.pack` output for `[depth][columns]`.
    public var packed: UnsafePointer<Int8>
    /// `[columns]`: the float value of one unit of the integer sum, per column.
    public var scale: UnsafePointer<Float>
    /// `[columns]`.
    public var bias: UnsafePointer<Float>
    /// Output columns; a multiple of 16.
    public var columns: Int
    public var c: UnsafeMutablePointer<Float>
    /// Floats between output rows; at least `columns`.
    public var ldc: Int
    /// Apply ReLU (`x >= 0 ? x : 0`) to every output.
    public var relu: Bool

    public init(a: UnsafePointer<UInt8>, rowStride: Int, rowIndex: UnsafePointer<Int32>?, rows: Int, depth: Int,
                packed: UnsafePointer<Int8>, scale: UnsafePointer<Float>, bias: UnsafePointer<Float>, columns: Int,
                c: UnsafeMutablePointer<Float>, ldc: Int, relu: Bool) {
        self.a = a
        self.rowStride = rowStride
        self.rowIndex = rowIndex
        self.rows = rows
        self.depth = depth
        self.packed = packed
        self.scale = scale
        self.bias = bias
        self.columns = columns
        self.c = c
        self.ldc = ldc
        self.relu = relu
    }

    /// First byte of row `t` of `A`.
    @inlinable @inline(__always)
    public func row(_ t: Int) -> UnsafePointer<UInt8> {
        a + (rowIndex.map { Int($0[t]) } ?? t) * rowStride
    }
}
