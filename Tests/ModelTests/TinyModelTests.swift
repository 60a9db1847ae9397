import Foundation
import ModelFormat
import ScalarInference
import Windows
import XCTest

/// The checked-in tiny fixture against the numpy forward pass in tiny-expected.tsv.
final class TinyModelTests: XCTestCase {
    func testMetadata() throws {
        let model = try Model.load(path: Fixtures.tinyModelPath)
        let m = model.metadata
        XCTAssertEqual(m.formatVersion, 1)
        XCTAssertEqual(m.name, "tiny-fixture")
        XCTAssertEqual(m.encoding, BaseEncoding.name)
        XCTAssertEqual([m.window, m.step, m.minLength, m.maxWindow], [60, 20, 20, 100_000])
        XCTAssertEqual(m.layers, [
            .conv1d(in: 4, out: 6, kernel: 5), .relu, .maxPool1d(size: 2), .conv1d(in: 6, out: 8, kernel: 3), .relu,
            .globalAveragePool, .dense(in: 8, out: 4), .relu, .dense(in: 4, out: 1), .sigmoid,
        ])
        XCTAssertEqual(m.tensorNames[0], TensorNames(prefix: "conv1"))
        XCTAssertEqual(m.tensorNames[8], TensorNames(prefix: "fc2"))
        XCTAssertEqual(m.tensorNames, TensorNames.defaults(for: m.layers))
        // conv k5 → pool 2 → conv k3 needs 1 + 2 = 3, × 2 = 6, + 4 = 10 bases.
        XCTAssertEqual(model.minimumInputLength, 10)
        XCTAssertEqual(model.source, Fixtures.tinyModelPath)
        XCTAssertEqual(model.tensors["conv1.weight"]?.shape, [6, 4, 5])
        XCTAssertEqual(model.tensors["conv1.weight"]?.values.count, 120)
        XCTAssertEqual(model.tensors.count, 8)
        guard case let .object(provenance) = m.provenance else { return XCTFail("provenance is not an object") }
        XCTAssertEqual(provenance["command"], "python3 scripts/make-fixture-model.py")
        XCTAssertEqual(provenance["weights"]?.objectValue?["seed"], 20_240_601)
        XCTAssertTrue(m.provenanceJSON.hasPrefix("{\"command\":"))
        XCTAssertEqual(JSONValue.parse(m.provenanceJSON), m.provenance)
    }

    func testBothStrandsMatchNumpy() throws {
        let model = try Model.load(path: Fixtures.tinyModelPath)
        let rows = try Fixtures.expectedRows()
        XCTAssertGreaterThanOrEqual(rows.count, 20)
        XCTAssertEqual(Set(rows.map(\.sequence.count)), [20, 21, 59, 60, 61, 100, 200])
        var values: [Float] = []
        for row in rows {
            let masks = Fixtures.masks(row.sequence)
            XCTAssertFalse(masks.contains(0), "\(row.name) has a non-IUPAC letter")
            let plus = masks.withUnsafeBufferPointer { ReferenceNetwork(model).predict(masks: $0, reverseComplement: false) }
            let minus = masks.withUnsafeBufferPointer { ReferenceNetwork(model).predict(masks: $0, reverseComplement: true) }
            XCTAssertEqual(plus, row.forward, accuracy: 1e-5, "\(row.name) forward")
            XCTAssertEqual(minus, row.reverseComplement, accuracy: 1e-5, "\(row.name) reverse complement")
            values += [plus, minus]
        }
        // The fixture is meant to spread outputs, not saturate them.
        XCTAssertLessThan(values.min()!, 0.3)
        XCTAssertGreaterThan(values.max()!, 0.7)
    }

    func testOneHotEntryPointAgreesWithMasks() throws {
        let model = try Model.load(path: Fixtures.tinyModelPath)
        for row in try Fixtures.expectedRows() {
            let masks = Fixtures.masks(row.sequence)
            var oneHot = [Float](repeating: -1, count: masks.count * 4)
            masks.withUnsafeBufferPointer { m in
                oneHot.withUnsafeMutableBufferPointer { BaseEncoding.encode(m, reverseComplement: false, into: $0) }
            }
            let p = oneHot.withUnsafeBufferPointer { ReferenceNetwork(model).predict(oneHot: $0, length: masks.count) }
            let q = masks.withUnsafeBufferPointer { ReferenceNetwork(model).predict(masks: $0, reverseComplement: false) }
            XCTAssertEqual(p, q, row.name)
        }
    }

    func testPredictIsReentrant() throws {
        let model = try Model.load(path: Fixtures.tinyModelPath)
        let rows = try Fixtures.expectedRows()
        let serial = rows.map { row in
            Fixtures.masks(row.sequence).withUnsafeBufferPointer { ReferenceNetwork(model).predict(masks: $0, reverseComplement: false) }
        }
        let results = UnsafeMutableBufferPointer<Float>.allocate(capacity: rows.count * 8)
        defer { results.deallocate() }
        DispatchQueue.concurrentPerform(iterations: rows.count * 8) { k in
            let masks = Fixtures.masks(rows[k % rows.count].sequence)
            results[k] = masks.withUnsafeBufferPointer { ReferenceNetwork(model).predict(masks: $0, reverseComplement: false) }
        }
        for k in 0..<(rows.count * 8) {
            XCTAssertEqual(results[k], serial[k % rows.count])
        }
    }

    func testFixtureReserializesToIdenticalBytes() throws {
        // The Python writer uses the same canonical layout as Model.serialize.
        let file = try Data(contentsOf: URL(fileURLWithPath: Fixtures.tinyModelPath))
        let model = try Model.load(path: Fixtures.tinyModelPath)
        XCTAssertEqual(model.serialized(), Array(file))
    }

    func testInfoText() throws {
        let text = try Model.load(path: Fixtures.tinyModelPath).infoText()
        XCTAssertTrue(text.hasSuffix("\n"))
        for expected in [
            "name:              tiny-fixture\n",
            "format version:    1\n",
            "encoding:          acgt-iupac-fractional\n",
            "window:            60 bases\n",
            "step:              20 bases\n",
            "min length:        20 bases\n",
            "max window:        100000 bases\n",
            "network minimum:   10 bases",
            "   1  conv1d 4->6 kernel 5  126 parameters (conv1.weight, conv1.bias)\n",
            "   2  relu\n",
            "   3  maxpool1d size 2\n",
            "   4  conv1d 6->8 kernel 3  152 parameters (conv2.weight, conv2.bias)\n",
            "   6  global_avg_pool\n",
            "   7  dense 8->4            36 parameters (fc1.weight, fc1.bias)\n",
            "   9  dense 4->1            5 parameters (fc2.weight, fc2.bias)\n",
            "  10  sigmoid\n",
            "total parameters:  319\n",
            "provenance:\n  {\n    \"command\": \"python3 scripts/make-fixture-model.py\",\n",
            "    \"weights\": {\n      \"distribution\":",
        ] {
            XCTAssertTrue(text.contains(expected), "missing \(expected.debugDescription) in:\n\(text)")
        }
    }
}
