import Kernels

/// The fast inference kernels for any x86-64 (or other) CPU: `TileGEMM`, `OneHotConv`,
/// `ActivationKernels`, `HeadKernels` and `FMAPeak` instantiated here, in a module built without
/// target flags (baseline SSE2 on x86-64), with `SIMD4<Float>` vectors and separate multiply and add.
/// The fallback when the CPU has neither AVX-512 nor AVX2 + FMA. A module of its own, like
/// `AVX2Kernels` and `AVX512Kernels` (same interface), so that the generic kernels are specialised
/// here in debug builds too.
public enum PortableKernels {
    /// Floats per vector.
    public static let vectorWidth = 4
    /// Vectors per tile row.
    /// Tiles are 6 × 2 vectors: 12 of the 16 XMM registers.
    public static let maxVectors = 2

    public static func gemm(_ problem: GEMMProblem) {
        TileGEMM.multiply(PortablePolicy.self, maxVectors: maxVectors, problem)
    }

    public static func oneHotConv(_ problem: OneHotConvProblem) {
        OneHotConv.run(PortablePolicy.self, problem)
    }

    public static func maxPool(input: UnsafePointer<Float>, outputs: Int, size: Int, stride: Int,
                               output: UnsafeMutablePointer<Float>) {
        ActivationKernels.maxPool(PortablePolicy.self, input: input, outputs: outputs, size: size, stride: stride,
                                  output: output)
    }

    public static func relu(_ x: UnsafeMutablePointer<Float>, count: Int) {
        ActivationKernels.relu(PortablePolicy.self, x, count: count)
    }

    /// `HeadKernels.dense` (16 windows per vector whatever the variant; no fused multiply-add).
    public static func headDense(x: UnsafePointer<SIMD16<Float>>, inFeatures: Int, weight: UnsafePointer<Float>,
                                 bias: UnsafePointer<Float>, outFeatures: Int, y: UnsafeMutablePointer<SIMD16<Float>>) {
        HeadKernels.dense(PortablePolicy.self, x: x, inFeatures: inFeatures, weight: weight, bias: bias,
                          outFeatures: outFeatures, y: y)
    }

    /// `FMAPeak.run` with this module's vectors (multiply then add: no FMA here).
    public static func peak(iterations: Int, seed: Float) -> Float {
        FMAPeak.run(PortablePolicy.self, iterations: iterations, seed: seed)
    }
}

/// The portable policy: 4-float vectors, multiply then add. Private to this module, so every
/// specialisation the compiler emits out of line carries this module's name (see `KernelPolicy`).
enum PortablePolicy: KernelPolicy {
    typealias Vector = SIMD4<Float>

    @inline(__always)
    static func multiplyAdd(_ acc: Vector, _ a: Vector, _ b: Vector) -> Vector { acc + a * b }
}
