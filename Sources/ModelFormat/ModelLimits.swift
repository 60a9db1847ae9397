/// Documented caps on what a model file may declare (docs/model-format.md), checked before anything is
/// allocated for the network, so a small file cannot make codingscan take gigabytes or hours.
///
/// The built-in model (78,337 parameters; 64 channels, kernel 9, about 11,000 multiply-adds per base)
/// sits far inside every cap.
public enum ModelLimits {
    /// Most layers in `layers`.
    public static let layers = 64
    /// Most input or output channels of a conv1d.
    public static let channels = 1024
    /// Widest conv1d kernel, bases (positions of the layer's input).
    public static let kernel = 129
    /// Largest maxpool1d / subsample1d size.
    public static let pool = 64
    /// Most input or output units of a dense layer.
    public static let denseUnits = 4096
    /// Most parameters (F32 values) in all tensors together: 64 MiB of weights.
    public static let parameters = 1 << 24
    /// Most multiply-adds of the convolutions per input base (the model's cost per base scanned).
    public static let workPerBase = 1 << 20
    /// Most multiply-adds of the convolutions for one window of `max_window` bases.
    public static let workPerWindow = 1 << 36
    /// Largest model file: the 8-byte length, the largest header and every parameter as F32.
    public static let fileBytes = 8 + SafetensorsContainer.maxHeaderLength + 4 * parameters

    /// Multiply-adds of the convolutions per input base: each conv1d costs in × out × kernel per position
    /// of its input, and a position there stands for the product of the pool sizes before it.
    static func workPerBase(_ layers: [LayerSpec]) -> Double {
        var stride = 1.0
        var work = 0.0
        for layer in layers {
            switch layer {
            case let .conv1d(i, o, k): work += Double(i) * Double(o) * Double(k) / stride
            case let .maxPool1d(p), let .subsample1d(p): stride *= Double(p)
            default: break
            }
        }
        return work
    }
}
