/// A gene decoder adapted to one genome or species (`codingscan adapt`), stored in a model file's
/// metadata under `gene_model` (format version 5). The scanner applies it to every decode with that
/// model, as `--adapt` applies what it learns from its first pass (see docs/model-format.md).
public struct AdaptedGeneModel: Sendable, Equatable {
    /// The 4096 hexamer log-likelihood ratios in nats (in-frame in genes against the genome on both
    /// strands), hexamer b0…b5 at index Σ b_i · 4^(5 − i) with A = 0, C = 1, G = 2, T = 3.
    public var hexamers: [Double]
    /// Weight of a gene's summed hexamer ratios in its score, in [0, 10].
    public var hexamerWeight: Double
    /// Start codon scores (natural log, relative to ATG): exactly ATG, GTG, TTG.
    public var startScores: [String: Double]
    /// Score of a Shine–Dalgarno-like motif before a start, in [0, 50].
    public var motifScore: Double
    /// The start context: 80 log-ratios of each base (A, C, G, T) at 1 … 20 bases before a start codon
    /// on the gene's strand, index 4 · (distance − 1) + base, and their weight in [0, 10].
    public var upstream: [Double]
    public var upstreamWeight: Double
    /// What it was adapted to (genome files, bases, calls): a JSON object, for provenance only.
    public var adaptedTo: JSONValue
    /// Statistics pooled over many genomes, a prior for genomes not among them (the built-in model's),
    /// rather than one genome's or species': they score genes, but `auto` chooses its gene model
    /// without them. Written only when true.
    public var prior = false

    /// The start codons a gene model scores.
    public static let startCodons = ["ATG", "GTG", "TTG"]
    /// Largest |ratio| and |start score| accepted.
    public static let valueLimit = 50.0

    public init(hexamers: [Double], hexamerWeight: Double, startScores: [String: Double], motifScore: Double,
                upstream: [Double], upstreamWeight: Double, adaptedTo: JSONValue = .object([:])) {
        self.hexamers = hexamers
        self.hexamerWeight = hexamerWeight
        self.startScores = startScores
        self.motifScore = motifScore
        self.upstream = upstream
        self.upstreamWeight = upstreamWeight
        self.adaptedTo = adaptedTo
    }

    /// The on-disk JSON object.
    public var jsonValue: JSONValue {
        var fields: [String: JSONValue] = [
            "hexamers": .array(hexamers.map { .number($0) }),
            "hexamer_weight": .number(hexamerWeight),
            "start_scores": .object(startScores.mapValues { .number($0) }),
            "motif_score": .number(motifScore),
            "upstream": .array(upstream.map { .number($0) }),
            "upstream_weight": .number(upstreamWeight),
            "adapted_to": adaptedTo,
        ]
        if prior { fields["prior"] = .bool(true) }
        return .object(fields)
    }

    /// Parses and checks the `gene_model` field; `fail` makes the error.
    static func parse(_ value: JSONValue, fail: (String) -> ModelError) throws(ModelError) -> AdaptedGeneModel {
        guard let fields = value.objectValue else {
            throw fail("metadata field 'gene_model' must be an object, not \(value.typeName)")
        }
        let known = ["hexamers", "hexamer_weight", "start_scores", "motif_score", "upstream", "upstream_weight",
                     "adapted_to", "prior"]
        if let unknown = fields.keys.sorted().first(where: { !known.contains($0) }) {
            throw fail("gene_model has unknown field \(ModelError.quoted(unknown))")
        }
        func number(_ value: JSONValue?, _ name: String, _ range: ClosedRange<Double>) throws(ModelError) -> Double {
            guard let value else { throw fail("gene_model field '\(name)' is missing") }
            let number: Double?
            switch value {
            case let .number(d): number = d
            case let .integer(i): number = Double(i)
            default: number = nil
            }
            guard let number, number.isFinite, range.contains(number) else {
                throw fail("gene_model field '\(name)' must be a number in [\(Int(range.lowerBound)), \(Int(range.upperBound))]")
            }
            return number
        }
        guard let items = fields["hexamers"]?.arrayValue, items.count == 4096 else {
            throw fail("gene_model field 'hexamers' must be an array of 4096 numbers")
        }
        var hexamers: [Double] = []
        hexamers.reserveCapacity(4096)
        for item in items { hexamers.append(try number(item, "hexamers", -valueLimit...valueLimit)) }
        guard let upstreamItems = fields["upstream"]?.arrayValue, upstreamItems.count == 80 else {
            throw fail("gene_model field 'upstream' must be an array of 80 numbers")
        }
        var upstream: [Double] = []
        for item in upstreamItems { upstream.append(try number(item, "upstream", -valueLimit...valueLimit)) }
        guard let starts = fields["start_scores"]?.objectValue, Set(starts.keys) == Set(startCodons) else {
            throw fail("gene_model field 'start_scores' must be an object with exactly ATG, GTG and TTG")
        }
        var startScores: [String: Double] = [:]
        for codon in startCodons { startScores[codon] = try number(starts[codon], "start_scores", -valueLimit...valueLimit) }
        let adaptedTo = fields["adapted_to"] ?? .object([:])
        guard adaptedTo.objectValue != nil else { throw fail("gene_model field 'adapted_to' must be an object") }
        var model = AdaptedGeneModel(hexamers: hexamers, hexamerWeight: try number(fields["hexamer_weight"], "hexamer_weight", 0...10),
                                     startScores: startScores, motifScore: try number(fields["motif_score"], "motif_score", 0...valueLimit),
                                     upstream: upstream, upstreamWeight: try number(fields["upstream_weight"], "upstream_weight", 0...10),
                                     adaptedTo: adaptedTo)
        if let prior = fields["prior"] {
            guard case let .bool(flag) = prior else { throw fail("gene_model field 'prior' must be true or false") }
            model.prior = flag
        }
        return model
    }
}
