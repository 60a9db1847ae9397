import GeneCalling
import GenomeCore
import Windows

/// The gene decoder alone, on one thread: random bases (40% GC) with evidence that alternates between
/// coding-like (+) and non-coding-like (−) stretches of 100–2,000 bases on a random strand, plus noise,
/// decoded in 240 kb stretches (the streaming decoder's span) with calls and posterior, as the default
/// bedGraph does. Prints seconds per Mb and a checksum of the posterior (to see that a faster build
/// computes the same thing).
enum DecodeBench {
    static func run(megabases: Double, kind: GeneModelKind, repeats: Int) -> (secondsPerMb: Double, checksum: Double, genes: Int) {
        let span = 240_000
        let n = span
        let acgt: [UInt8] = [1, 2, 4, 8]
        var masks = [UInt8](repeating: 0, count: n)
        var plus = [Double](repeating: 0, count: n), minus = plus
        var model = GeneModel()
        model.kind = kind
        let decoder = GeneDecoder(model: model)
        let stretches = max(1, Int((megabases * 1e6 / Double(span)).rounded()))
        var best = Double.infinity, checksum = 0.0, genes = 0
        for _ in 0..<repeats {
            var state: UInt64 = 20261205   // a fixed linear congruential sequence: the same input for every build
            func next() -> UInt64 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return state >> 11
            }
            var seconds = 0.0
            checksum = 0
            genes = 0
            for _ in 0..<stretches {
                var x = 0
                while x < n {
                    let length = 100 + Int(next() % 1_901), coding = next() % 2 == 0, minusStrand = next() % 2 == 0
                    for i in x..<min(n, x + length) {
                        let r = next()
                        let u = Double(r >> 1) / Double(1 << 52)
                        masks[i] = acgt[u < 0.3 ? 0 : u < 0.5 ? 1 : u < 0.7 ? 2 : 3]
                        let noise = (Double(r & 0xFFFF) / 65_536 - 0.5) * 0.1
                        plus[i] = (coding && !minusStrand ? 0.12 : -0.08) + noise
                        minus[i] = (coding && minusStrand ? 0.12 : -0.08) - noise
                    }
                    x += length
                }
                let start = MonotonicTime.now()
                let result = masks.withUnsafeBufferPointer { m in
                    plus.withUnsafeBufferPointer { p in
                        minus.withUnsafeBufferPointer { q in
                            decoder.decodeWithPosterior(masks: m, plus: p, minus: q, leftEdge: false, rightEdge: false)
                        }
                    }
                }
                seconds += MonotonicTime.now() - start
                genes += result.genes.count
                for i in stride(from: 0, to: n, by: 97) { checksum += Double(result.plus[i]) + Double(result.minus[i]) }
            }
            best = min(best, seconds / (Double(stretches * span) / 1e6))
        }
        return (best, checksum, genes)
    }
}
