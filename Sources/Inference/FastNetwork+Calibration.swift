import Kernels

extension FastNetwork {
    /// Bases of the calibration sequence: 24 kb cost about 12 ms per model when it loads (2-vCPU Zen 5);
    /// 12 kb gave a mean |Δp| of 0.00117 instead of 0.00109 (see `calibratedBound`).
    static let calibrationBases = 24_000
    /// How far above the calibration's largest value an 8-bit input reaches before it saturates.
    static let calibrationHeadroom: Float = 1.5

    /// The top of each 8-bit input channel (what byte 255 stands for): `headroom · max(observed[i],
    /// layer max / 4)`, never above `bound[i]` (the channel's largest possible value). The quarter of
    /// the layer's largest value keeps channels the random DNA hardly excites from saturating on
    /// real genomes. Chosen by agreement with the float track on E. coli (built-in model, mean
    /// |Δp| of the window track): per channel 0.00109 against 0.00132 per layer (headroom 1.5), and
    /// headroom 1 / 1.25 / 1.5 / 2 / 3 per channel gave 0.00129 / 0.00112 / 0.00109 / 0.00112 / 0.00121.
    static func calibratedBound(_ bound: [Float], observed: [Float]) -> [Float] {
        let layer = observed.max() ?? 0
        return bound.indices.map { min(bound[$0], calibrationHeadroom * max(observed[$0], layer / 4)) }
    }

    /// For each stage, the largest value of each channel of its input (`[stages.count][input stride]`)
    /// when the float network runs over `calibrationBases` of pseudo-random DNA: a fixed generator,
    /// so every run on every CPU gets the same figures (they set `Int8Conv`'s steps). The stages'
    /// own packed weights run on the portable kernels, whatever the variant: the same instructions on
    /// every CPU (no fused multiply-adds), hence the same floats.
    static func calibrationMaxima(stem: OneHotStem, stages: [InferenceStage]) -> [[Float]] {
        let kernels = KernelSet(.portable)
        var masks = [UInt8](repeating: 0, count: calibrationBases)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for i in masks.indices {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            masks[i] = 1 << UInt8(state >> 62)
        }
        var count = stem.outputLength(calibrationBases)
        var stride = stem.stride
        var act = [Float](repeating: 0, count: count * stride)
        masks.withUnsafeBufferPointer { m in
            stem.forwardTable.withUnsafeBufferPointer { t in
                stem.bias.withUnsafeBufferPointer { b in
                    act.withUnsafeMutableBufferPointer { out in
                        kernels.oneHotConv(OneHotConvProblem(
                            masks: m.baseAddress!, direction: 1, first: 0, outputs: count, kernel: stem.kernel,
                            pool: stem.pool, channels: stem.stride, table: t.baseAddress!, bias: b.baseAddress!,
                            relu: stem.relu, output: out.baseAddress!, taps: stem.taps))
                    }
                }
            }
        }
        var maxima: [[Float]] = []
        for stage in stages {
            maxima.append((0..<stride).map { c in (0..<count).reduce(-Float.infinity) { max($0, act[$1 * stride + c]) } })
            switch stage {
            case .relu:
                act.withUnsafeMutableBufferPointer { kernels.relu($0.baseAddress!, $0.count) }
            case let .conv(conv):
                let rows = max(0, count - conv.kernel + 1)
                var out = [Float](repeating: 0, count: rows * conv.outStride)
                if rows > 0 {
                    act.withUnsafeBufferPointer { a in
                        conv.packed.withUnsafeBufferPointer { packed in
                            conv.bias.withUnsafeBufferPointer { bias in
                                out.withUnsafeMutableBufferPointer { c in
                                    kernels.gemm(GEMMProblem(
                                        a: a.baseAddress!, rowStride: conv.inStride, rowIndex: nil, rows: rows,
                                        depth: conv.depth, packed: packed.baseAddress!, bias: bias.baseAddress!,
                                        columns: conv.outStride, c: c.baseAddress!, ldc: conv.outStride,
                                        relu: conv.relu))
                                }
                            }
                        }
                    }
                }
                (act, count, stride) = (out, rows, conv.outStride)
            case let .pool(size), let .subsample(size):
                let outputs = count / size
                var out = [Float](repeating: 0, count: outputs * stride)
                if case .pool = stage {
                    act.withUnsafeBufferPointer { a in
                        out.withUnsafeMutableBufferPointer { kernels.maxPool(a.baseAddress!, outputs, size, stride, $0.baseAddress!) }
                    }
                } else {
                    for u in 0..<outputs { out[(u * stride)..<((u + 1) * stride)] = act[(u * size * stride)..<((u * size + 1) * stride)] }
                }
                (act, count) = (out, outputs)
            }
        }
        return maxima
    }
}
