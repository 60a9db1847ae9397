import GenomeCore
import Kernels

/// The dense head after global average pooling, 16 windows at a time (`HeadKernels`): lane `l` of
/// every vector is window `l` of the batch, so each lane performs exactly the reference operations
/// (`sum = bias; sum += w · x` in input order, ReLU as `max(0, x)`, the reference sigmoid) and gives
/// the reference's bits for the same features.
extension SpanScorer {
    /// Turns `features[id]` into `probabilities[id]` for every id.
    func evaluateHead(_ network: FastNetwork, ids: UnsafeMutableBufferPointer<Int32>) {
        let width = network.head.reduce(network.featureCount) { widest, layer in
            if case let .dense(_, o, _, _) = layer { return max(widest, o) }
            return widest
        }
        var x = headLanes.reserve(width)
        var y = headNext.reserve(width)
        let features = self.features.pointer
        let probabilities = self.probabilities.pointer
        let lanes = SIMD16<Float>.scalarCount
        var batchStart = 0
        while batchStart < ids.count {
            let count = min(lanes, ids.count - batchStart)
            var size = network.featureCount
            // Transpose features [window][c] into lanes [c][window] (zeros in unused lanes).
            x.withMemoryRebound(to: Float.self, capacity: size * lanes) { xs in
                xs.update(repeating: 0, count: size * lanes)
                for l in 0..<count {
                    let row = features + Int(ids[batchStart + l]) * size
                    for c in 0..<size { xs[c * lanes + l] = row[c] }
                }
            }
            for layer in network.head {
                switch layer {
                case let .dense(inFeatures, outFeatures, weight, bias):
                    weight.withUnsafeBufferPointer { w in
                        bias.withUnsafeBufferPointer { b in
                            network.kernels.headDense(x, inFeatures, w.baseAddress!, b.baseAddress!, outFeatures, y)
                        }
                    }
                    swap(&x, &y)
                    size = outFeatures
                case .relu:
                    // Scalar on purpose: this module runs on every CPU (see `KernelPolicy`).
                    x.withMemoryRebound(to: Float.self, capacity: size * lanes) { xs in
                        for k in 0..<(size * lanes) where !(xs[k] >= 0) { xs[k] = 0 }
                    }
                case .sigmoid:
                    x.withMemoryRebound(to: Float.self, capacity: size * lanes) { xs in
                        for k in 0..<(size * lanes) { xs[k] = ReferenceKernels.sigmoid(xs[k]) }
                    }
                }
            }
            x.withMemoryRebound(to: Float.self, capacity: lanes) { result in
                for l in 0..<count { probabilities[Int(ids[batchStart + l])] = result[l] }
            }
            batchStart += count
        }
    }
}
