// libFuzzer target for Model: safetensors bytes through Model.load(bytes:source:). A model that loads
// must also describe itself and predict on its minimum input without trapping (the validator is what
// makes predict's unchecked pointer arithmetic safe). A thrown ModelError is expected for bad input.
import ModelFormat
import ScalarInference

/// Longest input predicted on; larger accepted minima are only loaded (keeps each run fast).
private let maximumPredictLength = 4096

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzModel(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size > 0 ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    do {
        let model = try Model.load(bytes: bytes, source: "fuzz-input")
        _ = model.infoText()
        let length = max(model.minimumInputLength, model.metadata.minLength)
        if length >= 1 && length <= maximumPredictLength {
            // A = 1, C = 2, G = 4, T = 8, N = 15 (BaseEncoding masks), cycled.
            let masks: [UInt8] = (0..<length).map { [1, 2, 4, 8, 15][$0 % 5] }
            let p = masks.withUnsafeBufferPointer { ReferenceNetwork(model).predict(masks: $0, reverseComplement: false) }
            precondition(!(p < 0 || p > 1), "probability outside [0, 1]: \(p)")
        }
    } catch {
        let text = "\(error)"
        precondition(FuzzInput.isOneLine(text), "error message is not one printable line: \(text.debugDescription)")
    }
    return 0
}
