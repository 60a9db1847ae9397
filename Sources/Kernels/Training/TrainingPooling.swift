/// Fast max pooling and global average pooling over position-major `[length][channels]`
/// activations, with their gradients. The inner loops run over contiguous channels.
public enum TrainingPooling {
    /// Non-overlapping max pooling (window = stride = `size`):
    /// `output[t][c] = max_{j < size} input[t · size + j][c]` for `t < length / size`; a shorter tail is
    /// dropped. `argmax[t · channels + c]` receives the flat input index `(t · size + j) · channels + c`
    /// of the (first) maximum, for `maxPoolBackward`.
    /// - Parameters:
    ///   - input: `[length][channels]`.
    ///   - output: `[length / size][channels]`, overwritten.
    ///   - argmax: `[length / size][channels]`, overwritten.
    public static func maxPoolForward(
        input: UnsafePointer<Float>, length: Int, channels: Int, size: Int,
        output: UnsafeMutablePointer<Float>, argmax: UnsafeMutablePointer<Int32>
    ) {
        precondition(size >= 1 && channels >= 1)
        let outLength = length / size
        for t in 0..<outLength {
            let first = t * size * channels
            let out = output + t * channels
            let arg = argmax + t * channels
            for c in 0..<channels {
                out[c] = input[first + c]
                arg[c] = Int32(first + c)
            }
            for j in 1..<max(1, size) {
                let base = first + j * channels
                for c in 0..<channels where input[base + c] > out[c] {
                    out[c] = input[base + c]
                    arg[c] = Int32(base + c)
                }
            }
        }
    }

    /// Non-overlapping subsampling: `output[t][c] = input[t · size][c]` for `t < length / size`, with
    /// `argmax` filled as `maxPoolForward` does (the kept index), so `maxPoolBackward` is its gradient.
    public static func subsampleForward(
        input: UnsafePointer<Float>, length: Int, channels: Int, size: Int,
        output: UnsafeMutablePointer<Float>, argmax: UnsafeMutablePointer<Int32>
    ) {
        precondition(size >= 1 && channels >= 1)
        for t in 0..<(length / size) {
            let first = t * size * channels
            for c in 0..<channels {
                output[t * channels + c] = input[first + c]
                argmax[t * channels + c] = Int32(first + c)
            }
        }
    }

    /// Gradient of `maxPoolForward` (and of `subsampleForward`): `gradInput` (`[inLength][channels]`) is zeroed, then each
    /// `gradOutput[k]` is added at `argmax[k]`. Dropped tail positions get 0.
    /// - Parameters:
    ///   - gradOutput, argmax: `[outLength][channels]`.
    public static func maxPoolBackward(
        gradOutput: UnsafePointer<Float>, argmax: UnsafePointer<Int32>, outLength: Int, channels: Int,
        inLength: Int, gradInput: UnsafeMutablePointer<Float>
    ) {
        gradInput.update(repeating: 0, count: inLength * channels)
        for k in 0..<(outLength * channels) {
            let index = Int(argmax[k])
            gradInput[index] = gradInput[index] + gradOutput[k]
        }
    }

    /// `output[c] = (1 / length) · Σ_t input[t][c]` (Float sums); `input` `[length][channels]`,
    /// `output` `[channels]`, overwritten.
    /// - Precondition: `length >= 1`.
    public static func globalAveragePoolForward(
        input: UnsafePointer<Float>, length: Int, channels: Int, output: UnsafeMutablePointer<Float>
    ) {
        precondition(length >= 1)
        output.update(repeating: 0, count: channels)
        for t in 0..<length {
            let row = input + t * channels
            for c in 0..<channels { output[c] = output[c] + row[c] }
        }
        let scale = 1 / Float(length)
        for c in 0..<channels { output[c] = output[c] * scale }
    }

    /// Gradient of `globalAveragePoolForward`: `gradInput[t][c] = gradOutput[c] / length` for every
    /// `t`; `gradInput` `[length][channels]`, overwritten.
    public static func globalAveragePoolBackward(
        gradOutput: UnsafePointer<Float>, length: Int, channels: Int, gradInput: UnsafeMutablePointer<Float>
    ) {
        let scale = 1 / Float(length)
        for t in 0..<length {
            let row = gradInput + t * channels
            for c in 0..<channels { row[c] = gradOutput[c] * scale }
        }
    }
}
