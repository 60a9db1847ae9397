/// The two `PanelGEMM` products the trainer runs (`multiply`: convolution and dense forward passes and
/// input gradients; `accumulateTransposedProduct`: weight gradients), as function values of one
/// CPU build, so training calls the fastest build the CPU can run. The packed layout (8-column
/// panels) is the same in every build; only the arithmetic differs (FMA rounds once, so models
/// trained with different builds differ in their last bits).
public struct TrainingGEMM: Sendable {
    /// Which build: `baseline` (SSE2, multiply then add) or the module that supplied the functions.
    public let name: String
    /// `PanelGEMM.multiply(a:rows:rowStride:depth:packedB:columns:bias:c:ldc:)`.
    public let multiply: @Sendable (_ a: UnsafePointer<Float>, _ rows: Int, _ rowStride: Int, _ depth: Int,
                                    _ packedB: UnsafePointer<Float>, _ columns: Int, _ bias: UnsafePointer<Float>?,
                                    _ c: UnsafeMutablePointer<Float>, _ ldc: Int) -> Void
    /// `PanelGEMM.accumulateTransposedProduct(a:rows:rowStride:depth:d:ldd:columns:c:ldc:)`.
    public let accumulateTransposedProduct: @Sendable (_ a: UnsafePointer<Float>, _ rows: Int, _ rowStride: Int,
                                                       _ depth: Int, _ d: UnsafePointer<Float>, _ ldd: Int,
                                                       _ columns: Int, _ c: UnsafeMutablePointer<Float>,
                                                       _ ldc: Int) -> Void

    public init(name: String,
                multiply: @escaping @Sendable (UnsafePointer<Float>, Int, Int, Int, UnsafePointer<Float>, Int,
                                               UnsafePointer<Float>?, UnsafeMutablePointer<Float>, Int) -> Void,
                accumulateTransposedProduct: @escaping @Sendable (UnsafePointer<Float>, Int, Int, Int,
                                                                  UnsafePointer<Float>, Int, Int,
                                                                  UnsafeMutablePointer<Float>, Int) -> Void) {
        self.name = name
        self.multiply = multiply
        self.accumulateTransposedProduct = accumulateTransposedProduct
    }

    /// This module's build: baseline x86-64 code, runs on every CPU.
    public static let baseline = TrainingGEMM(
        name: "baseline",
        multiply: { PanelGEMM.multiply(a: $0, rows: $1, rowStride: $2, depth: $3, packedB: $4, columns: $5, bias: $6,
                                      c: $7, ldc: $8) },
        accumulateTransposedProduct: { PanelGEMM.accumulateTransposedProduct(a: $0, rows: $1, rowStride: $2, depth: $3,
                                                                            d: $4, ldd: $5, columns: $6, c: $7, ldc: $8) })
}
