// swift-tools-version:6.0
import PackageDescription

// Layers, dependencies pointing one way:
// CHTSlib → SequenceIO → Windows (encoding, windowing) → Kernels → Model → Tracks → Pipeline
// → Annotation, Evaluation → Assessment (eval) → Training → codingscan
/// Always optimise these modules, in debug builds too (tests run them on real-sized data).
let optimised: [SwiftSetting] = [.unsafeFlags(["-O"])]

let package = Package(
    name: "CodingScan",
    products: [
        .executable(name: "codingscan", targets: ["codingscan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CHTSlib",
            path: "Sources/CHTSlib",
            pkgConfig: "htslib",
            providers: [.apt(["libhts-dev"])]
        ),
        .target(name: "SequenceIO", dependencies: ["CHTSlib"]),
        .target(name: "Windows"),
        // Hot loops are always built optimised: debug builds of SIMD code are ~300x slower.
        .target(name: "Kernels", swiftSettings: optimised),
        .target(name: "Model", dependencies: ["Kernels", "Windows"]),
        .target(name: "Tracks", dependencies: ["Windows"]),
        .target(name: "Pipeline", dependencies: ["SequenceIO", "Windows", "Model", "Tracks"]),
        .target(name: "Annotation", dependencies: ["CHTSlib"]),
        .target(name: "Evaluation"),
        .target(name: "Assessment", dependencies: ["SequenceIO", "Windows", "Model", "Tracks", "Pipeline", "Annotation", "Evaluation"]),
        .target(
            name: "Training",
            dependencies: ["SequenceIO", "Windows", "Kernels", "Model", "Tracks", "Pipeline", "Annotation", "Evaluation"],
            swiftSettings: optimised
        ),
        .target(name: "CDefaultModel"),
        .executableTarget(
            name: "codingscan",
            dependencies: [
                "Pipeline", "Model", "SequenceIO", "Training", "Assessment", "Evaluation", "Annotation", "CDefaultModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "SequenceIOTests", dependencies: ["SequenceIO"]),
        .testTarget(name: "WindowsTests", dependencies: ["Windows"]),
        .testTarget(name: "ModelTests", dependencies: ["Model", "Kernels", "Windows"]),
        .testTarget(name: "TracksTests", dependencies: ["Tracks", "Windows"]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline"]),
        .testTarget(name: "AnnotationTests", dependencies: ["Annotation"]),
        .testTarget(name: "EvaluationTests", dependencies: ["Evaluation"]),
        .testTarget(name: "AssessmentTests", dependencies: ["Assessment", "Model", "Annotation"]),
        .testTarget(name: "TrainingTests", dependencies: ["Training", "Model", "Kernels"]),
        .testTarget(name: "CLITests", dependencies: ["codingscan"]),
    ],
    swiftLanguageModes: [.v5]
)
