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

    @Option(name: [.short, .long], help: ArgumentHelp("The model file, as -m names it in the other commands.",
                                                      valueName: "file"))
    var model: String?

    func validate() throws {
        if file != nil && model != nil { throw ValidationError("give the model once: as FILE or as -m FILE") }
    }

    func run() throws {
        try Failure.exitOnError {
            let model = try ModelSource.load(path: file ?? self.model)
            let text = model.infoText()
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
        }
    }
}
