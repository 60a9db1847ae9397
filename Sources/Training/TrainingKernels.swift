import Inference
import Kernels
import KernelsAVX2

/// Which build of the convolution products training runs: the AVX2 + FMA build (`AVX2Kernels.training`)
/// where the CPU has AVX2 and FMA (AVX-512 CPUs included: the products use 8-float panels), else the
/// baseline build; `CODINGSCAN_KERNELS=portable` asks for the baseline, as it does for scanning.
/// Models trained with different builds differ in the last bits of their weights (one rounding per
/// fused multiply-add instead of two); the same build, seed and thread count give the same bytes.
public enum TrainingKernels {
    /// The build for this CPU and environment, chosen once.
    public static let gemm: TrainingGEMM = KernelVariant.fromEnvironment() == .portable ? .baseline : AVX2Kernels.training()
}
