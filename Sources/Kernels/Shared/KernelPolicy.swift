/// What one build of the fast inference kernels uses: the SIMD vector type and how `acc + a · b` is
/// computed. The kernels (`TileGEMM`, `OneHotConv`, `ActivationKernels`, `HeadKernels`, `FMAPeak`)
/// are written once, generic over a policy, and each kernel module (`KernelsPortable`, `KernelsAVX2`,
/// `KernelsAVX512`) instantiates them with a policy type of its own, compiled with its own target
/// flags.
///
/// The policy type is private to its module on purpose: every specialisation that the compiler
/// does not inline is mangled with it, so two modules can never emit a function under the same
/// name and have the linker keep the AVX-512 copy for a caller that runs on any CPU.
public protocol KernelPolicy {
    associatedtype Vector: FloatVector
    /// `acc + a · b`, lane by lane: a fused multiply-add (`addingProduct`, one rounding) in modules
    /// built with FMA, a multiply then an add in the portable module (baseline x86-64 code would
    /// turn `addingProduct` into calls to `fmaf`).
    static func multiplyAdd(_ acc: Vector, _ a: Vector, _ b: Vector) -> Vector
}
