/// The dense layers after global average pooling, 16 windows at a time: lane `l` of every
/// `SIMD16<Float>` is window `l`. Each lane performs exactly the operations of
/// `ReferenceKernels.dense` (`sum = bias; sum += w · x` in input order, multiply then add, no fused
/// multiply-add), so the results are the reference's bits for the same features, in every variant.
/// Generic over the `KernelPolicy` only so that each kernel module's copy is its own (the policy
/// does not change the arithmetic: lanes are always `SIMD16<Float>`).
public enum HeadKernels {
    /// `y[o] = bias[o] + Σ_i weight[o][i] · x[i]` lane-wise; `x` `[inFeatures]`, `y` `[outFeatures]`,
    /// `weight` `[outFeatures][inFeatures]` (model-file layout).
    @inlinable @inline(__always)
    public static func dense<P: KernelPolicy>(
        _: P.Type, x: UnsafePointer<SIMD16<Float>>, inFeatures: Int, weight: UnsafePointer<Float>,
        bias: UnsafePointer<Float>, outFeatures: Int, y: UnsafeMutablePointer<SIMD16<Float>>
    ) {
        for o in 0..<outFeatures {
            var sum = SIMD16<Float>(repeating: bias[o])
            let row = weight + o &* inFeatures
            for i in 0..<inFeatures {
                let product = SIMD16<Float>(repeating: row[i]) * x[i]
                sum = sum + product
            }
            y[o] = sum
        }
    }
}
