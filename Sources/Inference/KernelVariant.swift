#if canImport(Glibc)
import Glibc
#endif
import CPUFeatures

/// Which build of the fast kernels runs: chosen at run time from the CPU's features, so that the
/// binary runs on any x86-64 CPU and never executes an instruction the CPU lacks (no SIGILL).
public enum KernelVariant: String, CaseIterable, Sendable {
    /// `PortableKernels`: baseline code generation, `SIMD4<Float>`, separate multiply and add.
    case portable
    /// `AVX2Kernels`: AVX2 + FMA, `SIMD8<Float>` (YMM).
    case avx2
    /// `AVX2Kernels` for floats, and `AVXVNNIKernels` (the 256-bit AVX-VNNI of CPUs without
    /// AVX-512) for the 8-bit products of `--precision int8`.
    case avxvnni
    /// `AVX512Kernels`: AVX-512 F/VL/BW/DQ, `SIMD16<Float>` (ZMM).
    case avx512
    /// `AVX512Kernels` for floats, and `VNNIKernels` (AVX-512 VNNI) for the 8-bit products of
    /// `--precision int8`; the other variants run those with `Int8GEMM.multiplyPortable`, to the
    /// same floats.
    case avx512vnni

    /// The environment variable that can ask for a lower variant (for tests and comparisons):
    /// `portable`, `avx2`, `avxvnni`, `avx512` or `avx512vnni`. A variant the CPU lacks is never used.
    public static let environmentKey = "CODINGSCAN_KERNELS"

    /// Ordered from the most portable to the widest.
    var rank: Int {
        switch self {
        case .portable: return 0
        case .avx2: return 1
        case .avxvnni: return 2
        case .avx512: return 3
        case .avx512vnni: return 4
        }
    }

    /// True when this CPU (and its OS) can run the variant.
    public var isSupported: Bool {
        switch self {
        case .portable: return true
        case .avx2: return codingscan_cpu_has_avx2_fma() != 0
        case .avxvnni: return codingscan_cpu_has_avx_vnni() != 0
        case .avx512: return codingscan_cpu_has_avx512() != 0
        case .avx512vnni: return codingscan_cpu_has_avx512_vnni() != 0
        }
    }

    /// The widest variant this CPU supports.
    public static var best: KernelVariant {
        allCases.filter(\.isSupported).max { $0.rank < $1.rank }!
    }

    /// The widest supported variant not wider than `requested` (nil: `best`).
    public static func choose(requested: KernelVariant?) -> KernelVariant {
        guard let requested else { return best }
        return allCases.filter { $0.isSupported && $0.rank <= requested.rank }.max { $0.rank < $1.rank }!
    }

    /// `choose(requested:)` with the request read from `CODINGSCAN_KERNELS` (unknown values ignored).
    /// The value of `CODINGSCAN_KERNELS` when it is set but names no variant (it is then ignored).
    public static var unknownEnvironmentValue: String? {
        guard let raw = getenv(environmentKey) else { return nil }
        let value = String(cString: raw)
        return KernelVariant(rawValue: value) == nil ? value : nil
    }

    public static func fromEnvironment() -> KernelVariant {
        guard let raw = getenv(environmentKey) else { return best }
        return choose(requested: KernelVariant(rawValue: String(cString: raw)))
    }

    /// Whether this variant runs `--precision int8` on VNNI dot products (else on the portable kernel,
    /// slower than the float kernels).
    public var hasEightBitDotProducts: Bool { self == .avx512vnni || self == .avxvnni }

    /// One line for `-v` output, e.g. `avx512 (AVX-512, 16-float vectors, fused multiply-add)`.
    public var summary: String {
        switch self {
        case .portable: return "portable (baseline x86-64, 4-float vectors, no FMA)"
        case .avx2: return "avx2 (AVX2 + FMA, 8-float vectors)"
        case .avxvnni: return "avxvnni (AVX2 + FMA, 8-float vectors; AVX-VNNI 8-bit dot products)"
        case .avx512: return "avx512 (AVX-512 F/VL/BW/DQ + FMA, 16-float vectors)"
        case .avx512vnni: return "avx512vnni (AVX-512 F/VL/BW/DQ + FMA, 16-float vectors; VNNI 8-bit dot products)"
        }
    }
}
