import Kernels
import ModelFormat
import Windows

/// The scalar reference forward pass of a model (the fast, SIMD one is `Inference.FastNetwork`): the
/// model's layers compiled once (weights copied out, ReLU fused into the convolution before it), then
/// run with `ReferenceKernels`. Immutable, so one instance may serve several threads.
public final class ReferenceNetwork: Sendable {
    /// The network's minimum input length in bases (`Model.minimumInputLength`).
    public let minimumInputLength: Int
    /// The layers with weights attached, ReLU fused into preceding convolutions.
    let plan: [PlannedLayer]
    /// Floats per position needed by the widest activation (scratch is `length × maxChannels`).
    let maxChannels: Int

    /// Compiles `model`'s validated layers.
    public init(_ model: Model) {
        minimumInputLength = model.minimumInputLength
        plan = model.plan
        maxChannels = PlannedLayer.maxChannels(model.metadata.layers)
    }

    /// Scalar reference forward pass of one window.
    ///
    /// - Parameters:
    ///   - oneHot: `[length][4]` row-major (position-major; channels A, C, G, T; see `BaseEncoding`).
    ///   - length: positions (bases) in the window.
    /// - Returns: P(coding) in `[0, 1]`.
    /// - Precondition: `length >= minimumInputLength` and `oneHot.count >= length * 4`.
    ///
    /// Reentrant: allocates two `length × maxChannels` Float scratch buffers per call.
    public func predict(oneHot: UnsafeBufferPointer<Float>, length: Int) -> Float {
        precondition(length >= minimumInputLength, "window of \(length) bases is below the network minimum")
        precondition(oneHot.count >= length * 4, "oneHot buffer smaller than [length][4]")
        let capacity = length * maxChannels
        var current = [Float](repeating: 0, count: capacity)
        var next = [Float](repeating: 0, count: capacity)
        for k in 0..<(length * 4) { current[k] = oneHot[k] }
        var positions = length
        var channels = 4
        for layer in plan {
            switch layer {
            case let .conv1d(i, o, k, weight, bias, fusedReLU):
                current.withUnsafeBufferPointer { x in
                    next.withUnsafeMutableBufferPointer { y in
                        weight.withUnsafeBufferPointer { w in
                            bias.withUnsafeBufferPointer { b in
                                ReferenceKernels.conv1d(input: x, length: positions, inChannels: i, weight: w,
                                                        bias: b, outChannels: o, kernelSize: k,
                                                        fusedReLU: fusedReLU, output: y)
                            }
                        }
                    }
                }
                positions = positions - k + 1
                channels = o
                swap(&current, &next)
            case .relu:
                current.withUnsafeMutableBufferPointer { x in
                    ReferenceKernels.relu(UnsafeMutableBufferPointer(rebasing: x[0..<(positions * channels)]))
                }
            case let .maxPool1d(size):
                current.withUnsafeBufferPointer { x in
                    next.withUnsafeMutableBufferPointer { y in
                        ReferenceKernels.maxPool1d(input: x, length: positions, channels: channels, size: size,
                                                   output: y)
                    }
                }
                positions /= size
                swap(&current, &next)
            case let .subsample1d(size):
                current.withUnsafeBufferPointer { x in
                    next.withUnsafeMutableBufferPointer { y in
                        ReferenceKernels.subsample1d(input: x, length: positions, channels: channels, size: size,
                                                     output: y)
                    }
                }
                positions /= size
                swap(&current, &next)
            case .globalAveragePool:
                current.withUnsafeBufferPointer { x in
                    next.withUnsafeMutableBufferPointer { y in
                        ReferenceKernels.globalAveragePool(input: x, length: positions, channels: channels,
                                                           output: y)
                    }
                }
                positions = 1
                swap(&current, &next)
            case let .dense(i, o, weight, bias):
                current.withUnsafeBufferPointer { x in
                    next.withUnsafeMutableBufferPointer { y in
                        weight.withUnsafeBufferPointer { w in
                            bias.withUnsafeBufferPointer { b in
                                ReferenceKernels.dense(input: x, inFeatures: i, weight: w, bias: b,
                                                       outFeatures: o, output: y)
                            }
                        }
                    }
                }
                channels = o
                swap(&current, &next)
            case .sigmoid:
                current.withUnsafeMutableBufferPointer { x in
                    ReferenceKernels.sigmoid(UnsafeMutableBufferPointer(rebasing: x[0..<channels]))
                }
            }
        }
        return current[0]
    }

    /// Encodes IUPAC `masks` (4-bit `BaseEncoding` masks, one per base) as one-hot on the given
    /// strand (`reverseComplement` = minus strand: reversed and complemented) and predicts.
    /// - Returns: P(coding) in `[0, 1]`.
    /// - Precondition: `masks.count >= minimumInputLength`.
    public func predict(masks: UnsafeBufferPointer<UInt8>, reverseComplement: Bool) -> Float {
        var oneHot = [Float](repeating: 0, count: masks.count * 4)
        oneHot.withUnsafeMutableBufferPointer { out in
            BaseEncoding.encode(masks, reverseComplement: reverseComplement, into: out)
        }
        return oneHot.withUnsafeBufferPointer { predict(oneHot: $0, length: masks.count) }
    }
}
