import ReadingFrames
import Windows

/// Parses and validates the `codingscan` metadata JSON into `ModelMetadata`: field presence and
/// types, format version, encoding, window ranges and each layer's own fields. The layer chain and
/// the tensors are checked afterwards by `NetworkValidator`.
enum MetadataParser {
    /// Top-level metadata fields; any other field is rejected.
    static let knownFields: Set<String> = [
        "format_version", "name", "encoding", "window", "step", "smooth", "orf_gate", "min_length", "max_window", "layers",
        "provenance", "gene_model", "read_hexamers",
    ]

    static func parse(_ text: String, source: String) throws(ModelError) -> ModelMetadata {
        func fail(_ message: String, _ kind: ModelError.Kind = .metadata) -> ModelError {
            ModelError(source: source, kind: kind, message: message)
        }
        let value: JSONValue
        switch JSONValue.parseOrExplain(Array(text.utf8)) {
        case let .success(parsed): value = parsed
        case let .failure(failure):
            throw fail("metadata 'codingscan' \(failure.message()) of the metadata string")
        }
        guard let fields = value.objectValue else {
            throw fail("metadata 'codingscan' is not a JSON object")
        }

        func integer(_ key: String) throws(ModelError) -> Int {
            guard let v = fields[key] else { throw fail("metadata field '\(key)' is missing") }
            guard let i = v.intValue else { throw fail("metadata field '\(key)' must be an integer, not \(v.typeName)") }
            return i
        }
        func string(_ key: String) throws(ModelError) -> String {
            guard let v = fields[key] else { throw fail("metadata field '\(key)' is missing") }
            guard let s = v.stringValue else { throw fail("metadata field '\(key)' must be a string, not \(v.typeName)") }
            return s
        }

        let version = try integer("format_version")
        let supported = ModelMetadata.supportedFormatVersions
        guard supported.contains(version) else {
            throw fail("unsupported format_version \(version) (this codingscan reads "
                + "\(supported.lowerBound) to \(supported.upperBound))")
        }
        if let unknown = fields.keys.sorted().first(where: { !knownFields.contains($0) }) {
            throw fail("metadata has unknown field \(ModelError.quoted(unknown))")
        }
        let name = try string("name")
        guard !name.isEmpty, !name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw fail("metadata field 'name' must be a non-empty one-line string")
        }
        let encoding = try string("encoding")
        guard encoding == BaseEncoding.name else {
            throw fail("encoding \(ModelError.quoted(encoding)) is not supported (needs '\(BaseEncoding.name)')")
        }
        let window = try integer("window")
        let step = try integer("step")
        let minLength = try integer("min_length")
        let maxWindow = try integer("max_window")
        guard step >= 1 else { throw fail("step must be at least 1, got \(step)") }
        var smooth = 0
        if fields["smooth"] != nil {
            guard version >= 3 else { throw fail("metadata field 'smooth' needs format_version 3 (the file says \(version))") }
            smooth = try integer("smooth")
            guard smooth >= 0 && smooth <= ModelMetadata.lengthLimit else {
                throw fail("smooth must be between 0 and \(ModelMetadata.lengthLimit), got \(smooth)")
            }
        }
        var orfGate = 0
        if fields["orf_gate"] != nil {
            guard version >= 4 else {
                throw fail("metadata field 'orf_gate' needs format_version 4 (the file says \(version))")
            }
            orfGate = try integer("orf_gate")
            guard orfGate >= 0 && orfGate <= ORFGate.lengthCap else {
                throw fail("orf_gate must be between 0 and \(ORFGate.lengthCap), got \(orfGate)")
            }
        }
        guard minLength >= 1 else { throw fail("min_length must be at least 1, got \(minLength)") }
        guard minLength <= window else { throw fail("min_length \(minLength) exceeds window \(window)") }
        guard window <= maxWindow else { throw fail("window \(window) exceeds max_window \(maxWindow)") }
        guard maxWindow <= ModelMetadata.lengthLimit else {
            throw fail("max_window \(maxWindow) exceeds the limit \(ModelMetadata.lengthLimit)")
        }
        var geneModel: AdaptedGeneModel?
        if let value = fields["gene_model"] {
            guard version >= 5 else {
                throw fail("metadata field 'gene_model' needs format_version 5 (the file says \(version))")
            }
            geneModel = try AdaptedGeneModel.parse(value) { fail($0) }
        }
        var readHexamers: ReadHexamers?
        if let value = fields["read_hexamers"] {
            guard version >= 6 else {
                throw fail("metadata field 'read_hexamers' needs format_version 6 (the file says \(version))")
            }
            readHexamers = try ReadHexamers.parse(value) { fail($0) }
        }
        let provenance = fields["provenance"] ?? .object([:])
        guard provenance.objectValue != nil else {
            throw fail("metadata field 'provenance' must be an object, not \(provenance.typeName)")
        }
        guard let layerValues = fields["layers"] else { throw fail("metadata field 'layers' is missing") }
        guard let layerItems = layerValues.arrayValue, !layerItems.isEmpty else {
            throw fail("metadata field 'layers' must be a non-empty array")
        }
        var layers: [LayerSpec] = []
        var names: [TensorNames?] = []
        for (index, item) in layerItems.enumerated() {
            let (layer, tensorNames) = try parseLayer(item, number: index + 1, fail: fail)
            layers.append(layer)
            names.append(tensorNames)
        }
        if version < ModelMetadata.formatVersion(for: layers) {
            throw fail("layer type 'subsample1d' needs format_version 2 (the file says \(version))", .layers)
        }
        return ModelMetadata(
            formatVersion: version, name: name, encoding: encoding, window: window, step: step,
            smooth: smooth, orfGate: orfGate, minLength: minLength, maxWindow: maxWindow, layers: layers, tensorNames: names,
            provenance: provenance, geneModel: geneModel, readHexamers: readHexamers)
    }

    /// Parses layer `number` (1-based): its type, its required positive integer fields, and for
    /// conv1d/dense the weight and bias tensor names. Unknown fields are rejected.
    private static func parseLayer(
        _ value: JSONValue, number: Int, fail: (String, ModelError.Kind) -> ModelError
    ) throws(ModelError) -> (LayerSpec, TensorNames?) {
        guard let fields = value.objectValue else {
            throw fail("layer \(number) is not a JSON object", .layers)
        }
        guard let type = fields["type"]?.stringValue else {
            throw fail("layer \(number) has no type string", .layers)
        }
        let allowed: [String]
        switch type {
        case "conv1d": allowed = ["in", "out", "kernel", "weight", "bias"]
        case "maxpool1d", "subsample1d": allowed = ["size"]
        case "dense": allowed = ["in", "out", "weight", "bias"]
        case "relu", "global_avg_pool", "sigmoid": allowed = []
        default: throw fail("layer \(number) has unknown type \(ModelError.quoted(type))", .layers)
        }
        let label = "layer \(number) (\(type))"
        if let unknown = fields.keys.sorted().first(where: { $0 != "type" && !allowed.contains($0) }) {
            throw fail("\(label) has unknown field \(ModelError.quoted(unknown))", .layers)
        }
        func positive(_ key: String) throws(ModelError) -> Int {
            guard let v = fields[key] else { throw fail("\(label) field '\(key)' is missing", .layers) }
            guard let i = v.intValue, i >= 1 else {
                throw fail("\(label) field '\(key)' must be a positive integer", .layers)
            }
            return i
        }
        func tensorNames() throws(ModelError) -> TensorNames {
            var found: [String] = []
            for key in ["weight", "bias"] {
                guard let v = fields[key] else { throw fail("\(label) field '\(key)' is missing", .layers) }
                guard let s = v.stringValue, !s.isEmpty else {
                    throw fail("\(label) field '\(key)' must be a tensor name string", .layers)
                }
                found.append(s)
            }
            return TensorNames(weight: found[0], bias: found[1])
        }
        switch type {
        case "conv1d":
            let layer = LayerSpec.conv1d(in: try positive("in"), out: try positive("out"), kernel: try positive("kernel"))
            return (layer, try tensorNames())
        case "maxpool1d":
            return (.maxPool1d(size: try positive("size")), nil)
        case "subsample1d":
            return (.subsample1d(size: try positive("size")), nil)
        case "dense":
            let layer = LayerSpec.dense(in: try positive("in"), out: try positive("out"))
            return (layer, try tensorNames())
        case "relu": return (.relu, nil)
        case "global_avg_pool": return (.globalAveragePool, nil)
        default: return (.sigmoid, nil)
        }
    }
}
