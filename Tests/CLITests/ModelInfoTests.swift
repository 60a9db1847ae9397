import XCTest

/// `model-info` names its model as the other commands do (`-m FILE`) or as an argument.
final class ModelInfoTests: XCTestCase {
    func testModelOptionAndArgumentAgree() throws {
        let model = "fixtures/models/tiny.safetensors"
        let byArgument = try CLIRunner.run(["model-info", model])
        let byOption = try CLIRunner.run(["model-info", "-m", model])
        XCTAssertEqual(byArgument.status, 0, byArgument.stderrText)
        XCTAssertEqual(byOption.stdoutText, byArgument.stdoutText)
        XCTAssertTrue(byOption.stdoutText.contains("name:              tiny-fixture\n"), byOption.stdoutText)
        let both = try CLIRunner.run(["model-info", "-m", model, model])
        XCTAssertEqual(both.status, 64)
        XCTAssertTrue(both.stderrText.contains("give the model once: as FILE or as -m FILE"), both.stderrText)
    }
}
