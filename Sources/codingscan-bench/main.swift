import CDefaultModel
import CMalloc
import Foundation
import GeneCalling
import Inference
import ModelFormat

// codingscan-bench: measurements for scripts/bench.sh (figures, not tests). Not installed with
// codingscan and not part of its interface.
//
//   codingscan-bench peak  [--threads N] [--seconds S]
//   codingscan-bench stack --model M [--threads N] [--mb X] [--step S] [--chunk BASES] [--precision fp32|int8]
//   codingscan-bench windows --model M --fasta F --count N [--threads T] [--step S] [--out FILE]
//   codingscan-bench compare --model M --fasta F [--window W] [--step S] [--limit N]
//   codingscan-bench gemm
//   codingscan-bench decode [--mb X] [--gene-model eukaryote|prokaryote] [--repeat R]   (one thread)
//   codingscan-bench builtin-model OUT      (writes the built-in model's safetensors bytes)
//
// Every mode prints `key value` lines. CODINGSCAN_KERNELS=portable|avx2|avx512 picks a lower variant.

let arguments = Array(CommandLine.arguments.dropFirst())
guard let mode = arguments.first else { BenchSupport.usage("give a mode: peak, stack or windows") }
let threads = Int(BenchSupport.option("--threads", arguments) ?? "") ?? BenchSupport.cores

func loadModel() -> Model {
    guard let path = BenchSupport.option("--model", arguments) else { BenchSupport.usage("--model is required") }
    do { return try Model.load(path: path) } catch { BenchSupport.usage("\(error)") }
}

switch mode {
case "peak":
    let seconds = Double(BenchSupport.option("--seconds", arguments) ?? "") ?? 1
    let variant = KernelVariant.fromEnvironment()
    let (single, all) = PeakBench.run(variant: variant, threads: threads, seconds: seconds)
    print("variant \(variant.rawValue)")
    print("peak_gflops_1thread \(String(format: "%.1f", single))")
    print("peak_gflops_\(threads)threads \(String(format: "%.1f", all))")
case "stack":
    let model = loadModel()
    guard let precision = Precision(rawValue: BenchSupport.option("--precision", arguments) ?? "fp32") else {
        BenchSupport.usage("--precision fp32|int8")
    }
    let engine = InferenceEngine(model: model, precision: precision)
    let step = Int(BenchSupport.option("--step", arguments) ?? "") ?? model.metadata.step
    let megabases = Double(BenchSupport.option("--mb", arguments) ?? "") ?? 4
    let chunk = Int(BenchSupport.option("--chunk", arguments) ?? "") ?? 16_384
    let result = StackBench.run(engine: engine, megabases: megabases, threads: threads,
                                window: model.metadata.window, step: step, chunk: chunk)
    let s = result.statistics
    print("variant \(engine.variant.rawValue)")
    print("precision \(precision.rawValue)")
    print("threads \(threads)")
    print("step \(step)")
    print("stack_mb_per_s \(String(format: "%.2f", Double(result.bases) / result.seconds / 1e6))")
    print("stack_gflops \(String(format: "%.1f", s.nominalFLOPs / result.seconds / 1e9))")
    print("gemm_gflops \(String(format: "%.1f", s.gemmFLOPs / (s.gemmSeconds / Double(threads)) / 1e9))")
    print("gemm_share_of_time \(String(format: "%.3f", s.gemmSeconds / Double(threads) / result.seconds))")
    print("flops_per_base \(String(format: "%.0f", s.nominalFLOPs / Double(result.bases)))")
case "windows":
    WindowsBench.main(arguments: arguments, model: loadModel(), threads: threads)
case "compare":
    let model = loadModel()
    guard let fasta = BenchSupport.option("--fasta", arguments) else { BenchSupport.usage("--fasta is required") }
    let window = Int(BenchSupport.option("--window", arguments) ?? "") ?? model.metadata.window
    let step = Int(BenchSupport.option("--step", arguments) ?? "") ?? model.metadata.step
    let limit = Int(BenchSupport.option("--limit", arguments) ?? "") ?? Int.max
    do { try CompareBench.run(model: model, path: fasta, window: window, step: step, limit: limit) } catch {
        BenchSupport.usage("\(error)")
    }
case "builtin-model":
    guard arguments.count == 2 else { BenchSupport.usage("builtin-model OUT") }
    let size = codingscan_default_model_size()
    guard size > 0, let bytes = codingscan_default_model_data() else { BenchSupport.usage("no built-in model") }
    do { try Data(bytes: bytes, count: size).write(to: URL(fileURLWithPath: arguments[1])) } catch {
        BenchSupport.usage("\(error)")
    }
case "gemm":
    for variant in KernelVariant.allCases where variant.isSupported {
        for (cin, cout) in [(32, 64), (64, 64), (16, 32), (32, 32)] {
            let gflops = GEMMBench.run(variant: variant, inChannels: cin, outChannels: cout, kernel: 9, rows: 3_000)
            print("gemm_\(variant.rawValue)_\(cin)x\(cout)_k9 \(String(format: "%.1f", gflops))")
        }
    }
    // The 8-bit GEMM of --precision int8: VNNI (256- or 512-bit) where the CPU has it, else the portable kernel.
    for variant in [KernelVariant.portable, .avxvnni, .avx512vnni] where variant.isSupported {
        let gops = variant.measureInt8ConvolutionGOPS(inChannels: 64, outChannels: 64, kernel: 9, rows: 3_000)
        print("gemm8_\(variant.rawValue)_64x64_k9 \(String(format: "%.1f", gops))")
    }
case "decode":
    // As codingscan does: freed stretch buffers stay in the heap instead of going back to the kernel.
    _ = mallopt(M_MMAP_THRESHOLD, 8 << 20)
    _ = mallopt(M_TRIM_THRESHOLD, 512 << 20)
    let megabases = Double(BenchSupport.option("--mb", arguments) ?? "") ?? 4.8
    let repeats = Int(BenchSupport.option("--repeat", arguments) ?? "") ?? 3
    let name = BenchSupport.option("--gene-model", arguments) ?? "eukaryote"
    guard let kind = GeneModelKind(rawValue: name), kind != .auto else { BenchSupport.usage("--gene-model eukaryote|prokaryote") }
    let result = DecodeBench.run(megabases: megabases, kind: kind, repeats: repeats)
    print("gene_model \(name)")
    print("decode_seconds_per_mb \(String(format: "%.4f", result.secondsPerMb))")
    print("decode_mb_per_s \(String(format: "%.2f", 1 / result.secondsPerMb))")
    print("calls \(result.genes)")
    print("posterior_checksum \(String(format: "%.6f", result.checksum))")
default:
    BenchSupport.usage("unknown mode \(mode)")
}
