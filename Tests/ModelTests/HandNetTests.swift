import ModelFormat
import XCTest
import ScalarInference

/// Tiny networks whose outputs are worked out by hand in the comments.
final class HandNetTests: XCTestCase {
    /// conv1d(4→1, k=1) with weights A=1, C=2, G=3, T=4 and bias 0.5; relu; global_avg_pool;
    /// dense(1→1) weight 2, bias -3; sigmoid. Per base: A 1.5, C 2.5, G 3.5, T 4.5, N 3.0.
    func pointwiseNet() throws -> Model {
        let layers: [LayerSpec] = [
            .conv1d(in: 4, out: 1, kernel: 1), .relu, .globalAveragePool, .dense(in: 1, out: 1), .sigmoid,
        ]
        let metadata = ModelMetadata(name: "hand", window: 4, step: 1, minLength: 1, maxWindow: 10, layers: layers,
                                     provenance: ["by": "hand"])
        let tensors: [String: (shape: [Int], values: [Float])] = [
            "conv1.weight": ([1, 4, 1], [1, 2, 3, 4]), "conv1.bias": ([1], [0.5]),
            "fc1.weight": ([1, 1], [2]), "fc1.bias": ([1], [-3]),
        ]
        return try Model.load(bytes: Model.serialize(metadata: metadata, tensors: tensors), source: "hand")
    }

    func predict(_ model: Model, _ sequence: String, minus: Bool = false) -> Float {
        Fixtures.masks(sequence).withUnsafeBufferPointer { ReferenceNetwork(model).predict(masks: $0, reverseComplement: minus) }
    }

    func testPointwiseNet() throws {
        let model = try pointwiseNet()
        XCTAssertEqual(model.minimumInputLength, 1)
        // ACGT: mean(1.5, 2.5, 3.5, 4.5) = 3; 2·3 - 3 = 3; sigmoid(3).
        XCTAssertEqual(predict(model, "ACGT"), 0.95257412682, accuracy: 1e-6)
        // AAN: mean(1.5, 1.5, 3.0) = 2; 2·2 - 3 = 1; sigmoid(1).
        XCTAssertEqual(predict(model, "AAN"), 0.73105857863, accuracy: 1e-6)
        // Minus strand of AAN is NTT: mean(3.0, 4.5, 4.5) = 4; 2·4 - 3 = 5; sigmoid(5).
        XCTAssertEqual(predict(model, "AAN", minus: true), 0.99330714907, accuracy: 1e-6)
        // R = half A, half G: 0.5·1 + 0.5·3 + 0.5 = 2.5 → 2·2.5 - 3 = 2; sigmoid(2).
        XCTAssertEqual(predict(model, "r"), 0.88079707797, accuracy: 1e-6)
        // A: 1.5 → 0; sigmoid(0) = 0.5 exactly.
        XCTAssertEqual(predict(model, "A"), 0.5)
    }

    /// conv1d(4→1, k=2) computing A(t) + C(t+1); maxpool1d(2); global_avg_pool; dense(1→1) 1, 0; sigmoid.
    func testConvPoolNet() throws {
        let layers: [LayerSpec] = [
            .conv1d(in: 4, out: 1, kernel: 2), .maxPool1d(size: 2), .globalAveragePool, .dense(in: 1, out: 1), .sigmoid,
        ]
        let metadata = ModelMetadata(name: "hand2", window: 6, step: 1, minLength: 3, maxWindow: 10, layers: layers)
        // weight [1][4][2]: A → [1, 0], C → [0, 1], G, T → 0.
        let tensors: [String: (shape: [Int], values: [Float])] = [
            "conv1.weight": ([1, 4, 2], [1, 0, 0, 1, 0, 0, 0, 0]), "conv1.bias": ([1], [0]),
            "fc1.weight": ([1, 1], [1]), "fc1.bias": ([1], [0]),
        ]
        let model = try Model.load(bytes: Model.serialize(metadata: metadata, tensors: tensors), source: "hand2")
        // Needs 1 after the pool → 2 before it → 3 before the k=2 conv.
        XCTAssertEqual(model.minimumInputLength, 3)
        // ACCAAC: conv [2, 1, 0, 1, 2]; pool [2, 1] (tail 2 dropped); mean 1.5; sigmoid(1.5).
        XCTAssertEqual(predict(model, "ACCAAC"), 0.81757447619, accuracy: 1e-6)
        // Minus strand GTTGGT: no A, no C → all 0 → 0.5.
        XCTAssertEqual(predict(model, "ACCAAC", minus: true), 0.5)
        // Shortest input: ACC → conv [2, 0] → pool [2] → sigmoid(2).
        XCTAssertEqual(predict(model, "ACC"), 0.88079707797, accuracy: 1e-6)
    }

    func testMinimumLengthBelowNetworkIsRejected() {
        let layers: [LayerSpec] = [
            .conv1d(in: 4, out: 1, kernel: 2), .maxPool1d(size: 2), .globalAveragePool, .dense(in: 1, out: 1), .sigmoid,
        ]
        let metadata = ModelMetadata(name: "hand2", window: 6, step: 1, minLength: 2, maxWindow: 10, layers: layers)
        let tensors: [String: (shape: [Int], values: [Float])] = [
            "conv1.weight": ([1, 4, 2], [Float](repeating: 0, count: 8)), "conv1.bias": ([1], [0]),
            "fc1.weight": ([1, 1], [1]), "fc1.bias": ([1], [0]),
        ]
        XCTAssertThrowsError(try Model.load(bytes: Model.serialize(metadata: metadata, tensors: tensors), source: "h")) {
            XCTAssertEqual("\($0)", "h: min_length 2 is below the network's minimum input length 3")
        }
    }
}
