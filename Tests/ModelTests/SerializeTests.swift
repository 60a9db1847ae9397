import ModelFormat
import XCTest
import ScalarInference

/// serialize → load → serialize, and the canonical JSON underneath it.
final class SerializeTests: XCTestCase {
    func testRoundTripIsByteIdenticalAndPredictsIdentically() throws {
        let tiny = try Model.load(path: Fixtures.tinyModelPath)
        let provenance: JSONValue = [
            "command": "codingscan-train --seed 7", "genomes": ["GRCh38", "GRCm39"], "seed": 7,
            "validation": ["auroc": 0.9123, "loss": 1e-5, "n": 12345, "ok": true, "note": nil],
            "quote": "say \"hi\"\\\n\ttab \u{1}", "unicode": "Δ ü 🧬", "big": 1e300, "whole": 3.0,
        ]
        let metadata = ModelMetadata(
            name: "round-trip", window: 90, step: 30, minLength: 12, maxWindow: 5000,
            layers: tiny.metadata.layers, provenance: provenance)
        let bytes = Model.serialize(metadata: metadata, tensors: tiny.tensors)
        let loaded = try Model.load(bytes: bytes, source: "memory")
        XCTAssertEqual(loaded.metadata, metadata)
        XCTAssertEqual(loaded.serialized(), bytes)
        XCTAssertEqual(Model.serialize(metadata: loaded.metadata, tensors: loaded.tensors), bytes)
        XCTAssertEqual(loaded.metadata.provenance, provenance)
        for row in try Fixtures.expectedRows() {
            let masks = Fixtures.masks(row.sequence)
            for minus in [false, true] {
                let a = masks.withUnsafeBufferPointer { ReferenceNetwork(tiny).predict(masks: $0, reverseComplement: minus) }
                let b = masks.withUnsafeBufferPointer { ReferenceNetwork(loaded).predict(masks: $0, reverseComplement: minus) }
                XCTAssertEqual(a.bitPattern, b.bitPattern, row.name)
            }
        }
    }

    func testSmoothRoundTripsAndSetsFormatVersion3() throws {
        let tiny = try Model.load(path: Fixtures.tinyModelPath)
        let plain = ModelMetadata(name: "s", window: 90, step: 30, minLength: 12, maxWindow: 5000,
                                  layers: tiny.metadata.layers)
        XCTAssertEqual(plain.smooth, 0)
        XCTAssertEqual(plain.formatVersion, 1)
        XCTAssertFalse(plain.jsonString.contains("smooth"), "smooth 0 is left out, so old readers read the file")
        let smoothed = ModelMetadata(name: "s", window: 90, step: 30, smooth: 150, minLength: 12, maxWindow: 5000,
                                     layers: tiny.metadata.layers)
        XCTAssertEqual(smoothed.formatVersion, 3)
        XCTAssertTrue(smoothed.jsonString.contains("\"smooth\":150"))
        let loaded = try Model.load(bytes: Model.serialize(metadata: smoothed, tensors: tiny.tensors), source: "m")
        XCTAssertEqual(loaded.metadata, smoothed)
        XCTAssertEqual(loaded.metadata.smooth, 150)
        XCTAssertTrue(loaded.infoText().contains("smooth:            150 bases\n"))
        XCTAssertTrue(tiny.infoText().contains("smooth:            none\n"))
        XCTAssertTrue(tiny.infoText().contains("orf gate:          none\n"))
        XCTAssertFalse(smoothed.jsonString.contains("orf_gate"))
        let gated = ModelMetadata(name: "s", window: 90, step: 30, smooth: 150, orfGate: 200, minLength: 12,
                                  maxWindow: 5000, layers: tiny.metadata.layers)
        XCTAssertEqual(gated.formatVersion, 4)
        XCTAssertTrue(gated.jsonString.contains("\"orf_gate\":200"))
        let reloaded = try Model.load(bytes: Model.serialize(metadata: gated, tensors: tiny.tensors), source: "g")
        XCTAssertEqual(reloaded.metadata, gated)
        XCTAssertTrue(reloaded.infoText().contains("orf gate:          midpoint 200 bases\n"))
    }

    func testHeaderIsPaddedWithSpacesToEightBytes() throws {
        let tiny = try Model.load(path: Fixtures.tinyModelPath)
        for name in ["a", "ab", "abc", "abcd", "abcde", "abcdef", "abcdefg", "abcdefgh"] {
            let metadata = ModelMetadata(name: name, window: 60, step: 20, minLength: 20, maxWindow: 100,
                                         layers: tiny.metadata.layers)
            let bytes = Model.serialize(metadata: metadata, tensors: tiny.tensors)
            let n = bytes[0..<8].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
            XCTAssertEqual((8 + n) % 8, 0)
            XCTAssertEqual(bytes[8], UInt8(ascii: "{"))
            let header = String(decoding: bytes[8..<(8 + n)], as: UTF8.self)
            let trimmed = header.reversed().drop { $0 == " " }
            XCTAssertEqual(trimmed.first, "}")
            XCTAssertLessThan(header.count - trimmed.count, 8)
            XCTAssertNoThrow(try Model.load(bytes: bytes, source: "m"))
        }
    }

    func testTensorsAreLaidOutInNameOrder() throws {
        let tiny = try Model.load(path: Fixtures.tinyModelPath)
        let bytes = tiny.serialized()
        let n = bytes[0..<8].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        let header = JSONValue.parse(bytes[8..<(8 + n)])!.objectValue!
        var offset = 0
        for name in tiny.tensors.keys.sorted() {
            let offsets = header[name]!.objectValue!["data_offsets"]!
            let size = 4 * tiny.tensors[name]!.values.count
            XCTAssertEqual(offsets, [.integer(offset), .integer(offset + size)])
            offset += size
        }
        XCTAssertEqual(bytes.count, 8 + n + offset)
    }

    func testCanonicalJSON() {
        let value: JSONValue = ["b": [1, 2.5, "x"], "a": ["z": nil, "y": false], "c": [:], "d": []]
        XCTAssertEqual(value.serialized(), #"{"a":{"y":false,"z":null},"b":[1,2.5,"x"],"c":{},"d":[]}"#)
        XCTAssertEqual(value.serialized(pretty: true), """
            {
              "a": {
                "y": false,
                "z": null
              },
              "b": [
                1,
                2.5,
                "x"
              ],
              "c": {},
              "d": []
            }
            """)
        XCTAssertEqual(JSONValue.number(3.0).serialized(), "3")
        XCTAssertEqual(JSONValue.number(.nan).serialized(), "null")
        XCTAssertEqual(JSONValue.string("a\"b\\c\n\u{1f}/").serialized(), #""a\"b\\c\n\u001f/""#)
        XCTAssertEqual(JSONValue.parse(#"{"k": [1, 2.5e-3, true, null, "s"]}"#),
                       ["k": [1, 0.0025, true, nil, "s"]])
        XCTAssertNil(JSONValue.parse("{nope"))
        XCTAssertEqual(JSONValue.integer(2), JSONValue.number(2))
    }
}
