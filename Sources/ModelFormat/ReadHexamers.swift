/// Hexamer statistics for scoring reads (records the read model scores), stored in a model file's
/// metadata under `read_hexamers` (format version 6): for each GC fraction of a grid, the
/// log-likelihood ratio of each hexamer read in frame in annotated CDS against all hexamers, pooled over
/// training genomes weighed by how close their GC lies (`codingscan train --read-hexamers`).
///
/// A read's score on a strand is the best, over its three frames on that strand, of the summed ratios
/// of the frame's codons whose hexamer (the codon and the next one) lies inside the read, minus
/// `stopPenalty` for each of those codons that is a stop codon; the table is interpolated linearly
/// between the two grid points around the read's GC (clamped at the ends). The scanner adds
/// `weight` × (`length` / L) × that score to the logit of the read model's P(coding) on the strand,
/// for a read of L bases (the score per base, as it were: the score grows with the read, and the
/// network grows surer too).
public struct ReadHexamers: Sendable, Equatable {
    /// GC fractions, strictly increasing, in [0, 1]: one table each.
    public var gc: [Double]
    /// `gc.count` tables of 4096 ratios in nats (hexamer b0…b5 at index Σ b_i · 4^(5 − i), A = 0, C = 1,
    /// G = 2, T = 3), each in [−50, 50].
    public var tables: [[Float]]
    /// Weight of the read's score in the logit for a read of `length` bases, in [0, 10].
    public var weight: Double
    /// The read length `weight` is for, in bases (1 ... 100,000).
    public var length: Int
    /// Subtracted per in-frame stop codon, in [0, 50].
    public var stopPenalty: Double
    /// What the tables were counted on (genome files, GC, CDS): a JSON object, for provenance only.
    public var source: JSONValue

    /// Most grid points accepted.
    public static let gridLimit = 101
    /// Largest |ratio| accepted.
    public static let valueLimit: Float = 50

    public init(gc: [Double], tables: [[Float]], weight: Double, length: Int, stopPenalty: Double,
                source: JSONValue = .object([:])) {
        self.gc = gc
        self.tables = tables
        self.weight = weight
        self.length = length
        self.stopPenalty = stopPenalty
        self.source = source
    }

    /// The on-disk JSON object.
    public var jsonValue: JSONValue {
        .object([
            "gc": .array(gc.map { .number($0) }),
            // Each value as the shortest decimal that reads back as the same Float (0.1234, not 0.12340000271797180).
            "tables": .array(tables.map { table in .array(table.map { .number(Double("\($0)") ?? Double($0)) }) }),
            "weight": .number(weight),
            "length": .integer(length),
            "stop_penalty": .number(stopPenalty),
            "source": source,
        ])
    }

    /// Parses and checks the `read_hexamers` field; `fail` makes the error.
    static func parse(_ value: JSONValue, fail: (String) -> ModelError) throws(ModelError) -> ReadHexamers {
        guard let fields = value.objectValue else {
            throw fail("metadata field 'read_hexamers' must be an object, not \(value.typeName)")
        }
        let known = ["gc", "tables", "weight", "length", "stop_penalty", "source"]
        if let unknown = fields.keys.sorted().first(where: { !known.contains($0) }) {
            throw fail("read_hexamers has unknown field \(ModelError.quoted(unknown))")
        }
        func number(_ value: JSONValue?, _ name: String, _ range: ClosedRange<Double>) throws(ModelError) -> Double {
            let number: Double?
            switch value {
            case let .number(d)?: number = d
            case let .integer(i)?: number = Double(i)
            default: number = nil
            }
            guard let number, number.isFinite, range.contains(number) else {
                throw fail("read_hexamers field '\(name)' must be a number in [\(Int(range.lowerBound)), \(Int(range.upperBound))]")
            }
            return number
        }
        guard let grid = fields["gc"]?.arrayValue, (1...gridLimit).contains(grid.count) else {
            throw fail("read_hexamers field 'gc' must be an array of 1 to \(gridLimit) numbers")
        }
        var gc: [Double] = []
        for item in grid {
            let x = try number(item, "gc", 0...1)
            guard gc.last.map({ $0 < x }) ?? true else { throw fail("read_hexamers field 'gc' must increase strictly") }
            gc.append(x)
        }
        guard let tableItems = fields["tables"]?.arrayValue, tableItems.count == gc.count else {
            throw fail("read_hexamers field 'tables' must hold one table per 'gc' value")
        }
        var tables: [[Float]] = []
        for item in tableItems {
            guard let values = item.arrayValue, values.count == 4096 else {
                throw fail("read_hexamers field 'tables' must hold arrays of 4096 numbers")
            }
            var table: [Float] = []
            table.reserveCapacity(4096)
            for value in values {
                table.append(Float(try number(value, "tables", -Double(valueLimit)...Double(valueLimit))))
            }
            tables.append(table)
        }
        let source = fields["source"] ?? .object([:])
        guard source.objectValue != nil else { throw fail("read_hexamers field 'source' must be an object") }
        let length = try number(fields["length"], "length", 1...100_000)
        guard length.rounded() == length else { throw fail("read_hexamers field 'length' must be a whole number") }
        return ReadHexamers(gc: gc, tables: tables, weight: try number(fields["weight"], "weight", 0...10), length: Int(length),
                            stopPenalty: try number(fields["stop_penalty"], "stop_penalty", 0...50), source: source)
    }
}
