#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Plain scalar reference implementations of every layer kernel of the network.
///
/// These are deliberately simple loops with no vectorisation or blocking: they are the ground truth
/// that faster (SIMD) kernels are tested against, and the forward pass `ScalarInference.ReferenceNetwork` uses.
///
/// Layout conventions (shared by all kernels):
/// - Activations are position-major, row-major `[length][channels]` Float matrices: the value of
///   channel `c` at position `t` is `x[t * channels + c]`.
/// - Convolution weights use PyTorch `Conv1d` layout `[out][in][kernel]`:
///   `w[o][i][j]` is `weight[(o * inChannels + i) * kernelSize + j]`.
/// - Dense weights use PyTorch `Linear` layout `[out][in]`: `w[o][i]` is `weight[o * inFeatures + i]`.
/// - Biases are `[out]`.
///
/// Buffer sizes are preconditions (programming errors, not data errors): callers size buffers from
/// already-validated model metadata.
public enum ReferenceKernels {

    // MARK: - Convolution

    /// Output length of a VALID (unpadded), stride-1 convolution: `length - kernelSize + 1`,
    /// or 0 when the input is shorter than the kernel.
    @inlinable
    public static func conv1dOutputLength(length: Int, kernelSize: Int) -> Int {
        max(0, length - kernelSize + 1)
    }

    /// VALID (unpadded), stride-1 1-D convolution with bias, optionally followed by ReLU.
    ///
    /// `out[t][o] = bias[o] + Σ_i Σ_j weight[o][i][j] · input[t + j][i]` for
    /// `t` in `0 ..< length - kernelSize + 1`; with `fusedReLU` each output is then `max(0, ·)`.
    /// - Parameters:
    ///   - input: `[length][inChannels]`.
    ///   - weight: `[outChannels][inChannels][kernelSize]` (PyTorch Conv1d layout).
    ///   - bias: `[outChannels]`.
    ///   - output: `[length - kernelSize + 1][outChannels]`; only that prefix is written.
    /// - Precondition: buffers at least the sizes above; `kernelSize >= 1`; `length >= kernelSize`.
    public static func conv1d(
        input: UnsafeBufferPointer<Float>, length: Int, inChannels: Int,
        weight: UnsafeBufferPointer<Float>, bias: UnsafeBufferPointer<Float>,
        outChannels: Int, kernelSize: Int, fusedReLU: Bool = false,
        output: UnsafeMutableBufferPointer<Float>
    ) {
        precondition(kernelSize >= 1 && inChannels >= 1 && outChannels >= 1)
        precondition(length >= kernelSize, "conv1d input shorter than the kernel")
        let outLength = length - kernelSize + 1
        precondition(input.count >= length * inChannels)
        precondition(weight.count >= outChannels * inChannels * kernelSize)
        precondition(bias.count >= outChannels)
        precondition(output.count >= outLength * outChannels)
        for t in 0..<outLength {
            for o in 0..<outChannels {
                var sum = bias[o]
                for i in 0..<inChannels {
                    for j in 0..<kernelSize {
                        sum += weight[(o * inChannels + i) * kernelSize + j] * input[(t + j) * inChannels + i]
                    }
                }
                output[t * outChannels + o] = fusedReLU ? max(0, sum) : sum
            }
        }
    }

    /// Array convenience for `conv1d`: `input` is `[length][inChannels]` with
    /// `length = input.count / inChannels`; returns `[length - kernelSize + 1][outChannels]`.
    public static func conv1d(
        _ input: [Float], inChannels: Int, weight: [Float], bias: [Float],
        outChannels: Int, kernelSize: Int, fusedReLU: Bool = false
    ) -> [Float] {
        let length = input.count / inChannels
        let outLength = conv1dOutputLength(length: length, kernelSize: kernelSize)
        var out = [Float](repeating: 0, count: outLength * outChannels)
        input.withUnsafeBufferPointer { x in
            weight.withUnsafeBufferPointer { w in
                bias.withUnsafeBufferPointer { b in
                    out.withUnsafeMutableBufferPointer { y in
                        conv1d(input: x, length: length, inChannels: inChannels, weight: w, bias: b,
                               outChannels: outChannels, kernelSize: kernelSize,
                               fusedReLU: fusedReLU, output: y)
                    }
                }
            }
        }
        return out
    }

    // MARK: - Pooling

    /// Output length of non-overlapping max pooling with window and stride `size`: `length / size`
    /// (floor; a tail shorter than `size` is dropped).
    @inlinable
    public static func maxPool1dOutputLength(length: Int, size: Int) -> Int {
        length / size
    }

    /// Non-overlapping 1-D max pooling (window = stride = `size`), per channel.
    ///
    /// `out[t][c] = max_{j < size} input[t * size + j][c]` for `t` in `0 ..< length / size`.
    /// - Parameters:
    ///   - input: `[length][channels]`.
    ///   - output: `[length / size][channels]`.
    /// - Precondition: `size >= 1`; buffers at least the sizes above.
    public static func maxPool1d(
        input: UnsafeBufferPointer<Float>, length: Int, channels: Int, size: Int,
        output: UnsafeMutableBufferPointer<Float>
    ) {
        precondition(size >= 1 && channels >= 1)
        let outLength = length / size
        precondition(input.count >= length * channels)
        precondition(output.count >= outLength * channels)
        for t in 0..<outLength {
            for c in 0..<channels {
                var best = input[(t * size) * channels + c]
                for j in 1..<size {
                    best = max(best, input[(t * size + j) * channels + c])
                }
                output[t * channels + c] = best
            }
        }
    }

    /// Non-overlapping 1-D subsampling (stride `size`), per channel: keeps the first position of
    /// each group of `size`, `out[t][c] = input[t * size][c]` for `t` in `0 ..< length / size` (the
    /// tail is dropped as in `maxPool1d`). Unlike max pooling it keeps the phase of every kept position
    /// relative to the input start (the reading frame, for size 3).
    /// - Parameters:
    ///   - input: `[length][channels]`.
    ///   - output: `[length / size][channels]`.
    public static func subsample1d(
        input: UnsafeBufferPointer<Float>, length: Int, channels: Int, size: Int,
        output: UnsafeMutableBufferPointer<Float>
    ) {
        precondition(size >= 1 && channels >= 1)
        let outLength = length / size
        precondition(input.count >= length * channels)
        precondition(output.count >= outLength * channels)
        for t in 0..<outLength {
            for c in 0..<channels { output[t * channels + c] = input[(t * size) * channels + c] }
        }
    }

    /// Array convenience for `subsample1d`: `input` is `[length][channels]`.
    public static func subsample1d(_ input: [Float], channels: Int, size: Int) -> [Float] {
        let length = input.count / channels
        var out = [Float](repeating: 0, count: (length / size) * channels)
        input.withUnsafeBufferPointer { x in
            out.withUnsafeMutableBufferPointer { y in
                subsample1d(input: x, length: length, channels: channels, size: size, output: y)
            }
        }
        return out
    }

    /// Array convenience for `maxPool1d`: `input` is `[length][channels]`; returns
    /// `[length / size][channels]`.
    public static func maxPool1d(_ input: [Float], channels: Int, size: Int) -> [Float] {
        let length = input.count / channels
        var out = [Float](repeating: 0, count: (length / size) * channels)
        input.withUnsafeBufferPointer { x in
            out.withUnsafeMutableBufferPointer { y in
                maxPool1d(input: x, length: length, channels: channels, size: size, output: y)
            }
        }
        return out
    }

    /// Global average pooling: the mean over positions of each channel.
    ///
    /// `out[c] = (1 / length) · Σ_t input[t][c]`, summed in Double for accuracy on long inputs.
    /// - Parameters:
    ///   - input: `[length][channels]`.
    ///   - output: `[channels]`.
    /// - Precondition: `length >= 1`; buffers at least the sizes above.
    public static func globalAveragePool(
        input: UnsafeBufferPointer<Float>, length: Int, channels: Int,
        output: UnsafeMutableBufferPointer<Float>
    ) {
        precondition(length >= 1 && channels >= 1)
        precondition(input.count >= length * channels)
        precondition(output.count >= channels)
        for c in 0..<channels {
            var sum = 0.0
            for t in 0..<length {
                sum += Double(input[t * channels + c])
            }
            output[c] = Float(sum / Double(length))
        }
    }

    /// Array convenience for `globalAveragePool`: `input` is `[length][channels]`; returns `[channels]`.
    public static func globalAveragePool(_ input: [Float], channels: Int) -> [Float] {
        let length = input.count / channels
        var out = [Float](repeating: 0, count: channels)
        input.withUnsafeBufferPointer { x in
            out.withUnsafeMutableBufferPointer { y in
                globalAveragePool(input: x, length: length, channels: channels, output: y)
            }
        }
        return out
    }

    // MARK: - Dense

    /// Fully connected layer: `out[o] = bias[o] + Σ_i weight[o][i] · input[i]`.
    /// - Parameters:
    ///   - input: `[inFeatures]`.
    ///   - weight: `[outFeatures][inFeatures]` (PyTorch Linear layout).
    ///   - bias: `[outFeatures]`.
    ///   - output: `[outFeatures]`.
    /// - Precondition: buffers at least the sizes above.
    public static func dense(
        input: UnsafeBufferPointer<Float>, inFeatures: Int,
        weight: UnsafeBufferPointer<Float>, bias: UnsafeBufferPointer<Float>, outFeatures: Int,
        output: UnsafeMutableBufferPointer<Float>
    ) {
        precondition(inFeatures >= 1 && outFeatures >= 1)
        precondition(input.count >= inFeatures)
        precondition(weight.count >= outFeatures * inFeatures)
        precondition(bias.count >= outFeatures)
        precondition(output.count >= outFeatures)
        for o in 0..<outFeatures {
            var sum = bias[o]
            for i in 0..<inFeatures {
                sum += weight[o * inFeatures + i] * input[i]
            }
            output[o] = sum
        }
    }

    /// Array convenience for `dense`: `input` is `[inFeatures]`, `weight` `[outFeatures][inFeatures]`;
    /// returns `[outFeatures]` (`outFeatures = bias.count`).
    public static func dense(_ input: [Float], weight: [Float], bias: [Float]) -> [Float] {
        var out = [Float](repeating: 0, count: bias.count)
        input.withUnsafeBufferPointer { x in
            weight.withUnsafeBufferPointer { w in
                bias.withUnsafeBufferPointer { b in
                    out.withUnsafeMutableBufferPointer { y in
                        dense(input: x, inFeatures: input.count, weight: w, bias: b,
                              outFeatures: bias.count, output: y)
                    }
                }
            }
        }
        return out
    }

    // MARK: - Elementwise

    /// Rectified linear unit in place: `x[k] = max(0, x[k])` for every element (any shape).
    public static func relu(_ values: UnsafeMutableBufferPointer<Float>) {
        for k in values.indices {
            values[k] = max(0, values[k])
        }
    }

    /// Rectified linear unit of an array (any shape, elementwise).
    public static func relu(_ values: [Float]) -> [Float] {
        values.map { max(0, $0) }
    }

    /// Logistic sigmoid `1 / (1 + e^-x)`, computed without overflow for any `x`:
    /// for `x >= 0` as `1 / (1 + e^-x)`, for `x < 0` as `e^x / (1 + e^x)`. Result in `[0, 1]`;
    /// NaN in gives NaN out.
    public static func sigmoid(_ x: Float) -> Float {
        if x >= 0 {
            return 1 / (1 + expf(-x))
        } else {
            let e = expf(x)
            return e / (1 + e)
        }
    }

    /// Sigmoid in place over every element (any shape).
    public static func sigmoid(_ values: UnsafeMutableBufferPointer<Float>) {
        for k in values.indices {
            values[k] = sigmoid(values[k])
        }
    }
}
