import Foundation
import ModelFormat
import XCTest

/// Every broken model gives its exact one-line error, and no corruption crashes the loader.
final class BadModelTests: XCTestCase {
    func assertLoadError(_ path: String, _ message: String, kind: ModelError.Kind? = nil,
                         file: StaticString = #filePath, line: UInt = #line) {
        do {
            _ = try Model.load(path: path)
            XCTFail("\(path) loaded", file: file, line: line)
        } catch {
            XCTAssertEqual(error.description, "\(path): \(message)", file: file, line: line)
            XCTAssertFalse(error.description.contains("\n"), file: file, line: line)
            if let kind { XCTAssertEqual(error.kind, kind, file: file, line: line) }
        }
    }

    func testBadFixtureFiles() {
        let cases: [(String, String, ModelError.Kind)] = [
            ("too-short", "file is 5 bytes, too short for a safetensors file (needs at least 8)", .container),
            ("truncated-header",
             "header length 1552 exceeds the 776 bytes after the length prefix (truncated file?)", .container),
            ("truncated", "tensor 'conv2.weight' data_offsets [536,1112] exceed the 600-byte data buffer", .tensor),
            ("huge-header", "header length 1152921504606846976 exceeds the 16 MiB limit", .container),
            ("huge-offsets",
             "tensor 'conv1.bias' data_offsets [0,1152921504606846976] exceed the 1276-byte data buffer", .tensor),
            ("huge-shape", "tensor 'fc2.bias' has 4 data bytes, but F32 shape "
                + "[1099511627776,1099511627776,1099511627776] needs more than 2^63", .tensor),
            ("not-json-header", "header is not valid JSON: unexpected character at byte 8", .container),
            ("no-metadata", "header has no __metadata__ (not a codingscan model?)", .metadata),
            ("wrong-dtype", "tensor 'conv1.bias' has dtype F16; only F32 is supported", .tensor),
            ("wrong-shape", "tensor 'conv1.weight' has shape [6,4,3], layer 1 (conv1d) needs [6,4,5]", .tensor),
            ("missing-tensor", "layer 7 (dense) references tensor 'fc1.bias', which is not in the file", .tensor),
            ("extra-tensor", "tensor 'bn1.weight' is not used by any layer", .tensor),
            ("bad-metadata-json",
             "metadata 'codingscan' is not valid JSON: expected a string key at byte 1 of the metadata string", .metadata),
            ("deep-json", "metadata 'codingscan' is nested too deep: more than 64 levels of arrays and objects at byte "
                + "772 of the metadata string", .metadata),
            ("duplicate-metadata-key",
             "metadata 'codingscan' has a duplicate key 'window' at byte 842 of the metadata string", .metadata),
            ("duplicate-tensor", "header has a duplicate key 'conv1.bias' at byte 1078", .container),
            ("nan-weight", "tensor 'conv2.weight' has a non-finite value (nan) at index 7; weights must be finite numbers",
             .tensor),
            ("inf-weight", "tensor 'fc1.weight' has a non-finite value (inf) at index 3; weights must be finite numbers",
             .tensor),
            ("nan-bias", "tensor 'fc2.bias' has a non-finite value (nan) at index 0; weights must be finite numbers",
             .tensor),
            ("huge-channels", "layer 1 (conv1d) has 200000 channels, above the limit of 1024", .layers),
            ("huge-kernel", "layer 1 (conv1d) has kernel 200000, above the limit of 129", .layers),
            ("too-many-parameters", "17848361 parameters exceed the limit of 16777216", .layers),
            ("huge-max-window", "a window of max_window 1073741824 bases costs 206158430208 multiply-adds, above the "
                + "limit of 68719476736 (lower max_window)", .metadata),
            ("wrong-encoding", "encoding 'onehot-acgt' is not supported (needs 'acgt-iupac-fractional')", .metadata),
            ("min-length-too-small", "min_length 5 is below the network's minimum input length 10", .metadata),
            ("bad-chain", "layer 4 (conv1d) has in 5, but the previous layers give 6", .layers),
            ("fasta-as-model", "not a codingscan model (safetensors) file: no JSON header after the 8-byte length prefix",
             .container),
            ("bad-read-hexamers", "read_hexamers field 'gc' must increase strictly", .metadata),
        ]
        for (name, message, kind) in cases {
            assertLoadError(Fixtures.badModelPath(name), message, kind: kind)
        }
        let onDisk = try? FileManager.default.contentsOfDirectory(atPath: Fixtures.modelsDirectory + "/bad")
        // The `.expected` files beside them belong to the CLI's BadInputTests.
        XCTAssertEqual(Set((onDisk ?? []).filter { $0.hasSuffix(".safetensors") }),
                       Set(cases.map { $0.0 + ".safetensors" }), "every bad file is tested")
    }

    func testUnreadableFiles() {
        assertLoadError(Fixtures.modelsDirectory + "/no-such-model.safetensors",
                        "cannot open: No such file or directory", kind: .io)
        assertLoadError(Fixtures.modelsDirectory, "cannot read: Is a directory", kind: .io)
    }

    func testBuiltInSourceName() {
        XCTAssertThrowsError(try Model.load(bytes: [1, 2, 3], source: "built-in model")) {
            XCTAssertEqual("\($0)", "built-in model: file is 3 bytes, too short for a safetensors file (needs at least 8)")
        }
    }

    /// A valid layer list and tensors for in-memory variants: conv(4→2, k3), relu, pool, dense(2→1), sigmoid.
    let layers: [LayerSpec] = [.conv1d(in: 4, out: 2, kernel: 3), .relu, .globalAveragePool, .dense(in: 2, out: 1), .sigmoid]
    let tensors: [String: (shape: [Int], values: [Float])] = [
        "conv1.weight": ([2, 4, 3], [Float](repeating: 0.1, count: 24)), "conv1.bias": ([2], [0, 0]),
        "fc1.weight": ([1, 2], [1, -1]), "fc1.bias": ([1], [0]),
    ]

    func loadError(_ metadata: ModelMetadata) -> String {
        do {
            _ = try Model.load(bytes: Model.serialize(metadata: metadata, tensors: tensors), source: "m.safetensors")
            return "loaded"
        } catch {
            return error.description
        }
    }

    func meta(version: Int = 1, name: String = "m", encoding: String = "acgt-iupac-fractional", window: Int = 60,
              step: Int = 20, smooth: Int = 0, orfGate: Int = 0, minLength: Int = 20, maxWindow: Int = 1000,
              layers: [LayerSpec]? = nil) -> ModelMetadata {
        ModelMetadata(formatVersion: version, name: name, encoding: encoding, window: window, step: step,
                      smooth: smooth, orfGate: orfGate, minLength: minLength, maxWindow: maxWindow, layers: layers ?? self.layers)
    }

    func testMetadataRules() {
        XCTAssertEqual(loadError(meta()), "loaded")
        XCTAssertEqual(loadError(meta(version: 7)), "m.safetensors: unsupported format_version 7 (this codingscan reads 1 to 6)")
        XCTAssertEqual(loadError(meta(version: 4, orfGate: 200)), "loaded")
        XCTAssertEqual(loadError(meta(version: 3, smooth: 120, orfGate: 200)),
                       "m.safetensors: metadata field 'orf_gate' needs format_version 4 (the file says 3)")
        XCTAssertEqual(loadError(meta(version: 2)), "loaded")
        XCTAssertEqual(loadError(meta(version: 3)), "loaded")
        XCTAssertEqual(loadError(meta(version: 3, smooth: 120)), "loaded")
        XCTAssertEqual(loadError(meta(version: 2, smooth: 120)),
                       "m.safetensors: metadata field 'smooth' needs format_version 3 (the file says 2)")
        var subsampled = layers
        subsampled.insert(.subsample1d(size: 3), at: 2)
        XCTAssertEqual(loadError(meta(version: 2, layers: subsampled)), "loaded")
        XCTAssertEqual(loadError(meta(version: 1, layers: subsampled)),
                       "m.safetensors: layer type 'subsample1d' needs format_version 2 (the file says 1)")
        XCTAssertEqual(loadError(meta(name: "")), "m.safetensors: metadata field 'name' must be a non-empty one-line string")
        XCTAssertEqual(loadError(meta(name: "a\nb")), "m.safetensors: metadata field 'name' must be a non-empty one-line string")
        XCTAssertEqual(loadError(meta(step: 0)), "m.safetensors: step must be at least 1, got 0")
        XCTAssertEqual(loadError(meta(minLength: 0)), "m.safetensors: min_length must be at least 1, got 0")
        XCTAssertEqual(loadError(meta(minLength: 61)), "m.safetensors: min_length 61 exceeds window 60")
        XCTAssertEqual(loadError(meta(maxWindow: 59)), "m.safetensors: window 60 exceeds max_window 59")
        XCTAssertEqual(loadError(meta(maxWindow: 1 << 31)), "m.safetensors: max_window 2147483648 exceeds the limit 1073741824")
        XCTAssertEqual(loadError(meta(minLength: 2, maxWindow: 60)),
                       "m.safetensors: min_length 2 is below the network's minimum input length 3")
        XCTAssertEqual(loadError(meta(window: 3, minLength: 3, maxWindow: 3)), "loaded")
    }

    func testLayerChainRules() {
        let conv = LayerSpec.conv1d(in: 4, out: 2, kernel: 3)
        let cases: [([LayerSpec], String)] = [
            ([.conv1d(in: 3, out: 2, kernel: 3), .relu, .globalAveragePool, .dense(in: 2, out: 1), .sigmoid],
             "layer 1 (conv1d) has in 3, but the one-hot input has 4 channels"),
            ([conv, .globalAveragePool, .dense(in: 3, out: 1), .sigmoid],
             "layer 3 (dense) has in 3, but the previous layers give 2"),
            ([conv, .dense(in: 2, out: 1), .globalAveragePool, .sigmoid],
             "layer 2 (dense) comes before global_avg_pool (dense layers need exactly one global_avg_pool before them)"),
            ([conv, .globalAveragePool, .globalAveragePool, .dense(in: 2, out: 1), .sigmoid],
             "layer 3 (global_avg_pool) is a second global_avg_pool"),
            ([conv, .globalAveragePool, .maxPool1d(size: 2), .dense(in: 2, out: 1), .sigmoid],
             "layer 3 (maxpool1d) comes after global_avg_pool"),
            ([conv, .globalAveragePool, .sigmoid, .dense(in: 2, out: 1)], "layer 3 (sigmoid) must be the last layer"),
            ([conv, .globalAveragePool, .dense(in: 2, out: 1)], "the last layer must be sigmoid, not dense"),
            ([conv, .globalAveragePool, .dense(in: 2, out: 1), .relu, .sigmoid],
             "the layer before the final sigmoid must be dense with out 1"),
            ([.sigmoid], "the layer before the final sigmoid must be dense with out 1"),
        ]
        for (layers, message) in cases {
            XCTAssertEqual(loadError(meta(layers: layers)), "m.safetensors: " + message)
        }
    }

    func testRawMetadataErrors() {
        let good = meta().jsonString
        let cases: [(String, String)] = [
            ("[1,2]", "metadata 'codingscan' is not a JSON object"),
            (good.replacingOccurrences(of: "\"step\":20", with: "\"step\":20,\"stride\":1"),
             "metadata has unknown field 'stride'"),
            (good.replacingOccurrences(of: "\"step\":20,", with: ""), "metadata field 'step' is missing"),
            (good.replacingOccurrences(of: "\"window\":60", with: "\"window\":\"60\""),
             "metadata field 'window' must be an integer, not string"),
            (good.replacingOccurrences(of: "\"window\":60", with: "\"window\":60.5"),
             "metadata field 'window' must be an integer, not number"),
            (good.replacingOccurrences(of: "\"format_version\":1", with: "\"format_version\":7,\"new\":1"),
             "unsupported format_version 7 (this codingscan reads 1 to 6)"),
            (good.replacingOccurrences(of: "\"format_version\":1", with: "\"format_version\":3")
                .replacingOccurrences(of: "\"step\":20", with: "\"step\":20,\"smooth\":-1"),
             "smooth must be between 0 and 1073741824, got -1"),
            (good.replacingOccurrences(of: "\"format_version\":1", with: "\"format_version\":3")
                .replacingOccurrences(of: "\"step\":20", with: "\"step\":20,\"smooth\":\"60\""),
             "metadata field 'smooth' must be an integer, not string"),
            (good.replacingOccurrences(of: "\"format_version\":1", with: "\"format_version\":4")
                .replacingOccurrences(of: "\"step\":20", with: "\"step\":20,\"orf_gate\":2001"),
             "orf_gate must be between 0 and 2000, got 2001"),
            (good.replacingOccurrences(of: "\"format_version\":1", with: "\"format_version\":4")
                .replacingOccurrences(of: "\"step\":20", with: "\"step\":20,\"orf_gate\":-3"),
             "orf_gate must be between 0 and 2000, got -3"),
            (good.replacingOccurrences(of: "\"provenance\":{}", with: "\"provenance\":\"x\""),
             "metadata field 'provenance' must be an object, not string"),
            (good.replacingOccurrences(of: "\"kernel\":3", with: "\"kernel\":0"),
             "layer 1 (conv1d) field 'kernel' must be a positive integer"),
            (good.replacingOccurrences(of: "\"kernel\":3", with: "\"kernel\":3,\"stride\":2"),
             "layer 1 (conv1d) has unknown field 'stride'"),
            (good.replacingOccurrences(of: "\"type\":\"relu\"", with: "\"type\":\"batchnorm\""),
             "layer 2 has unknown type 'batchnorm'"),
            (good.replacingOccurrences(of: "\"layers\":[", with: "\"layers\":[7,"), "layer 1 is not a JSON object"),
            (good.replacingOccurrences(of: ",\"weight\":\"fc1.weight\"", with: ""),
             "layer 4 (dense) field 'weight' is missing"),
        ]
        for (json, message) in cases {
            XCTAssertNotEqual(json, good, message)
            let bytes = Fixtures.rawModel(metadataJSON: json, tensors: tensors)
            XCTAssertThrowsError(try Model.load(bytes: bytes, source: "m")) {
                XCTAssertEqual("\($0)", "m: " + message)
            }
        }
        XCTAssertNoThrow(try Model.load(bytes: Fixtures.rawModel(metadataJSON: good, tensors: tensors), source: "m"))
    }

    func testCorruptionNeverCrashes() throws {
        let good = Array(try Data(contentsOf: URL(fileURLWithPath: Fixtures.tinyModelPath)))
        var failures = 0
        for length in 0..<good.count {
            if (try? Model.load(bytes: Array(good[0..<length]), source: "t")) == nil { failures += 1 }
        }
        XCTAssertEqual(failures, good.count, "every truncation fails")
        // Overwrite each header byte in turn (and the length prefix) with a few values.
        let headerEnd = 8 + good[0..<8].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        for position in stride(from: 0, to: headerEnd, by: 3) {
            for value: UInt8 in [0x00, 0x22, 0x39, 0xFF] {
                var bytes = good
                bytes[position] = value
                _ = try? Model.load(bytes: bytes, source: "t")
            }
        }
    }
}
