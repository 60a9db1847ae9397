import CDefaultModel
import ModelFormat

/// Finds the model to use: `--model FILE` or the one built into the binary.
enum ModelSource {
    /// Loads the model, or fails with a message for the user.
    static func load(path: String?) throws -> Model {
        if let path {
            do { return try Model.load(path: path) } catch { throw Failure.message(error.description) }
        }
        let size = codingscan_default_model_size()
        guard size > 0, let data = codingscan_default_model_data() else {
            throw Failure.message("no default model is built into this codingscan; "
                + "give a model file with --model FILE")
        }
        let bytes = Array(UnsafeBufferPointer(start: data, count: size))
        do { return try Model.load(bytes: bytes, source: "built-in model") } catch {
            throw Failure.message(error.description)
        }
    }
}
