import Windows

/// The `codingscan` metadata of a model file (see docs/model-format.md).
///
/// Lengths (`window`, `step`, `minLength`, `maxWindow`) are in bases.
public struct ModelMetadata: Sendable, Equatable {
    /// The newest format version: 2 added the `subsample1d` layer, 3 the `smooth` field, 4 the
    /// `orf_gate` field, 5 the `gene_model` field, 6 the `read_hexamers` field.
    public static let currentFormatVersion = 6
    /// Versions this codingscan reads.
    public static let supportedFormatVersions = 1...6
    /// Upper bound for `max_window` (and so every window length) and for `smooth`, in bases: 2^30.
    public static let lengthLimit = 1 << 30

    /// The lowest format version that can describe `layers`, `smooth`, `orfGate`, a gene model and read
    /// hexamers: 6 with read hexamers, 5 with a gene model, 4 when `orfGate` > 0, 3 when `smooth` > 0, else 2 when the layers use
    /// `subsample1d`, else 1 (so files an older reader understands stay readable by it).
    public static func formatVersion(for layers: [LayerSpec], smooth: Int = 0, orfGate: Int = 0,
                                     geneModel: Bool = false, readHexamers: Bool = false) -> Int {
        if readHexamers { return 6 }
        if geneModel { return 5 }
        if orfGate > 0 { return 4 }
        if smooth > 0 { return 3 }
        return layers.contains { if case .subsample1d = $0 { return true } else { return false } } ? 2 : 1
    }

    /// Metadata schema version: 1 to 6.
    public let formatVersion: Int
    /// Human-readable model name (non-empty, one line).
    public let name: String
    /// One-hot input encoding; must equal `BaseEncoding.name`.
    public let encoding: String
    /// Default window length in bases.
    public let window: Int
    /// Default step between window starts in bases.
    public let step: Int
    /// Default smoothing span in bases (0 = none): the scanner averages each window's probabilities
    /// with those of the windows whose starts lie within `smooth / 2` bases of its own (per strand).
    public let smooth: Int
    /// Default ORF-gate midpoint in bases (0 = no gate; else 1 ... `ORFGate.lengthCap`): the scanner
    /// multiplies each window's probability on a strand by the mean `ORFGate` weight of its bin.
    public let orfGate: Int
    /// Shortest sequence (or final partial window) the scanner may score, in bases.
    public let minLength: Int
    /// Longest window the scanner may request, in bases.
    public let maxWindow: Int
    /// The network, in the order applied.
    public let layers: [LayerSpec]
    /// Tensor names of each layer, parallel to `layers`: non-nil exactly for conv1d and dense.
    public let tensorNames: [TensorNames?]
    /// The gene decoder adapted to a genome (`codingscan adapt`); nil for a plain model.
    public let geneModel: AdaptedGeneModel?
    /// Hexamer statistics for the reads this model scores as a read model; nil: none.
    public let readHexamers: ReadHexamers?
    /// Free-form provenance (training command, genomes, seed, date, validation figures...): a JSON object.
    public let provenance: JSONValue
    /// `provenance` as canonical compact JSON text (sorted keys).
    public let provenanceJSON: String

    /// Builds metadata (for the trainer). `tensorNames` defaults to `TensorNames.defaults(for:)`.
    /// No validation happens here; `Model.load` validates a serialised file.
    /// - Precondition: `tensorNames`, when given, has one entry per layer.
    public init(
        formatVersion: Int? = nil, name: String,
        encoding: String = BaseEncoding.name, window: Int, step: Int, smooth: Int = 0, orfGate: Int = 0, minLength: Int,
        maxWindow: Int, layers: [LayerSpec], tensorNames: [TensorNames?]? = nil, provenance: JSONValue = .object([:]),
        geneModel: AdaptedGeneModel? = nil, readHexamers: ReadHexamers? = nil
    ) {
        let names = tensorNames ?? TensorNames.defaults(for: layers)
        precondition(names.count == layers.count, "tensorNames must parallel layers")
        self.formatVersion = formatVersion
            ?? ModelMetadata.formatVersion(for: layers, smooth: smooth, orfGate: orfGate, geneModel: geneModel != nil,
                                           readHexamers: readHexamers != nil)
        self.name = name
        self.encoding = encoding
        self.window = window
        self.step = step
        self.smooth = smooth
        self.orfGate = orfGate
        self.minLength = minLength
        self.maxWindow = maxWindow
        self.layers = layers
        self.tensorNames = names
        self.provenance = provenance
        self.provenanceJSON = provenance.serialized()
        self.geneModel = geneModel
        self.readHexamers = readHexamers
    }

    /// The metadata as a JSON value, in the on-disk schema.
    public var jsonValue: JSONValue {
        var layerValues: [JSONValue] = []
        for (index, layer) in layers.enumerated() {
            var entry: [String: JSONValue] = ["type": .string(layer.typeName)]
            switch layer {
            case let .conv1d(i, o, k):
                entry["in"] = .integer(i); entry["out"] = .integer(o); entry["kernel"] = .integer(k)
            case let .maxPool1d(size), let .subsample1d(size):
                entry["size"] = .integer(size)
            case let .dense(i, o):
                entry["in"] = .integer(i); entry["out"] = .integer(o)
            case .relu, .globalAveragePool, .sigmoid:
                break
            }
            if let names = tensorNames[index] {
                entry["weight"] = .string(names.weight)
                entry["bias"] = .string(names.bias)
            }
            layerValues.append(.object(entry))
        }
        var fields: [String: JSONValue] = [
            "format_version": .integer(formatVersion),
            "name": .string(name),
            "encoding": .string(encoding),
            "window": .integer(window),
            "step": .integer(step),
            "min_length": .integer(minLength),
            "max_window": .integer(maxWindow),
            "layers": .array(layerValues),
            "provenance": provenance,
        ]
        if smooth > 0 { fields["smooth"] = .integer(smooth) }
        if orfGate > 0 { fields["orf_gate"] = .integer(orfGate) }
        if let geneModel { fields["gene_model"] = geneModel.jsonValue }
        if let readHexamers { fields["read_hexamers"] = readHexamers.jsonValue }
        return .object(fields)
    }

    /// The same metadata with `geneModel` (and the format version it needs) and `name`.
    public func adapted(_ geneModel: AdaptedGeneModel, name: String) -> ModelMetadata {
        ModelMetadata(name: name, encoding: encoding, window: window, step: step, smooth: smooth, orfGate: orfGate,
                      minLength: minLength, maxWindow: maxWindow, layers: layers, tensorNames: tensorNames,
                      provenance: provenance, geneModel: geneModel, readHexamers: readHexamers)
    }

    /// The same metadata with `readHexamers` (and the format version it needs).
    public func withReadHexamers(_ readHexamers: ReadHexamers) -> ModelMetadata {
        ModelMetadata(name: name, encoding: encoding, window: window, step: step, smooth: smooth, orfGate: orfGate,
                      minLength: minLength, maxWindow: maxWindow, layers: layers, tensorNames: tensorNames,
                      provenance: provenance, geneModel: geneModel, readHexamers: readHexamers)
    }

    /// The string stored under `__metadata__.codingscan`: canonical compact JSON with sorted keys.
    public var jsonString: String { jsonValue.serialized() }
}
