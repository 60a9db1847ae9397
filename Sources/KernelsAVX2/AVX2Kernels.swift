import Kernels

/// The fast inference kernels compiled for AVX2 + FMA (this module is built with `-mavx2 -mfma`):
/// `TileGEMM` with `SIMD8<Float>` (one YMM register) and fused multiply-add, tiles of 6 × 2 vectors
/// (12 of the 16 YMM registers), and the other kernels. Call only after `CPUFeatures` reports AVX2
/// and FMA.
public enum AVX2Kernels {
    /// Floats per vector.
    public static let vectorWidth = 8
    /// Vectors per tile row.
    public static let maxVectors = 2

    public static func gemm(_ problem: GEMMProblem) {
        TileGEMM.multiply(AVX2Policy.self, maxVectors: maxVectors, problem)
    }

    public static func oneHotConv(_ problem: OneHotConvProblem) {
        OneHotConv.run(AVX2Policy.self, problem)
    }

    public static func maxPool(input: UnsafePointer<Float>, outputs: Int, size: Int, stride: Int,
                               output: UnsafeMutablePointer<Float>) {
        ActivationKernels.maxPool(AVX2Policy.self, input: input, outputs: outputs, size: size, stride: stride,
                                  output: output)
    }

    public static func relu(_ x: UnsafeMutablePointer<Float>, count: Int) {
        ActivationKernels.relu(AVX2Policy.self, x, count: count)
    }

    /// `HeadKernels.dense` (16 windows per vector whatever the variant; no fused multiply-add).
    public static func headDense(x: UnsafePointer<SIMD16<Float>>, inFeatures: Int, weight: UnsafePointer<Float>,
                                 bias: UnsafePointer<Float>, outFeatures: Int, y: UnsafeMutablePointer<SIMD16<Float>>) {
        HeadKernels.dense(AVX2Policy.self, x: x, inFeatures: inFeatures, weight: weight, bias: bias,
                          outFeatures: outFeatures, y: y)
    }

    /// The trainer's products (`PanelGEMM`, 8-column panels) on YMM registers with fused multiply-add.
    /// A function, not a stored constant: a lazy global's initializer would be code of this module
    /// without the module's name in its symbol (see InstructionSetTests).
    public static func training() -> TrainingGEMM {
        TrainingGEMM(
            name: "avx2",
            multiply: { PanelGEMM.multiply(AVX2Policy.self, a: $0, rows: $1, rowStride: $2, depth: $3, packedB: $4,
                                          columns: $5, bias: $6, c: $7, ldc: $8) },
            accumulateTransposedProduct: { PanelGEMM.accumulateTransposedProduct(AVX2Policy.self, a: $0, rows: $1,
                                                                                rowStride: $2, depth: $3, d: $4, ldd: $5,
                                                                                columns: $6, c: $7, ldc: $8) })
    }

    /// `FMAPeak.run` on YMM registers with `vfmadd`.
    public static func peak(iterations: Int, seed: Float) -> Float {
        FMAPeak.run(AVX2Policy.self, iterations: iterations, seed: seed)
    }
}

/// This module's policy: 8-float vectors (YMM), fused multiply-add (`vfmadd`). Private to this module, so every
/// specialisation the compiler emits out of line carries this module's name (see `KernelPolicy`).
enum AVX2Policy: KernelPolicy {
    typealias Vector = SIMD8<Float>

    @inline(__always)
    static func multiplyAdd(_ acc: Vector, _ a: Vector, _ b: Vector) -> Vector { acc.addingProduct(a, b) }
}
