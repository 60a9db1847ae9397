import Foundation
import XCTest

/// `train --initial-model`: fine-tuning starts from a model file (or the built-in model) and keeps its
/// network and scan defaults; the result scans like any model.
final class InitialModelTests: XCTestCase {
    func testFineTuningTheBuiltInModel() throws {
        let dir = try CLIRunner.temporaryDirectory("codingscan-initial")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let genome = ["--genome", "fixtures/real/pPCP1.fa.gz", "--annotation", "fixtures/real/pPCP1.gff3.gz",
                      "--validate-genome", "fixtures/real/pPCP1.fa.gz", "--validate-annotation", "fixtures/real/pPCP1.gff3.gz",
                      "--epochs", "1", "--windows-per-epoch", "128", "--validation-windows", "64", "--threads", "2",
                      "--reproducible", "-q"]
        let tuned = try CLIRunner.run(["train", "--initial-model", "default", "--learning-rate", "0.0001", "--name", "tuned",
                                       "-o", dir + "/tuned.safetensors"] + genome)
        XCTAssertEqual(tuned.status, 0, tuned.stderrText)
        let info = try CLIRunner.run(["model-info", dir + "/tuned.safetensors"]).stdoutText
        let builtIn = try CLIRunner.run(["model-info"]).stdoutText
        // The layers (a model's gene statistics, which the built-in model carries as a prior, follow them).
        let section = { (text: String) in
            text.components(separatedBy: "layers:")[1].components(separatedBy: "provenance:")[0]
                .components(separatedBy: "gene model:")[0]
        }
        XCTAssertEqual(section(info), section(builtIn), "the built-in model's layers")
        for line in ["window:            360 bases", "step:              27 bases", "smooth:            162 bases",
                     "orf gate:          midpoint 200 bases", "min length:        113 bases"] {
            XCTAssertTrue(info.contains(line), "\(line)\n\(info)")
        }
        XCTAssertTrue(info.contains("\"initial_model\": {\n        \"name\": \"codingscan-default\""), info)
        // It keeps the built-in model's gene statistics (its pooled prior).
        let statistics = { (text: String) in text.components(separatedBy: "gene model:").dropFirst().first?
            .components(separatedBy: "provenance:")[0] }
        XCTAssertNotNil(statistics(builtIn))
        XCTAssertEqual(statistics(info), statistics(builtIn))
        let scan = try CLIRunner.run(["-m", dir + "/tuned.safetensors", "fixtures/real/pPCP1.fa.gz"])
        XCTAssertEqual(scan.status, 0, scan.stderrText)
        XCTAssertGreaterThan(scan.stdoutText.split(separator: "\n").count, 10)

        // A model file: the fixture network (its layers are ones the trainer builds).
        let small = try CLIRunner.run(["train", "--initial-model", "fixtures/models/tiny.safetensors",
                                       "-o", dir + "/small.safetensors"] + genome)
        XCTAssertEqual(small.status, 0, small.stderrText)
        let smallInfo = try CLIRunner.run(["model-info", dir + "/small.safetensors"]).stdoutText
        let tinyInfo = try CLIRunner.run(["model-info", "fixtures/models/tiny.safetensors"]).stdoutText
        XCTAssertEqual(section(smallInfo), section(tinyInfo))
        // The output never replaces the initial model.
        let clobber = try CLIRunner.run(["train", "--initial-model", dir + "/small.safetensors",
                                         "-o", dir + "/small.safetensors"] + genome)
        XCTAssertEqual(clobber.status, 64, clobber.stderrText)
    }
}
