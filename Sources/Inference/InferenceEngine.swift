import ModelFormat
import ScalarInference

/// The fast forward pass of one model, shared by all scanning threads: the model compiled for the
/// chosen kernel variant. Each thread scores through its own `SpanScorer` (`makeScorer()`).
///
/// Networks the fast path does not support (first layer not a convolution) are scored window by
/// window with the reference network (`ScalarInference.ReferenceNetwork`); `isFast` tells which.
public final class InferenceEngine: Sendable {
    public let model: Model
    /// The kernel build in use.
    public let variant: KernelVariant
    /// The arithmetic of the convolutions after the first.
    public let precision: Precision
    let network: FastNetwork?
    /// The scalar reference network, for networks the fast path does not support (nil otherwise).
    let reference: ReferenceNetwork?

    /// Compiles `model` for `variant` (default: the best the CPU supports, or the lower one asked for
    /// in `CODINGSCAN_KERNELS`). A variant the CPU lacks is replaced by the best supported one.
    /// `precision` `.int8` gives the same scores on every variant.
    public init(model: Model, variant: KernelVariant = .fromEnvironment(), precision: Precision = .fp32) {
        let chosen = variant.isSupported ? variant : KernelVariant.best
        self.model = model
        self.variant = chosen
        self.precision = precision
        network = FastNetwork(model: model, kernels: KernelSet(chosen), precision: precision)
        reference = network == nil ? ReferenceNetwork(model) : nil
    }

    /// True when windows go through the shared-work fast path.
    public var isFast: Bool { network != nil }

    /// Product of the pooling sizes: windows whose starts differ by a multiple of it share all their
    /// features (1 for the reference path).
    public var totalStride: Int { network?.totalStride ?? 1 }

    /// One line for `-v` output.
    public var summary: String {
        guard isFast else { return "reference forward pass (network not supported by the fast path)" }
        guard precision == .int8 else { return "kernels \(variant.summary)" }
        return "kernels \(variant.summary), 8-bit convolutions"
            + (variant.hasEightBitDotProducts ? "" : " on the portable kernel (no VNNI: slower than floats here)")
    }

    /// A scorer for one thread.
    public func makeScorer() -> SpanScorer { SpanScorer(engine: self) }
}
