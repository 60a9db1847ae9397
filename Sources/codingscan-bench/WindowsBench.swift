import Foundation
import GenomeCore
import Inference
import ModelFormat
import SequenceIO
import Windows

/// `codingscan-bench windows`: the first `count` windows (model window and step) of the first record
/// long enough, scored on both strands by the shared-work fast path on `threads` threads, timed (best
/// of `repeats`). Prints windows/s (a window = both strands) and writes the probabilities as
/// little-endian float32 `[count][2]` (plus, minus; NaN for unscored windows) to `--out`: the same
/// windows `scripts/bench.sh` feeds to ONNX Runtime.
enum WindowsBench {
    static func main(arguments: [String], model: Model, threads: Int) {
        guard let fasta = BenchSupport.option("--fasta", arguments) else { BenchSupport.usage("--fasta is required") }
        let count = Int(BenchSupport.option("--count", arguments) ?? "") ?? 20_000
        let step = Int(BenchSupport.option("--step", arguments) ?? "") ?? model.metadata.step
        let repeats = Int(BenchSupport.option("--repeats", arguments) ?? "") ?? 3
        let window = model.metadata.window
        let needed = (count - 1) * step + window
        let masks: [UInt8]
        do { masks = try firstRecord(fasta, atLeast: needed) } catch { BenchSupport.usage("\(error)") }
        let engine = InferenceEngine(model: model)
        let windowsPerSpan = max(1, 16_384 / step)
        let spans = (count + windowsPerSpan - 1) / windowsPerSpan
        let scorers = ScorerBox((0..<threads).map { _ in engine.makeScorer() })
        let output = Slots<WindowScore>(count: count, initial: WindowScore(scored: false, plus: nil, minus: nil))
        var best = Double.infinity
        masks.withUnsafeBufferPointer { all in
            let base = UnsafeBufferPointerBox(all)
            for _ in 0..<repeats {
                let start = MonotonicTime.now()
                BenchSupport.parallel(threads) { thread in
                    var starts = [Int](repeating: 0, count: windowsPerSpan)
                    var results = [WindowScore](repeating: WindowScore(scored: false, plus: nil, minus: nil),
                                                count: windowsPerSpan)
                    var span = thread
                    while span < spans {
                        let first = span * windowsPerSpan
                        let n = min(windowsPerSpan, count - first)
                        let spanStart = first * step
                        for k in 0..<n { starts[k] = (first + k) * step - spanStart }
                        let slice = UnsafeBufferPointer(rebasing: base.buffer[spanStart..<((first + n - 1) * step + window)])
                        starts.withUnsafeBufferPointer { s in
                            results.withUnsafeMutableBufferPointer { r in
                                scorers.scorers[thread].score(masks: slice, windowLength: window,
                                                              starts: UnsafeBufferPointer(rebasing: s[0..<n]),
                                                              plus: true, minus: true, results: r)
                            }
                        }
                        for k in 0..<n { output[first + k] = results[k] }
                        span += threads
                    }
                }
                best = min(best, MonotonicTime.now() - start)
            }
        }
        print("variant \(engine.variant.rawValue)")
        print("threads \(threads)")
        print("windows \(count)")
        print("windows_per_s \(String(format: "%.0f", Double(count) / best))")
        if let path = BenchSupport.option("--out", arguments) {
            var floats: [Float] = []
            floats.reserveCapacity(2 * count)
            for score in output.values {
                floats.append(score.plus ?? .nan)
                floats.append(score.minus ?? .nan)
            }
            let data = floats.withUnsafeBufferPointer { Data(buffer: $0) }
            do { try data.write(to: URL(fileURLWithPath: path)) } catch { BenchSupport.usage("\(error)") }
        }
    }

    /// Masks of the first record of at least `length` bases.
    static func firstRecord(_ path: String, atLeast length: Int) throws -> [UInt8] {
        let reader = try SequenceReader(path: path)
        defer { reader.close() }
        var block = [UInt8](repeating: 0, count: 1 << 16)
        while try reader.nextRecord() != nil {
            var masks: [UInt8] = []
            while true {
                let n = try block.withUnsafeMutableBufferPointer { try reader.readBases(into: $0) }
                if n == 0 { break }
                masks += block[0..<n].map { BaseEncoding.maskOfASCII[Int($0)] }
            }
            if masks.count >= length { return masks }
        }
        BenchSupport.usage("no record of \(length) bases in \(path)")
    }
}
