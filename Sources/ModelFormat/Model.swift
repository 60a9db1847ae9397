/// A loaded, validated coding-potential network (see docs/model-format.md).
///
/// Immutable after loading, so one instance may be shared by several threads. It holds the format
/// only: the networks that run it are `ScalarInference.ReferenceNetwork` and `Inference.FastNetwork`.
public final class Model: Sendable {
    /// The file's `codingscan` metadata.
    public let metadata: ModelMetadata
    /// Where the model came from: the path as given, or a caller-chosen name ("built-in model").
    public let source: String
    /// The network's own minimum input length in bases: the smallest L for which every conv1d
    /// and maxpool1d leaves at least one position. `metadata.minLength` is never below it.
    public let minimumInputLength: Int
    /// Every tensor of the file by name: dimensions (row-major, outermost first) and F32 values.
    public let tensors: [String: (shape: [Int], values: [Float])]
    /// SHA-256 of the model file's bytes, 64 lowercase hex digits (what `sha256sum FILE` prints).
    public let sha256: String

    private init(metadata: ModelMetadata, source: String, minimumInputLength: Int,
                 tensors: [String: (shape: [Int], values: [Float])], sha256: String) {
        self.metadata = metadata
        self.sha256 = sha256
        self.source = source
        self.minimumInputLength = minimumInputLength
        self.tensors = tensors
    }

    /// Reads and validates a safetensors model file. Errors name the file by `path` as given.
    public static func load(path: String) throws(ModelError) -> Model {
        let bytes = try FileReader.readAll(path: path)
        return try load(bytes: bytes, source: path)
    }

    /// Validates safetensors `bytes`; `source` names them in errors (e.g. "built-in model").
    ///
    /// Order of checks: container (length prefix, header JSON, every tensor entry F32 and in
    /// bounds), metadata fields, layer chain, tensors against layers, minimum input length.
    public static func load(bytes: [UInt8], source: String) throws(ModelError) -> Model {
        let container = try SafetensorsContainer.parse(bytes, source: source)
        let metadata = try MetadataParser.parse(container.metadataText, source: source)
        let minimum = try NetworkValidator.validate(metadata, entries: container.entries, source: source)
        var tensors: [String: (shape: [Int], values: [Float])] = [:]
        for (name, entry) in container.entries.sorted(by: { $0.key < $1.key }) {
            let values = readFloats(bytes, from: container.bufferStart + entry.begin, count: entry.count)
            if let bad = values.firstIndex(where: { !$0.isFinite }) {
                throw ModelError(source: source, kind: .tensor, message: "tensor \(ModelError.quoted(name)) has a "
                    + "non-finite value (\(values[bad])) at index \(bad); weights must be finite numbers")
            }
            tensors[name] = (entry.shape, values)
        }
        return Model(metadata: metadata, source: source, minimumInputLength: minimum, tensors: tensors,
                     sha256: SHA256.hex(bytes))
    }

    /// `count` little-endian F32 values starting at byte `offset` (bounds already validated).
    private static func readFloats(_ bytes: [UInt8], from offset: Int, count: Int) -> [Float] {
        var values = [Float](repeating: 0, count: count)
        for k in 0..<count {
            let p = offset + 4 * k
            let bits = UInt32(bytes[p]) | UInt32(bytes[p + 1]) << 8 | UInt32(bytes[p + 2]) << 16
                | UInt32(bytes[p + 3]) << 24
            values[k] = Float(bitPattern: bits)
        }
        return values
    }
}
