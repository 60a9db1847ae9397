import Foundation
import ModelFormat
import Windows

/// Paths and helpers for the checked-in model fixtures (written by scripts/make-fixture-model.py).
enum Fixtures {
    /// `fixtures/models` of the repository (located from this source file).
    static let modelsDirectory: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures/models").path

    static var tinyModelPath: String { modelsDirectory + "/tiny.safetensors" }
    static var expectedPath: String { modelsDirectory + "/tiny-expected.tsv" }

    /// `fixtures/models/bad/<name>.safetensors`.
    static func badModelPath(_ name: String) -> String { modelsDirectory + "/bad/\(name).safetensors" }

    /// One row of tiny-expected.tsv: a sequence and the numpy-computed P(coding) of each strand.
    struct ExpectedRow {
        let name: String
        let sequence: String
        let forward: Float
        let reverseComplement: Float
    }

    /// The rows of tiny-expected.tsv (header line skipped).
    static func expectedRows() throws -> [ExpectedRow] {
        let text = try String(contentsOfFile: expectedPath, encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { line in
            let f = line.split(separator: "\t").map(String.init)
            return ExpectedRow(name: f[0], sequence: f[1], forward: Float(f[2])!, reverseComplement: Float(f[3])!)
        }
    }

    /// 4-bit IUPAC masks of an ASCII sequence (BaseEncoding).
    static func masks(_ sequence: String) -> [UInt8] {
        sequence.utf8.map { BaseEncoding.maskOfASCII[Int($0)] }
    }

    /// Safetensors bytes with a hand-written `codingscan` metadata string and F32 tensors
    /// (for metadata errors `ModelMetadata` cannot express, such as unknown fields).
    static func rawModel(metadataJSON: String, tensors: [String: (shape: [Int], values: [Float])]) -> [UInt8] {
        let placeholder = ModelMetadata(name: "x", window: 1, step: 1, minLength: 1, maxWindow: 1, layers: [])
        let bytes = Model.serialize(metadata: placeholder, tensors: tensors)
        // Re-pack with the replacement metadata string.
        let n = bytes[0..<8].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        guard case var .object(header)? = JSONValue.parse(bytes[8..<(8 + n)]) else { fatalError("bad header") }
        header["__metadata__"] = .object(["codingscan": .string(metadataJSON)])
        var headerBytes = Array(JSONValue.object(header).serialized().utf8)
        while (8 + headerBytes.count) % 8 != 0 { headerBytes.append(0x20) }
        var out = (0..<8).map { UInt8(truncatingIfNeeded: headerBytes.count >> (8 * $0)) }
        out += headerBytes
        out += bytes[(8 + n)...]
        return out
    }
}
