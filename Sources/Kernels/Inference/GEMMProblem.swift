/// One product for `TileGEMM`: `C[t][n] = act(bias[n] + Σ_{r < depth} A[t][r] · B[r][n])` for
/// `t < rows`, `n < columns`, where `act` is ReLU or the identity.
///
/// `A` is an overlapping-rows matrix (as in `PanelGEMM`): row `t` is the contiguous slice
/// `a[index(t) · rowStride ..< index(t) · rowStride + depth]`, with `index(t) = t`, or
/// `rowIndex[t]` when a row list is given (the rows of a sparse convolution output). With
/// position-major activations `[length][Cin]`, `rowStride = Cin` and `depth = kernel · Cin` make row
/// `t` the im2col row of a VALID convolution at position `index(t)`.
///
/// `B` is `[depth][columns]` packed by `TileGEMM.pack` for the same vector width and panel policy.
/// `C[t][n]` is `c[t · ldc + n]` (row `t` of the output, in list order), overwritten.
/// Pointers are preconditions: the caller sizes every buffer.
public struct GEMMProblem {
    public var a: UnsafePointer<Float>
    /// Floats between consecutive positions of `a` (the input channels, padded).
    public var rowStride: Int
    /// nil: row `t` starts at position `t`; else at position `rowIndex[t]` (`rows` entries).
    public var rowIndex: UnsafePointer<Int32>?
    public var rows: Int
    public var depth: Int
    /// `TileGEMM.pack` output for `[depth][columns]`.
    public var packed: UnsafePointer<Float>
    /// `[columns]`.
    public var bias: UnsafePointer<Float>
    /// Output columns; a multiple of the kernel's vector width.
    public var columns: Int
    public var c: UnsafeMutablePointer<Float>
    /// Floats between output rows; at least `columns`.
    public var ldc: Int
    /// Apply ReLU (`x >= 0 ? x : 0`) to every output.
    public var relu: Bool

    public init(a: UnsafePointer<Float>, rowStride: Int, rowIndex: UnsafePointer<Int32>?, rows: Int, depth: Int,
                packed: UnsafePointer<Float>, bias: UnsafePointer<Float>, columns: Int,
                c: UnsafeMutablePointer<Float>, ldc: Int, relu: Bool) {
        self.a = a
        self.rowStride = rowStride
        self.rowIndex = rowIndex
        self.rows = rows
        self.depth = depth
        self.packed = packed
        self.bias = bias
        self.columns = columns
        self.c = c
        self.ldc = ldc
        self.relu = relu
    }
}
