import ArgumentParser
import ModelFormat

/// `codingscan model-info [FILE]`: prints a model's metadata.
struct ModelInfo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model-info",
        abstract: "Print a model's metadata (the built-in model when no FILE is given)."
    )

    @Argument(help: "Model file (safetensors). Default: the built-in model.")
    var file: String?

    func run() throws {
        try Failure.exitOnError {
            let model = try ModelSource.load(path: file)
            let text = model.infoText()
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
        }
    }
}
