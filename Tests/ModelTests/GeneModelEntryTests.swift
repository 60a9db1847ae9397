import ModelFormat
import XCTest

/// The `gene_model` metadata entry (`codingscan adapt`): it round-trips exactly, sets format version 5,
/// and each broken form is refused with a one-line message naming the field.
final class GeneModelEntryTests: XCTestCase {
    private func entry(hexamers: [Double]? = nil) -> AdaptedGeneModel {
        AdaptedGeneModel(hexamers: hexamers ?? (0..<4096).map { Double($0 % 97 - 48) / 10_000 }, hexamerWeight: 0.3,
                         startScores: ["ATG": 0, "GTG": -1.2345, "TTG": -2.5], motifScore: 1.75,
                         upstream: (0..<80).map { Double($0 % 7) / 10 - 0.3 }, upstreamWeight: 1,
                         adaptedTo: ["genomes": ["x/genome.fa.gz"], "bases": 123_456])
    }

    func testRoundTripsAndNeedsVersion5() throws {
        let tiny = try Model.load(path: Fixtures.tinyModelPath)
        let adapted = tiny.metadata.adapted(entry(), name: "tiny-adapted")
        XCTAssertEqual(adapted.formatVersion, 5)
        XCTAssertEqual(adapted.geneModel, entry())
        let bytes = Model.serialize(metadata: adapted, tensors: tiny.tensors)
        let loaded = try Model.load(bytes: bytes, source: "memory")
        XCTAssertEqual(loaded.metadata, adapted)
        XCTAssertEqual(loaded.serialized(), bytes)
        XCTAssertTrue(loaded.infoText().contains("gene model:        adapted (codingscan adapt): hexamer weight 0.30, "
            + "starts ATG 0.00, GTG -1.23, TTG -2.50, motif 1.75, start context weight 1.00"))
        XCTAssertNil(tiny.metadata.geneModel)
        // A prior (pooled statistics, the built-in model's) says so, and round-trips too.
        var prior = entry()
        prior.prior = true
        let pooled = tiny.metadata.adapted(prior, name: "tiny-pooled")
        let reloaded = try Model.load(bytes: Model.serialize(metadata: pooled, tensors: tiny.tensors), source: "memory")
        XCTAssertEqual(reloaded.metadata.geneModel?.prior, true)
        XCTAssertTrue(reloaded.infoText().contains("gene model:        prior (codingscan adapt): hexamer weight 0.30"))
        XCTAssertNil(entry().jsonValue.objectValue?["prior"], "written only when true")
    }

    /// Loads the tiny model's metadata with `gene_model` replaced by `value` (and `version`).
    private func loadError(_ value: JSONValue, version: Int = 5) throws -> String {
        let tiny = try Model.load(path: Fixtures.tinyModelPath)
        return try MetadataSwap.loadError(tiny.metadata.adapted(entry(), name: "t"), tensors: tiny.tensors,
                                          field: "gene_model", value: value, version: version)
    }

    func testBrokenEntriesAreRefused() throws {
        let good = entry().jsonValue
        guard case let .object(fields) = good else { return XCTFail() }
        func with(_ key: String, _ value: JSONValue?) -> JSONValue {
            var f = fields
            f[key] = value
            return .object(f)
        }
        XCTAssertEqual(try loadError(good), "loaded")
        XCTAssertEqual(try loadError(good, version: 4),
                       "m: metadata field 'gene_model' needs format_version 5 (the file says 4)")
        XCTAssertEqual(try loadError(.array([])), "m: metadata field 'gene_model' must be an object, not array")
        XCTAssertEqual(try loadError(with("hexamers", .array([1, 2]))),
                       "m: gene_model field 'hexamers' must be an array of 4096 numbers")
        XCTAssertEqual(try loadError(with("hexamer_weight", 11)),
                       "m: gene_model field 'hexamer_weight' must be a number in [0, 10]")
        XCTAssertEqual(try loadError(with("motif_score", nil)), "m: gene_model field 'motif_score' is missing")
        XCTAssertEqual(try loadError(with("start_scores", ["ATG": 0, "GTG": 1])),
                       "m: gene_model field 'start_scores' must be an object with exactly ATG, GTG and TTG")
        XCTAssertEqual(try loadError(with("extra", 1)), "m: gene_model has unknown field 'extra'")
        XCTAssertEqual(try loadError(with("prior", false)), "loaded")
        XCTAssertEqual(try loadError(with("prior", 1)), "m: gene_model field 'prior' must be true or false")
        XCTAssertEqual(try loadError(with("upstream", .array([0]))),
                       "m: gene_model field 'upstream' must be an array of 80 numbers")
        XCTAssertEqual(try loadError(with("upstream_weight", -1)),
                       "m: gene_model field 'upstream_weight' must be a number in [0, 10]")
        var hexamers = (0..<4096).map { _ in JSONValue.number(0) }
        hexamers[7] = .number(51)
        XCTAssertEqual(try loadError(with("hexamers", .array(hexamers))),
                       "m: gene_model field 'hexamers' must be a number in [-50, 50]")
    }
}
