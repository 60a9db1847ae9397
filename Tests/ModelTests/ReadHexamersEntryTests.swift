import ModelFormat
import XCTest

/// The `read_hexamers` metadata entry (`codingscan train --read-hexamers`): it round-trips exactly, sets
/// format version 6, keeps a gene model beside it, and each broken form is refused with a one-line
/// message naming the field.
final class ReadHexamersEntryTests: XCTestCase {
    private func entry() -> ReadHexamers {
        ReadHexamers(gc: [0.3, 0.5, 0.7], tables: (0..<3).map { t in (0..<4096).map { Float(($0 * 7 + t) % 201 - 100) / 100 } },
                     weight: 0.5, length: 150, stopPenalty: 2, source: ["genomes": ["x/genome.fa.gz"], "sigma": 0.12])
    }

    func testRoundTripsAndNeedsVersion6() throws {
        let tiny = try Model.load(path: Fixtures.tinyModelPath)
        let metadata = tiny.metadata.withReadHexamers(entry())
        XCTAssertEqual(metadata.formatVersion, 6)
        let bytes = Model.serialize(metadata: metadata, tensors: tiny.tensors)
        let loaded = try Model.load(bytes: bytes, source: "memory")
        XCTAssertEqual(loaded.metadata.readHexamers, entry())
        XCTAssertEqual(loaded.serialized(), bytes)
        XCTAssertTrue(loaded.infoText().contains("read hexamers:     3 tables at GC 0.30 to 0.70, weight 0.50 at 150 bases, stop codon -2.00"),
                      loaded.infoText())
        // Adapting keeps them.
        let adapted = metadata.adapted(AdaptedGeneModel(hexamers: [Double](repeating: 0, count: 4096), hexamerWeight: 0.3,
                                                        startScores: ["ATG": 0, "GTG": -1, "TTG": -2], motifScore: 1,
                                                        upstream: [Double](repeating: 0, count: 80), upstreamWeight: 1), name: "a")
        XCTAssertEqual(adapted.readHexamers, entry())
        XCTAssertEqual(adapted.formatVersion, 6)
        XCTAssertNil(tiny.metadata.readHexamers)
    }

    private func loadError(_ value: JSONValue?, version: Int = 6) throws -> String {
        let tiny = try Model.load(path: Fixtures.tinyModelPath)
        return try MetadataSwap.loadError(tiny.metadata.withReadHexamers(entry()), tensors: tiny.tensors,
                                          field: "read_hexamers", value: value, version: version)
    }

    func testBrokenEntriesAreRefused() throws {
        guard case let .object(fields) = entry().jsonValue else { return XCTFail() }
        func with(_ key: String, _ value: JSONValue?) -> JSONValue {
            var f = fields
            f[key] = value
            return .object(f)
        }
        XCTAssertEqual(try loadError(entry().jsonValue), "loaded")
        XCTAssertEqual(try loadError(entry().jsonValue, version: 5),
                       "m: metadata field 'read_hexamers' needs format_version 6 (the file says 5)")
        XCTAssertEqual(try loadError(.array([])), "m: metadata field 'read_hexamers' must be an object, not array")
        XCTAssertEqual(try loadError(with("gc", .array([0.5, 0.5, 0.7]))), "m: read_hexamers field 'gc' must increase strictly")
        XCTAssertEqual(try loadError(with("gc", .array([0.5, 1.5, 2]))), "m: read_hexamers field 'gc' must be a number in [0, 1]")
        XCTAssertEqual(try loadError(with("gc", .array([]))), "m: read_hexamers field 'gc' must be an array of 1 to 101 numbers")
        XCTAssertEqual(try loadError(with("tables", .array([]))),
                       "m: read_hexamers field 'tables' must hold one table per 'gc' value")
        XCTAssertEqual(try loadError(with("tables", .array([.array([1]), .array([1]), .array([1])]))),
                       "m: read_hexamers field 'tables' must hold arrays of 4096 numbers")
        XCTAssertEqual(try loadError(with("weight", 11)), "m: read_hexamers field 'weight' must be a number in [0, 10]")
        XCTAssertEqual(try loadError(with("length", 0)), "m: read_hexamers field 'length' must be a number in [1, 100000]")
        XCTAssertEqual(try loadError(with("length", 1.5)), "m: read_hexamers field 'length' must be a whole number")
        XCTAssertEqual(try loadError(with("stop_penalty", nil)),
                       "m: read_hexamers field 'stop_penalty' must be a number in [0, 50]")
        XCTAssertEqual(try loadError(with("source", 1)), "m: read_hexamers field 'source' must be an object")
        XCTAssertEqual(try loadError(with("extra", 1)), "m: read_hexamers has unknown field 'extra'")
        var table = (0..<4096).map { _ in JSONValue.number(0) }
        table[9] = .number(-51)
        XCTAssertEqual(try loadError(with("tables", .array([.array(table), .array(table), .array(table)]))),
                       "m: read_hexamers field 'tables' must be a number in [-50, 50]")
    }
}
