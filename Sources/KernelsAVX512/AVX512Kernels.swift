import Kernels

/// The fast inference kernels compiled for AVX-512 (this module is built with `-mavx512f -mavx512vl
/// -mavx512bw -mavx512dq -mfma -mavx2`): `TileGEMM` with `SIMD16<Float>` (one ZMM register) and fused
/// multiply-add, tiles of 6 × 4 vectors (24 of the 32 ZMM registers: 6 rows × 64 columns), and the
/// other kernels. Call only after `CPUFeatures` reports AVX-512.
public enum AVX512Kernels {
    /// Floats per vector.
    public static let vectorWidth = 16
    /// Vectors per tile row.
    public static let maxVectors = 4

    public static func gemm(_ problem: GEMMProblem) {
        TileGEMM.multiply(AVX512Policy.self, maxVectors: maxVectors, problem)
    }

    public static func oneHotConv(_ problem: OneHotConvProblem) {
        OneHotConv.run(AVX512Policy.self, problem)
    }

    public static func maxPool(input: UnsafePointer<Float>, outputs: Int, size: Int, stride: Int,
                               output: UnsafeMutablePointer<Float>) {
        ActivationKernels.maxPool(AVX512Policy.self, input: input, outputs: outputs, size: size, stride: stride,
                                  output: output)
    }

    public static func relu(_ x: UnsafeMutablePointer<Float>, count: Int) {
        ActivationKernels.relu(AVX512Policy.self, x, count: count)
    }

    /// `HeadKernels.dense` (16 windows per vector whatever the variant; no fused multiply-add).
    public static func headDense(x: UnsafePointer<SIMD16<Float>>, inFeatures: Int, weight: UnsafePointer<Float>,
                                 bias: UnsafePointer<Float>, outFeatures: Int, y: UnsafeMutablePointer<SIMD16<Float>>) {
        HeadKernels.dense(AVX512Policy.self, x: x, inFeatures: inFeatures, weight: weight, bias: bias,
                          outFeatures: outFeatures, y: y)
    }

    /// `FMAPeak.run` on ZMM registers with `vfmadd`.
    public static func peak(iterations: Int, seed: Float) -> Float {
        FMAPeak.run(AVX512Policy.self, iterations: iterations, seed: seed)
    }
}

/// This module's policy: 16-float vectors (ZMM), fused multiply-add (`vfmadd`). Private to this module, so every
/// specialisation the compiler emits out of line carries this module's name (see `KernelPolicy`).
enum AVX512Policy: KernelPolicy {
    typealias Vector = SIMD16<Float>

    @inline(__always)
    static func multiplyAdd(_ acc: Vector, _ a: Vector, _ b: Vector) -> Vector { acc.addingProduct(a, b) }
}
