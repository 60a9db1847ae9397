/// A layer of the fast network between the stem and global average pooling.
enum InferenceStage: Sendable {
    /// A convolution (with its fused ReLU).
    case conv(PackedConv)
    /// Max pooling, window = stride = size (floor).
    case pool(Int)
    /// Subsampling: keeps the first position of each group of `size` (floor).
    case subsample(Int)
    /// ReLU on its own (not directly after a convolution).
    case relu

    /// Output positions for `length` input positions.
    func outputLength(_ length: Int) -> Int {
        switch self {
        case let .conv(c): return length < c.kernel ? 0 : length - c.kernel + 1
        case let .pool(size), let .subsample(size): return length / size
        case .relu: return length
        }
    }
}
