import ArgumentParser
import ModelFormat

/// `codingscan model-info [FILE]`: prints a model's metadata.
struct ModelInfo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model-info",
        abstract: "Print a model's metadata (the built-in model and read model when no FILE is given)."
    )

    @Argument(help: "Model file (safetensors). Default: the built-in model, then the built-in read model.")
    var file: String?

    @Option(name: [.short, .long], help: ArgumentHelp("The model file, as -m names it in the other commands.",
                                                      valueName: "file"))
    var model: String?

    func validate() throws {
        if file != nil && model != nil { throw ValidationError("give the model once: as FILE or as -m FILE") }
    }

    func run() throws {
        try Failure.exitOnError {
            let path = file ?? self.model
            var text = try ModelSource.load(path: path).infoText()
            if path == nil, let readModel = try ModelSource.loadRead(option: nil) {
                if !text.hasSuffix("\n") { text += "\n" }
                text += "\nread model (scores each record from its min length to below twice its window whole):\n"
                    + readModel.infoText()
            }
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
        }
    }
}
