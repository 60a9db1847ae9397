import Foundation
import Inference
import ModelFormat
import ScalarInference
import SequenceIO
import Windows

/// `codingscan-bench compare`: the fast path against the reference forward pass on every window of
/// a FASTA file (or the first `limit`), both strands: the largest difference, and every window whose
/// 4-decimal bedGraph value (max of the strands) differs, with both values to 9 decimals.
enum CompareBench {
    static func run(model: Model, path: String, window: Int, step: Int, limit: Int) throws {
        let engine = InferenceEngine(model: model)
        let scorer = engine.makeScorer()
        let reference = ReferenceNetwork(model)
        let reader = try SequenceReader(path: path)
        defer { reader.close() }
        var largest: Float = 0
        var compared = 0
        var roundingDifferences = 0
        var block = [UInt8](repeating: 0, count: 1 << 16)
        while compared < limit, let record = try reader.nextRecord() {
            var masks: [UInt8] = []
            while true {
                let n = try block.withUnsafeMutableBufferPointer { try reader.readBases(into: $0) }
                if n == 0 { break }
                masks += block[0..<n].map { BaseEncoding.maskOfASCII[Int($0)] }
            }
            let plan = WindowPlan(window: window, step: step, minLength: min(model.metadata.minLength, window))
            let count = min(plan.windowCount(length: masks.count), limit - compared)
            guard count > 0 else { continue }
            let w = masks.count < window ? masks.count : window
            let starts = (0..<count).map { masks.count < window ? 0 : plan.windowStart($0) }
            var results = [WindowScore](repeating: WindowScore(scored: false, plus: nil, minus: nil), count: count)
            masks.withUnsafeBufferPointer { m in
                starts.withUnsafeBufferPointer { s in
                    results.withUnsafeMutableBufferPointer {
                        scorer.score(masks: m, windowLength: w, starts: s, plus: true, minus: true, results: $0)
                    }
                }
            }
            for (k, start) in starts.enumerated() where results[k].scored {
                let slice = Array(masks[start..<(start + w)])
                let p = slice.withUnsafeBufferPointer { reference.predict(masks: $0, reverseComplement: false) }
                let m = slice.withUnsafeBufferPointer { reference.predict(masks: $0, reverseComplement: true) }
                largest = max(largest, abs(p - results[k].plus!), abs(m - results[k].minus!))
                let fast = max(results[k].plus!, results[k].minus!)
                let reference = max(p, m)
                if rounded(fast) != rounded(reference) {
                    roundingDifferences += 1
                    print(String(format: "window %@:%d-%d fast %.9f reference %.9f (plus %.9f/%.9f, minus %.9f/%.9f)",
                                 record.name, start, start + w, fast, reference, results[k].plus!, p,
                                 results[k].minus!, m))
                }
            }
            compared += count
        }
        print("windows_compared \(compared)")
        print("max_abs_difference \(String(format: "%.3g", largest))")
        print("bedgraph_values_differing \(roundingDifferences)")
    }

    /// The bedGraph text value: 4 decimals, half away from zero (as `NumberFormat`).
    static func rounded(_ p: Float) -> Int {
        Int((min(max(Double(p), 0), 1) * 10000).rounded(.toNearestOrAwayFromZero))
    }
}
