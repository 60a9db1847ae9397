/// One layer of the network, in the order applied. Activations between layers are
/// position-major `[length][channels]` until `globalAveragePool`, then a vector `[features]`.
public enum LayerSpec: Sendable, Equatable {
    /// VALID stride-1 convolution; weight `[out][in][kernel]`, bias `[out]`;
    /// length L → L - kernel + 1.
    case conv1d(in: Int, out: Int, kernel: Int)
    /// Elementwise max(0, x); shape unchanged.
    case relu
    /// Non-overlapping max pooling, window = stride = `size`; length L → L / size (floor).
    case maxPool1d(size: Int)
    /// Non-overlapping subsampling: keeps position `t · size` of each group, length L → L / size
    /// (floor). Keeps the reading frame (for size 3) that max pooling loses; format version 2.
    case subsample1d(size: Int)
    /// Mean over positions: `[length][channels]` → `[channels]`.
    case globalAveragePool
    /// Fully connected; weight `[out][in]`, bias `[out]`; `[in]` → `[out]`.
    case dense(in: Int, out: Int)
    /// Logistic sigmoid; the last layer, turning the single logit into P(coding).
    case sigmoid

    /// The `"type"` string of this layer in the metadata JSON.
    public var typeName: String {
        switch self {
        case .conv1d: return "conv1d"
        case .relu: return "relu"
        case .maxPool1d: return "maxpool1d"
        case .subsample1d: return "subsample1d"
        case .globalAveragePool: return "global_avg_pool"
        case .dense: return "dense"
        case .sigmoid: return "sigmoid"
        }
    }

    /// True for layers that own a weight and a bias tensor (conv1d, dense).
    public var hasParameters: Bool {
        switch self {
        case .conv1d, .dense: return true
        default: return false
        }
    }

    /// Required weight tensor shape: `[out, in, kernel]` for conv1d, `[out, in]` for dense; nil otherwise.
    public var weightShape: [Int]? {
        switch self {
        case let .conv1d(i, o, k): return [o, i, k]
        case let .dense(i, o): return [o, i]
        default: return nil
        }
    }

    /// Required bias tensor shape `[out]`; nil for layers without parameters.
    public var biasShape: [Int]? {
        switch self {
        case let .conv1d(_, o, _): return [o]
        case let .dense(_, o): return [o]
        default: return nil
        }
    }

    /// The size of a pooling layer (maxpool1d, subsample1d); nil for other layers.
    public var poolSize: Int? {
        switch self {
        case let .maxPool1d(size), let .subsample1d(size): return size
        default: return nil
        }
    }

    /// Number of trainable scalars (weight + bias elements); 0 for parameterless layers.
    /// Saturates at `Int.max` rather than overflowing.
    public var parameterCount: Int {
        guard let w = weightShape, let b = biasShape else { return 0 }
        let (wc, o1) = LayerSpec.product(w)
        let (bc, o2) = LayerSpec.product(b)
        let (sum, o3) = wc.addingReportingOverflow(bc)
        return o1 || o2 || o3 ? Int.max : sum
    }

    /// One-line human description, e.g. `conv1d 4->6 kernel 5`.
    public var summary: String {
        switch self {
        case let .conv1d(i, o, k): return "conv1d \(i)->\(o) kernel \(k)"
        case .relu: return "relu"
        case let .maxPool1d(size): return "maxpool1d size \(size)"
        case let .subsample1d(size): return "subsample1d size \(size)"
        case .globalAveragePool: return "global_avg_pool"
        case let .dense(i, o): return "dense \(i)->\(o)"
        case .sigmoid: return "sigmoid"
        }
    }

    /// Product of `dims` and whether it overflowed `Int`.
    static func product(_ dims: [Int]) -> (value: Int, overflow: Bool) {
        var p = 1
        for d in dims {
            let (r, o) = p.multipliedReportingOverflow(by: d)
            if o { return (0, true) }
            p = r
        }
        return (p, false)
    }
}

extension LayerSpec {
    /// Smallest input length L (bases) for which every conv1d (L → L-k+1) and maxpool1d (L → L/p)
    /// before global_avg_pool leaves at least 1 position; nil when it would exceed `limit` (or overflow).
    /// The one rule: model validation and the trainer's architecture both use it.
    /// Computed backwards: need 1 at the pool; conv adds k-1; maxpool multiplies by p.
    public static func minimumInputLength(_ layers: [LayerSpec], limit: Int = .max) -> Int? {
        let end = layers.firstIndex(of: .globalAveragePool) ?? layers.count
        var needed = 1
        for layer in layers[..<end].reversed() {
            switch layer {
            case let .conv1d(_, _, k):
                let (r, overflow) = needed.addingReportingOverflow(k - 1)
                if overflow { return nil }
                needed = r
            case let .maxPool1d(p), let .subsample1d(p):
                let (r, overflow) = needed.multipliedReportingOverflow(by: p)
                if overflow { return nil }
                needed = r
            default:
                break
            }
            if needed > limit { return nil }
        }
        return needed
    }
}
