// swift-tools-version:6.0
import PackageDescription

// Modules in layers, dependencies pointing one way (C shims -> foundation -> formats -> compute ->
// applications -> executables); docs/architecture.md holds the layer table, and ArchitectureTests
// checks that every target declares exactly the modules it imports.
/// Always optimise these modules, in debug builds too (tests run them on real-sized data).
let optimised: [SwiftSetting] = [.unsafeFlags(["-O"])]
/// Code generation for CPUs with AVX2 and FMA (Haswell, Zen 1 and later). Only ever called after
/// `CPUFeatures` has confirmed the CPU has them.
let avx2: [SwiftSetting] = [.unsafeFlags(["-O", "-Xcc", "-mavx2", "-Xcc", "-mfma"])]
/// Code generation for CPUs with AVX-512 F/VL/BW/DQ (Skylake-X, Ice Lake, Zen 4 and later). Only ever
/// called after `CPUFeatures` has confirmed the CPU (and the OS) support them.
let avx512: [SwiftSetting] = [.unsafeFlags([
    "-O", "-Xcc", "-mavx512f", "-Xcc", "-mavx512vl", "-Xcc", "-mavx512bw", "-Xcc", "-mavx512dq",
    "-Xcc", "-mfma", "-Xcc", "-mavx2",
])]
/// `avx2` plus AVX-VNNI (the 256-bit VNNI of Intel's client CPUs: Alder Lake and later; Zen 5). Only ever
/// called after `CPUFeatures` has confirmed the CPU has it.
let avxvnni: [SwiftSetting] = [.unsafeFlags(["-O", "-Xcc", "-mavx2", "-Xcc", "-mfma", "-Xcc", "-mavxvnni"])]
/// `avx512` plus AVX-512 VNNI (8-bit dot products: Cascade Lake, Ice Lake, Zen 4 and later). Only ever
/// called after `CPUFeatures` has confirmed the CPU has it.
let avx512vnni: [SwiftSetting] = [.unsafeFlags([
    "-O", "-Xcc", "-mavx512f", "-Xcc", "-mavx512vl", "-Xcc", "-mavx512bw", "-Xcc", "-mavx512dq",
    "-Xcc", "-mavx512vnni", "-Xcc", "-mfma", "-Xcc", "-mavx2",
])]

let package = Package(
    name: "CodingScan",
    products: [
        .executable(name: "codingscan", targets: ["codingscan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // MARK: C shims (system libraries, the allocator's settings, cpuid, the embedded model)
        .systemLibrary(
            name: "CHTSlib",
            path: "Sources/CHTSlib",
            pkgConfig: "htslib",
            providers: [.apt(["libhts-dev"])]
        ),
        .systemLibrary(
            name: "CBigWig",
            path: "Sources/CBigWig",
            providers: [.apt(["libbigwig-dev"])]
        ),
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        .target(name: "CPUFeatures"),
        .target(name: "CDefaultModel"),

        // MARK: Foundation (no dependencies)
        .target(name: "GenomeCore"),
        .target(name: "Windows"),
        .target(name: "ReadingFrames", dependencies: ["Windows"]),

        // MARK: Formats (sequence I/O, annotation, tracks, model files)
        .target(name: "SequenceIO", dependencies: ["GenomeCore", "CHTSlib"]),
        .target(name: "Annotation", dependencies: ["GenomeCore", "CHTSlib"]),
        .target(name: "Tracks", dependencies: ["GenomeCore", "Windows", "CBigWig", "CHTSlib"]),
        .target(name: "ModelFormat", dependencies: ["GenomeCore", "Windows", "ReadingFrames"]),

        // MARK: Compute (kernels and their CPU variants, inference)
        // Hot loops are always built optimised: debug builds of SIMD code are ~300x slower.
        .target(name: "Kernels", swiftSettings: optimised),
        .target(name: "ScalarInference", dependencies: ["Kernels", "ModelFormat", "Windows"], swiftSettings: optimised),
        .target(name: "KernelsPortable", dependencies: ["Kernels"], swiftSettings: optimised),
        .target(name: "KernelsAVX2", dependencies: ["Kernels"], swiftSettings: avx2),
        .target(name: "KernelsAVX512", dependencies: ["Kernels"], swiftSettings: avx512),
        .target(name: "KernelsAVX512VNNI", dependencies: ["Kernels"], swiftSettings: avx512vnni),
        .target(name: "KernelsAVXVNNI", dependencies: ["Kernels"], swiftSettings: avxvnni),
        .target(
            name: "Inference",
            dependencies: ["GenomeCore", "Kernels", "KernelsPortable", "KernelsAVX2", "KernelsAVX512", "KernelsAVX512VNNI", "KernelsAVXVNNI",
                           "CPUFeatures",
                           "ModelFormat",
                           "ScalarInference", "Windows"],
            swiftSettings: optimised
        ),
        .target(name: "GeneCalling", dependencies: ["ReadingFrames", "Tracks", "Windows"], swiftSettings: optimised),

        // MARK: Applications (scan, eval, train)
        .target(name: "Pipeline", dependencies: ["GenomeCore", "SequenceIO", "Windows", "ReadingFrames", "ModelFormat", "Tracks", "GeneCalling", "Training", "Annotation",
                                                 "Inference"]),
        .target(name: "Evaluation"),
        .target(name: "Assessment", dependencies: ["GenomeCore", "SequenceIO", "Windows", "ReadingFrames", "ModelFormat", "Tracks", "Pipeline", "Annotation", "Evaluation"]),
        .target(
            name: "Training",
            dependencies: ["GenomeCore", "SequenceIO", "Windows", "ReadingFrames", "Kernels", "KernelsAVX2", "Inference",
                           "ModelFormat", "Annotation", "Evaluation"],
            swiftSettings: optimised
        ),

        // MARK: Executables
        .executableTarget(
            name: "codingscan",
            dependencies: [
                "GenomeCore", "GeneCalling", "Pipeline", "ModelFormat", "Inference", "SequenceIO", "Training", "Assessment", "Annotation",
                "Windows", "ReadingFrames", "Tracks", "CDefaultModel", "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "codingscan-bench",
            dependencies: ["GenomeCore", "GeneCalling", "Inference", "ModelFormat", "ScalarInference", "SequenceIO", "Windows", "CDefaultModel", "CMalloc"],
            swiftSettings: optimised
        ),

        // MARK: Tests (declared dependencies = imports; CLITests also runs the executable)
        .target(name: "TrackTestSupport", dependencies: ["CBigWig", "Tracks"], path: "Tests/TrackTestSupport"),
        .target(name: "SeededRandom", path: "Tests/SeededRandom"),
        .testTarget(name: "GenomeCoreTests", dependencies: ["GenomeCore"]),
        .testTarget(name: "SequenceIOTests", dependencies: ["SequenceIO"]),
        .testTarget(name: "WindowsTests", dependencies: ["Windows"]),
        .testTarget(name: "ReadingFramesTests", dependencies: ["ReadingFrames", "Windows"]),
        .testTarget(name: "ModelTests", dependencies: ["ModelFormat", "ScalarInference", "Kernels", "Windows"]),
        .testTarget(name: "TracksTests", dependencies: ["Tracks", "TrackTestSupport", "Windows", "SeededRandom"]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "Inference", "ModelFormat", "ScalarInference", "Tracks",
                                                          "Windows", "ReadingFrames"]),
        .testTarget(name: "GeneCallingTests", dependencies: ["GeneCalling", "ReadingFrames", "Tracks", "Windows"]),
        .testTarget(name: "InferenceTests", dependencies: ["Inference", "Kernels", "ModelFormat", "ScalarInference", "Windows"]),
        .testTarget(name: "AnnotationTests", dependencies: ["Annotation", "CHTSlib", "SeededRandom"]),
        .testTarget(name: "EvaluationTests", dependencies: ["Evaluation", "SeededRandom"]),
        .testTarget(name: "AssessmentTests", dependencies: ["Assessment", "ModelFormat", "Annotation", "Evaluation", "Pipeline",
                                                            "Tracks", "Windows"]),
        .testTarget(name: "TrainingTests", dependencies: ["Training", "ModelFormat", "ScalarInference", "Kernels", "KernelsAVX2",
                                                         "Inference", "GenomeCore", "Annotation"]),
        .testTarget(name: "CLITests", dependencies: ["codingscan", "Tracks", "TrackTestSupport"]),
        .testTarget(name: "ArchitectureTests"),
    ],
    swiftLanguageModes: [.v5]
)

// Every Swift module sees only the members of the modules it imports itself (SE-0444), so a missing
// import fails to compile instead of leaking through another file's import; ArchitectureTests then
// checks those imports against the declared dependencies.
for target in package.targets where target.type == .regular || target.type == .executable || target.type == .test {
    target.swiftSettings = (target.swiftSettings ?? []) + [.enableUpcomingFeature("MemberImportVisibility")]
}
