import Kernels
import GenomeCore

/// The convolution stack of one strand, branch by branch.
///
/// A branch is the activation of one stage on a grid: position `u` of it stands for oriented input
/// position `phase + u · step` (`step` = product of the pool sizes so far). Its windows all start
/// on the grid: window `id` is at `u = (start − phase) / step`, and its own forward pass would see
/// exactly the positions `u ..< u + lengths[stage]` (a VALID convolution and a floor pooling of a
/// window that starts on the grid are a slice of those of the span). A pooling of size p splits a
/// branch into up to p branches, one per `u mod p` among its windows.
extension SpanScorer {
    /// Runs stages `index...` on a branch whose activation `act` is `[count][stride]`.
    func runStages(_ network: FastNetwork, from index: Int, act: UnsafeMutablePointer<Float>, count: Int,
                   stride: Int, phase: Int, step: Int, ids: UnsafeMutableBufferPointer<Int32>, lengths: [Int]) {
        if index == network.tailStart {
            runTail(network, act: act, count: count, stride: stride, phase: phase, step: step, ids: ids,
                    lengths: lengths)
            return
        }
        switch network.stages[index] {
        case .relu:
            network.kernels.relu(act, count * stride)
            runStages(network, from: index + 1, act: act, count: count, stride: stride, phase: phase, step: step,
                      ids: ids, lengths: lengths)
        case let .conv(conv):
            let outputs = count - conv.kernel + 1
            let out = activations[index + 1].reserve(outputs * conv.outStride)
            convolve(network, conv, act: act, positions: count, rows: outputs, rowIndex: nil, relu: conv.relu,
                     output: out)
            runStages(network, from: index + 1, act: out, count: outputs, stride: conv.outStride, phase: phase,
                      step: step, ids: ids, lengths: lengths)
        case let .pool(size), let .subsample(size):
            let maxPool: Bool
            if case .pool = network.stages[index] { maxPool = true } else { maxPool = false }
            let origin = orientedStarts.pointer
            let subIds = idLists[index + 1].reserve(ids.count)
            for residue in 0..<size {
                var n = 0
                for id in ids where ((origin[Int(id)] - phase) / step) % size == residue { subIds[n] = id; n += 1 }
                guard n > 0 else { continue }
                let first = (origin[Int(subIds[0])] - phase) / step
                let outputs = (count - first) / size
                let out = activations[index + 1].reserve(outputs * stride)
                if maxPool {
                    network.kernels.maxPool(act + first * stride, outputs, size, stride, out)
                } else {
                    for u in 0..<outputs {
                        (out + u * stride).update(from: act + (first + u * size) * stride, count: stride)
                    }
                }
                runStages(network, from: index + 1, act: out, count: outputs, stride: stride,
                          phase: phase + first * step, step: step * size,
                          ids: UnsafeMutableBufferPointer(start: subIds, count: n), lengths: lengths)
            }
        }
    }

    /// The stages after the last pooling, then global average pooling into `features`. A single
    /// convolution there runs only at the rows the windows average (the union of their ranges).
    func runTail(_ network: FastNetwork, act: UnsafeMutablePointer<Float>, count: Int, stride: Int, phase: Int,
                 step: Int, ids: UnsafeMutableBufferPointer<Int32>, lengths: [Int]) {
        let origin = orientedStarts.pointer
        let final = lengths.last!
        if let sparse = network.sparseTail, case let .conv(conv) = network.stages[sparse.conv] {
            if sparse.reluBefore { network.kernels.relu(act, count * stride) }
            let rows = tailRows.reserve(ids.count * final)
            let offsets = tailOffsets.reserve(ids.count)
            var total = 0
            var end = 0  // one past the last grid position listed so far
            for (n, id) in ids.enumerated() {
                let u = (origin[Int(id)] - phase) / step
                for position in max(u, end)..<(u + final) { rows[total] = Int32(position); total += 1 }
                end = max(end, u + final)
                offsets[n] = total - (end - u)
            }
            let out = tailOutput.reserve(total * conv.outStride)
            convolve(network, conv, act: act, positions: count, rows: total, rowIndex: rows, relu: sparse.relu,
                     output: out)
            for (n, id) in ids.enumerated() {
                averagePool(out + offsets[n] * conv.outStride, rows: final, stride: conv.outStride,
                            channels: network.featureCount, into: Int(id))
            }
            return
        }
        var current = act
        var currentCount = count
        var currentStride = stride
        for index in network.tailStart..<network.stages.count {
            switch network.stages[index] {
            case .relu:
                network.kernels.relu(current, currentCount * currentStride)
            case .pool, .subsample:
                break  // size 1
            case let .conv(conv):
                let outputs = currentCount - conv.kernel + 1
                let out = activations[index + 1].reserve(outputs * conv.outStride)
                convolve(network, conv, act: current, positions: currentCount, rows: outputs, rowIndex: nil,
                         relu: conv.relu, output: out)
                (current, currentCount, currentStride) = (out, outputs, conv.outStride)
            }
        }
        for id in ids {
            let u = (origin[Int(id)] - phase) / step
            averagePool(current + u * currentStride, rows: final, stride: currentStride,
                        channels: network.featureCount, into: Int(id))
        }
    }

    /// One convolution as a GEMM over `rows` output positions (listed in `rowIndex`, or `0 ..< rows`)
    /// of the `[positions][inStride]` activation `act`; in 8 bits when the layer has an `Int8Conv`.
    func convolve(_ network: FastNetwork, _ conv: PackedConv, act: UnsafeMutablePointer<Float>, positions: Int,
                  rows: Int, rowIndex: UnsafePointer<Int32>?, relu: Bool, output: UnsafeMutablePointer<Float>) {
        guard rows > 0 else { return }
        let started = MonotonicTime.now()
        if let int8 = conv.int8 {
            convolve8(network, int8, act: act, positions: positions, rows: rows, rowIndex: rowIndex, relu: relu,
                      output: output)
        } else {
            conv.packed.withUnsafeBufferPointer { packed in
                conv.bias.withUnsafeBufferPointer { bias in
                    network.kernels.gemm(GEMMProblem(
                        a: act, rowStride: conv.inStride, rowIndex: rowIndex, rows: rows, depth: conv.depth,
                        packed: packed.baseAddress!, bias: bias.baseAddress!, columns: conv.outStride, c: output,
                        ldc: conv.outStride, relu: relu))
                }
            }
        }
        statistics.gemmSeconds += MonotonicTime.now() - started
        statistics.gemmFLOPs += 2 * Double(rows * conv.executedMultiplyAdds)
        statistics.nominalFLOPs += 2 * Double(rows * conv.nominalMultiplyAdds)
    }

    /// The 8-bit form of `convolve`: `act`'s positions quantised to bytes, then the 8-bit GEMM.
    private func convolve8(_ network: FastNetwork, _ int8: Int8Conv, act: UnsafeMutablePointer<Float>, positions: Int,
                           rows: Int, rowIndex: UnsafePointer<Int32>?, relu: Bool, output: UnsafeMutablePointer<Float>) {
        let bytes = quantized.reserve(positions * int8.inStride)
        int8.quantize(act, positions: positions, into: bytes)
        int8.packed.withUnsafeBufferPointer { packed in
            int8.scale.withUnsafeBufferPointer { scale in
                int8.bias.withUnsafeBufferPointer { bias in
                    network.kernels.int8GEMM(Int8GEMMProblem(
                        a: bytes, rowStride: int8.inStride, rowIndex: rowIndex, rows: rows, depth: int8.depth,
                        packed: packed.baseAddress!, scale: scale.baseAddress!, bias: bias.baseAddress!,
                        columns: int8.outStride, c: output, ldc: int8.outStride, relu: relu))
                }
            }
        }
    }

    /// `features[id][c] = Float(Σ_t Double(x[t][c]) / Double(rows))`, summed over `t` in order: the
    /// reference global average pooling, operation for operation. `x` is `[rows][stride]`.
    func averagePool(_ x: UnsafeMutablePointer<Float>, rows: Int, stride: Int, channels: Int, into id: Int) {
        // 16 channels at a time with their sums in registers, rows in order within each channel: the
        // same additions as row by row over all channels, without a round trip through memory per row.
        // `stride` is a multiple of 16, so a block never reads past a row.
        let out = features.pointer + id * channels
        var c = 0
        while c < channels {
            var s0 = SIMD4<Double>(), s1 = SIMD4<Double>(), s2 = SIMD4<Double>(), s3 = SIMD4<Double>()
            for t in 0..<rows {
                let row = UnsafeRawPointer(x + t * stride + c)
                s0 += SIMD4<Double>(row.loadUnaligned(as: SIMD4<Float>.self))
                s1 += SIMD4<Double>(row.loadUnaligned(fromByteOffset: 16, as: SIMD4<Float>.self))
                s2 += SIMD4<Double>(row.loadUnaligned(fromByteOffset: 32, as: SIMD4<Float>.self))
                s3 += SIMD4<Double>(row.loadUnaligned(fromByteOffset: 48, as: SIMD4<Float>.self))
            }
            func put(_ sum: SIMD4<Double>, _ first: Int) {
                for lane in 0..<max(0, min(4, channels - first)) { out[first + lane] = Float(sum[lane] / Double(rows)) }
            }
            put(s0, c)
            put(s1, c + 4)
            put(s2, c + 8)
            put(s3, c + 12)
            c += 16
        }
    }
}
