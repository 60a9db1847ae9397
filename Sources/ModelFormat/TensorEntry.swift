/// One validated tensor entry of a safetensors header: an F32 tensor whose bytes lie inside the
/// data buffer and whose byte length equals `4 · product(shape)`.
struct TensorEntry: Sendable, Equatable {
    /// Tensor name (the header key).
    let name: String
    /// Dimensions, outermost first (row-major).
    let shape: [Int]
    /// Byte range of the data, relative to the start of the data buffer: `begin ..< end`.
    let begin: Int
    let end: Int

    /// Number of Float elements: `(end - begin) / 4`.
    var count: Int { (end - begin) / 4 }
}
