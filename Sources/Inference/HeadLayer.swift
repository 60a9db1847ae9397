/// A layer after global average pooling, as the reference applies it.
enum HeadLayer: Sendable {
    /// weight `[outFeatures][inFeatures]`, bias `[outFeatures]`.
    case dense(inFeatures: Int, outFeatures: Int, weight: [Float], bias: [Float])
    case relu
    case sigmoid
}
