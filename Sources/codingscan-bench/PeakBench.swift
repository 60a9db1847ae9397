import Inference
import ModelFormat

/// `codingscan-bench peak`: the FMA peak of the chosen kernel variant, one thread and `threads` at once.
enum PeakBench {
    static func run(variant: KernelVariant, threads: Int, seconds: Double) -> (single: Double, all: Double) {
        let single = variant.measurePeakGFLOPS(seconds: seconds)
        let results = Slots<Double>(count: threads, initial: 0)
        BenchSupport.parallel(threads) { index in
            results[index] = variant.measurePeakGFLOPS(seconds: seconds)
        }
        return (single, results.values.reduce(0, +))
    }
}

