#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Adam (Kingma & Ba) with bias correction and optional decoupled weight decay (AdamW):
/// `p ← p − lr · (m̂ / (√v̂ + ε) + decay · p)`, decay only on the ranges given (weights).
struct AdamOptimizer: Sendable {
    static let beta1: Float = 0.9
    static let beta2: Float = 0.999
    static let epsilon: Float = 1e-8

    /// First and second moment estimates, parallel to the parameters.
    private var m: [Float]
    private var v: [Float]
    /// Per parameter: 1 when weight decay applies, else 0.
    private let decayMask: [Float]
    /// Updates done so far.
    private(set) var step = 0

    init(parameterCount: Int, decayed: [Range<Int>]) {
        m = [Float](repeating: 0, count: parameterCount)
        v = [Float](repeating: 0, count: parameterCount)
        var mask = [Float](repeating: 0, count: parameterCount)
        for range in decayed { for k in range { mask[k] = 1 } }
        decayMask = mask
    }

    /// One update of `parameters` from `gradients` (`parameters.count` floats).
    mutating func update(parameters: inout [Float], gradients: UnsafePointer<Float>, learningRate: Float,
                         weightDecay: Float) {
        step += 1
        let b1 = Self.beta1
        let b2 = Self.beta2
        let correction1 = Float(1 - pow(Double(b1), Double(step)))
        let correction2 = Float(1 - pow(Double(b2), Double(step)))
        let stepSize = learningRate / correction1
        let decay = learningRate * weightDecay
        let count = parameters.count
        m.withUnsafeMutableBufferPointer { m in
            v.withUnsafeMutableBufferPointer { v in
                decayMask.withUnsafeBufferPointer { mask in
                    parameters.withUnsafeMutableBufferPointer { p in
                        for k in 0..<count {
                            let g = gradients[k]
                            m[k] = b1 * m[k] + (1 - b1) * g
                            v[k] = b2 * v[k] + (1 - b2) * g * g
                            let denominator = (v[k] / correction2).squareRoot() + Self.epsilon
                            p[k] = p[k] - stepSize * m[k] / denominator - decay * mask[k] * p[k]
                        }
                    }
                }
            }
        }
    }
}
