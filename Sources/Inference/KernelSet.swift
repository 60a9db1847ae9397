import Kernels
import KernelsAVX2
import KernelsPortable
import KernelsAVX512
import KernelsAVX512VNNI
import KernelsAVXVNNI

/// The kernels of one `KernelVariant` as function values, so the rest of the module calls through
/// one table. Built only for a supported variant: the flagged modules are never entered otherwise.
struct KernelSet: @unchecked Sendable {
    let variant: KernelVariant
    /// Floats per vector; channel counts are padded to a multiple of 16, which all variants divide.
    let vectorWidth: Int
    /// Vectors per tile row (the panel policy of `TileGEMM.pack`).
    let maxVectors: Int
    let gemm: (GEMMProblem) -> Void
    /// The 8-bit GEMM (`--precision int8`): the same floats on every variant.
    let int8GEMM: (Int8GEMMProblem) -> Void
    let oneHotConv: (OneHotConvProblem) -> Void
    /// `ActivationKernels.maxPool(input:outputs:size:stride:output:)`.
    let maxPool: (UnsafePointer<Float>, Int, Int, Int, UnsafeMutablePointer<Float>) -> Void
    /// `ActivationKernels.relu(_:count:)`.
    let relu: (UnsafeMutablePointer<Float>, Int) -> Void
    /// `HeadKernels.dense(x:inFeatures:weight:bias:outFeatures:y:)`.
    let headDense: (UnsafePointer<SIMD16<Float>>, Int, UnsafePointer<Float>, UnsafePointer<Float>, Int,
                    UnsafeMutablePointer<SIMD16<Float>>) -> Void
    /// `FMAPeak.run(iterations:seed:)` with this variant's vectors.
    let peak: (Int, Float) -> Float

    /// Channel counts are padded to a multiple of this (the widest vector).
    static let channelAlignment = 16

    init(_ variant: KernelVariant) {
        precondition(variant.isSupported, "kernel variant \(variant) is not supported by this CPU")
        self.variant = variant
        switch variant {
        case .avx512vnni: int8GEMM = VNNIKernels.int8GEMM
        case .avxvnni: int8GEMM = AVXVNNIKernels.int8GEMM
        case .portable, .avx2, .avx512: int8GEMM = Int8GEMM.multiplyPortable
        }
        switch variant {
        case .portable:
            vectorWidth = PortableKernels.vectorWidth
            maxVectors = PortableKernels.maxVectors
            gemm = PortableKernels.gemm
            oneHotConv = PortableKernels.oneHotConv
            maxPool = { PortableKernels.maxPool(input: $0, outputs: $1, size: $2, stride: $3, output: $4) }
            relu = { PortableKernels.relu($0, count: $1) }
            headDense = { PortableKernels.headDense(x: $0, inFeatures: $1, weight: $2, bias: $3, outFeatures: $4, y: $5) }
            peak = { PortableKernels.peak(iterations: $0, seed: $1) }
        case .avx2, .avxvnni:
            vectorWidth = AVX2Kernels.vectorWidth
            maxVectors = AVX2Kernels.maxVectors
            gemm = AVX2Kernels.gemm
            oneHotConv = AVX2Kernels.oneHotConv
            maxPool = { AVX2Kernels.maxPool(input: $0, outputs: $1, size: $2, stride: $3, output: $4) }
            relu = { AVX2Kernels.relu($0, count: $1) }
            headDense = { AVX2Kernels.headDense(x: $0, inFeatures: $1, weight: $2, bias: $3, outFeatures: $4, y: $5) }
            peak = { AVX2Kernels.peak(iterations: $0, seed: $1) }
        case .avx512, .avx512vnni:
            vectorWidth = AVX512Kernels.vectorWidth
            maxVectors = AVX512Kernels.maxVectors
            gemm = AVX512Kernels.gemm
            oneHotConv = AVX512Kernels.oneHotConv
            maxPool = { AVX512Kernels.maxPool(input: $0, outputs: $1, size: $2, stride: $3, output: $4) }
            relu = { AVX512Kernels.relu($0, count: $1) }
            headDense = { AVX512Kernels.headDense(x: $0, inFeatures: $1, weight: $2, bias: $3, outFeatures: $4, y: $5) }
            peak = { AVX512Kernels.peak(iterations: $0, seed: $1) }
        }
    }

    /// `channels` rounded up to a multiple of `channelAlignment`.
    static func padded(_ channels: Int) -> Int {
        (channels + channelAlignment - 1) / channelAlignment * channelAlignment
    }
}
