/// What a `SpanScorer` has computed so far, for benchmarks and `-v` output. FLOPs count a
/// multiply-add as 2.
public struct InferenceStatistics: Sendable, Equatable {
    /// FLOPs of the convolution stack as the model defines it (every convolution, the first one
    /// counted as a dense 4-channel convolution), for every position actually computed.
    public var nominalFLOPs: Double = 0
    /// FLOPs the GEMM kernels executed (convolutions after the first, padding included).
    public var gemmFLOPs: Double = 0
    /// Seconds spent in the GEMM kernels.
    public var gemmSeconds: Double = 0
    /// Seconds spent in the convolution stack (first layer, GEMMs, pooling, ReLU).
    public var stackSeconds: Double = 0
    /// Window-strands scored by the fast path (one window on both strands counts 2).
    public var strandWindows = 0

    public init() {}

    /// Adds another scorer's counts.
    public mutating func add(_ other: InferenceStatistics) {
        nominalFLOPs += other.nominalFLOPs
        gemmFLOPs += other.gemmFLOPs
        gemmSeconds += other.gemmSeconds
        stackSeconds += other.stackSeconds
        strandWindows += other.strandWindows
    }
}
