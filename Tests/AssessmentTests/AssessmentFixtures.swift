import Assessment
import Foundation
import ModelFormat
import Windows

/// Paths and helpers shared by the Assessment tests.
enum AssessmentFixtures {
    /// The package root (…/Tests/AssessmentTests/AssessmentFixtures.swift → …).
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Absolute path of a file under the package root.
    static func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }

    /// The tiny fixture model: window 60, step 20, minimum length 20 bases; random weights.
    static let tinyModel: Model = try! Model.load(path: path("fixtures/models/tiny.safetensors"))

    /// The tiny model's default plan: window 60, step 20, minimum length 20 (bins 20 bp, offset 20).
    static let tinyPlan: WindowPlan = try! GenomeScorer(model: tinyModel).plan
}
