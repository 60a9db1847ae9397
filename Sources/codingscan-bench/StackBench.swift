import Inference
import ModelFormat
import GenomeCore

/// `codingscan-bench stack`: the convolution stack alone (no input or output) on a random sequence,
/// both strands, the model's window and step, spans of `chunk` window starts spread over threads.
enum StackBench {
    struct Timing {
        var seconds: Double
        var bases: Int
        var statistics: InferenceStatistics
    }

    static func run(engine: InferenceEngine, megabases: Double, threads: Int, window: Int, step: Int,
                    chunk: Int) -> Timing {
        let length = Int(megabases * 1_000_000)
        var state: UInt64 = 12345
        let masks: [UInt8] = (0..<length).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(1) << UInt8((state >> 33) & 3)
        }
        let windowsPerSpan = max(1, chunk / step)
        let windowCount = (length - window) / step + 1
        let spans = (windowCount + windowsPerSpan - 1) / windowsPerSpan
        let collected = Slots<InferenceStatistics>(count: threads, initial: InferenceStatistics())
        let scorers = (0..<threads).map { _ in engine.makeScorer() }
        let box = ScorerBox(scorers)
        let start = MonotonicTime.now()
        masks.withUnsafeBufferPointer { all in
            let base = UnsafeBufferPointerBox(all)
            BenchSupport.parallel(threads) { thread in
                let scorer = box.scorers[thread]
                var results = [WindowScore](repeating: WindowScore(scored: false, plus: nil, minus: nil),
                                            count: windowsPerSpan)
                var starts = [Int](repeating: 0, count: windowsPerSpan)
                var span = thread
                while span < spans {
                    let first = span * windowsPerSpan
                    let count = min(windowsPerSpan, windowCount - first)
                    let spanStart = first * step
                    let spanEnd = (first + count - 1) * step + window
                    for k in 0..<count { starts[k] = (first + k) * step - spanStart }
                    let slice = UnsafeBufferPointer(rebasing: base.buffer[spanStart..<spanEnd])
                    starts.withUnsafeBufferPointer { s in
                        results.withUnsafeMutableBufferPointer { r in
                            scorer.score(masks: slice, windowLength: window,
                                         starts: UnsafeBufferPointer(rebasing: s[0..<count]), plus: true, minus: true,
                                         results: r)
                        }
                    }
                    span += threads
                }
                collected[thread] = scorer.statistics
            }
        }
        let seconds = MonotonicTime.now() - start
        var total = InferenceStatistics()
        for part in collected.values { total.add(part) }
        return Timing(seconds: seconds, bases: length, statistics: total)
    }
}

/// Scorers handed to threads by index.
final class ScorerBox: @unchecked Sendable {
    let scorers: [SpanScorer]
    init(_ scorers: [SpanScorer]) { self.scorers = scorers }
}

/// A read-only buffer shared by threads.
struct UnsafeBufferPointerBox: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<UInt8>
    init(_ buffer: UnsafeBufferPointer<UInt8>) { self.buffer = buffer }
}
