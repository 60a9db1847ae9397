extension ReferenceKernels {
    /// The 8-bit convolution-as-GEMM of `Int8GEMMProblem`, one output at a time, from the unpacked
    /// `b` (`[depth][columns]`): `c[t][n] = Float(Σ_r Int32(a[row t][r]) · Int32(b[r][n])) · scale[n] +
    /// bias[n]`, ReLU if asked. Rows start at `rowIndex[t]` (or `t`) times `rowStride` bytes of `a`.
    public static func int8GEMM(a: [UInt8], rowStride: Int, rowIndex: [Int32]?, rows: Int, depth: Int, b: [Int8],
                                columns: Int, scale: [Float], bias: [Float], relu: Bool) -> [Float] {
        precondition(b.count == depth * columns && scale.count == columns && bias.count == columns)
        var c = [Float](repeating: 0, count: rows * columns)
        for t in 0..<rows {
            let start = (rowIndex.map { Int($0[t]) } ?? t) * rowStride
            for n in 0..<columns {
                var sum: Int32 = 0
                for r in 0..<depth { sum += Int32(a[start + r]) * Int32(b[r * columns + n]) }
                let product = Float(sum) * scale[n]
                let y = product + bias[n]
                c[t * columns + n] = relu && !(y >= 0) ? 0 : y
            }
        }
        return c
    }
}
