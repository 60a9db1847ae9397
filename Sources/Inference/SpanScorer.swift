import GenomeCore
import Kernels
import ModelFormat
import ScalarInference
import Windows

/// Scores the windows of one span of a sequence on both strands, sharing the convolution work of
/// overlapping windows. One per thread: it owns its scratch memory (grow-only, reused).
///
/// The span's convolution stack runs once per position (once per pooling phase where windows need
/// different phases) instead of once per window; each window then averages the final positions
/// that belong to it and runs the dense head. The results equal the reference
/// `ReferenceNetwork.predict` on each window within float rounding (about 1e-6; see `InferenceTests`): the
/// first layer and the GEMMs sum in another order (and with fused multiply-adds), while pooling,
/// the average (in Double) and the dense head repeat the reference operations exactly. Under
/// `--precision int8` the convolutions after the first run in 8 bits (`Int8Conv`): within about 0.001
/// of the float scores, and the same bits on every kernel variant.
///
/// The minus strand is the same stack run over the span read backwards with complemented masks
/// (a complemented table in the first layer), without a copy.
public final class SpanScorer {
    let engine: InferenceEngine
    let network: FastNetwork?
    /// What this scorer has computed (fast path only).
    public internal(set) var statistics = InferenceStatistics()

    /// Activations: index 0 the stem output, `i + 1` the output of stage `i`.
    var activations: [ScratchBuffer<Float>]
    /// Window id lists of the branches: index 0 the stem phases, `i + 1` the pool at stage `i`.
    var idLists: [ScratchBuffer<Int32>]
    let allIds = ScratchBuffer<Int32>()
    /// Oriented start of each window of the current strand, by id.
    let orientedStarts = ScratchBuffer<Int>()
    /// Global-average-pooled features by id, `[id][featureCount]`.
    let features = ScratchBuffer<Float>()
    /// Head output by id.
    let probabilities = ScratchBuffer<Float>()
    let unambiguousPrefix = ScratchBuffer<Int32>()
    let tailRows = ScratchBuffer<Int32>()
    let tailOffsets = ScratchBuffer<Int>()
    let tailOutput = ScratchBuffer<Float>()
    /// An activation in bytes, for `Int8Conv`.
    let quantized = ScratchBuffer<UInt8>()
    let headLanes = ScratchBuffer<SIMD16<Float>>()
    let headNext = ScratchBuffer<SIMD16<Float>>()

    init(engine: InferenceEngine) {
        self.engine = engine
        network = engine.network
        let stages = network?.stages.count ?? 0
        activations = (0...stages).map { _ in ScratchBuffer<Float>() }
        idLists = (0...stages).map { _ in ScratchBuffer<Int32>() }
    }

    /// Scores windows of one span on the strands asked for.
    ///
    /// - Parameters:
    ///   - masks: the span's forward-strand IUPAC masks (`BaseEncoding`), local coordinates `0 ..< count`.
    ///   - windowLength: bases per window (W); at least the model's minimum input length.
    ///   - starts: local starts of the windows, ascending, each with `start + W <= masks.count`.
    ///   - plus, minus: which strands to score.
    ///   - results: one entry per start, overwritten. A window is scored when at least half of its
    ///     bases are A, C, G or T; the minus strand is its reverse complement.
    public func score(masks: UnsafeBufferPointer<UInt8>, windowLength: Int, starts: UnsafeBufferPointer<Int>,
                      plus: Bool, minus: Bool, results: UnsafeMutableBufferPointer<WindowScore>) {
        let count = masks.count
        let w = windowLength
        precondition(results.count >= starts.count)
        precondition(w >= engine.model.minimumInputLength, "window below the network minimum")
        let prefix = unambiguousPrefix.reserve(count + 1)
        prefix[0] = 0
        for i in 0..<count { prefix[i + 1] = prefix[i] + (BaseEncoding.isUnambiguous(masks[i]) ? 1 : 0) }
        let ids = allIds.reserve(starts.count)
        var wanted = 0
        for k in 0..<starts.count {
            let s = starts[k]
            precondition(s >= 0 && s + w <= count && (k == 0 || s >= starts[k - 1]), "bad window start")
            let scored = Int(prefix[s + w] - prefix[s]) * 2 >= w
            results[k] = WindowScore(scored: scored, plus: nil, minus: nil)
            if scored { ids[wanted] = Int32(k); wanted += 1 }
        }
        guard wanted > 0, plus || minus, let base = masks.baseAddress else { return }
        guard let network else {
            referenceScores(masks, w, starts, ids, wanted, plus, minus, results)
            return
        }
        let probs = probabilities.reserve(starts.count)
        let origin = orientedStarts.reserve(starts.count)
        _ = features.reserve(starts.count * network.featureCount)
        if plus {
            for n in 0..<wanted { origin[Int(ids[n])] = starts[Int(ids[n])] }
            runStrand(network, base, direction: 1, table: network.stem.forwardTable, window: w,
                      ids: UnsafeMutableBufferPointer(start: ids, count: wanted))
            for n in 0..<wanted { results[Int(ids[n])].plus = probs[Int(ids[n])] }
        }
        if minus {
            // Oriented position q of the minus strand is forward position count − 1 − q; a window
            // [s, s + W) starts there at count − s − W. Reversing the id list keeps starts ascending.
            var reversed = UnsafeMutableBufferPointer(start: ids, count: wanted)
            reversed.reverse()
            for n in 0..<wanted { origin[Int(ids[n])] = count - starts[Int(ids[n])] - w }
            runStrand(network, base + (count - 1), direction: -1, table: network.stem.reverseTable, window: w,
                      ids: reversed)
            for n in 0..<wanted { results[Int(ids[n])].minus = probs[Int(ids[n])] }
        }
    }

    /// The reference path, window by window, for networks the fast path does not support.
    private func referenceScores(_ masks: UnsafeBufferPointer<UInt8>, _ w: Int, _ starts: UnsafeBufferPointer<Int>,
                                 _ ids: UnsafeMutablePointer<Int32>, _ wanted: Int, _ plus: Bool, _ minus: Bool,
                                 _ results: UnsafeMutableBufferPointer<WindowScore>) {
        guard let reference = engine.reference else { preconditionFailure("reference path without a reference network") }
        for n in 0..<wanted {
            let k = Int(ids[n])
            let window = UnsafeBufferPointer(rebasing: masks[starts[k]..<(starts[k] + w)])
            if plus { results[k].plus = reference.predict(masks: window, reverseComplement: false) }
            if minus { results[k].minus = reference.predict(masks: window, reverseComplement: true) }
        }
    }

    /// Scores the windows `ids` (oriented starts in `orientedStarts`, ascending) of one strand into
    /// `probabilities`. `masks` is oriented position 0; position q is `masks[q · direction]`.
    private func runStrand(_ network: FastNetwork, _ masks: UnsafePointer<UInt8>, direction: Int,
                           table: [Float], window: Int, ids: UnsafeMutableBufferPointer<Int32>) {
        let started = MonotonicTime.now()
        let lengths = network.lengths(window: window)
        let stem = network.stem
        let origin = orientedStarts.pointer
        let groupIds = idLists[0].reserve(ids.count)
        for phase in 0..<stem.pool {
            var n = 0
            for id in ids where origin[Int(id)] % stem.pool == phase { groupIds[n] = id; n += 1 }
            guard n > 0 else { continue }
            let group = UnsafeMutableBufferPointer(start: groupIds, count: n)
            let first = origin[Int(group[0])]
            let spanEnd = origin[Int(group[n - 1])] + window
            let outputs = stem.outputLength(spanEnd - first)
            let out = activations[0].reserve(outputs * stem.stride)
            table.withUnsafeBufferPointer { t in
                stem.bias.withUnsafeBufferPointer { b in
                    network.kernels.oneHotConv(OneHotConvProblem(
                        masks: masks, direction: direction, first: first, outputs: outputs, kernel: stem.kernel,
                        pool: stem.pool, channels: stem.stride, table: t.baseAddress!, bias: b.baseAddress!,
                        relu: stem.relu, output: out, taps: stem.taps))
                }
            }
            statistics.nominalFLOPs += 2 * Double(outputs * stem.taps * stem.nominalMultiplyAdds)
            runStages(network, from: 0, act: out, count: outputs, stride: stem.stride, phase: first,
                      step: stem.pool, ids: group, lengths: lengths)
        }
        statistics.stackSeconds += MonotonicTime.now() - started
        statistics.strandWindows += ids.count
        evaluateHead(network, ids: ids)
    }
}
