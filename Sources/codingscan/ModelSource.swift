import CDefaultModel
import ModelFormat

/// Finds the models to use: `--model FILE` or the one built into the binary, and `--read-model FILE`
/// (or `none`) or the read model built into the binary.
enum ModelSource {
    /// `--read-model none`: records shorter than the window are scored by the model itself.
    static let noReadModel = "none"

    /// Loads the model, or fails with a message for the user.
    static func load(path: String?) throws -> Model {
        if let path { return try load(file: path) }
        guard let model = try builtIn(codingscan_default_model_data(), codingscan_default_model_size()) else {
            throw Failure.message("no default model is built into this codingscan; "
                + "give a model file with --model FILE")
        }
        return model
    }

    /// The read model: the file `option` names, none for `none`, else the built-in one (nil when the
    /// binary has none).
    static func loadRead(option: String?) throws -> Model? {
        if option == noReadModel { return nil }
        if let option { return try load(file: option) }
        return try builtIn(codingscan_read_model_data(), codingscan_read_model_size(), source: "built-in read model")
    }

    private static func load(file: String) throws -> Model {
        do { return try Model.load(path: file) } catch { throw Failure.message(error.description) }
    }

    private static func builtIn(_ data: UnsafePointer<UInt8>?, _ size: Int, source: String = "built-in model") throws -> Model? {
        guard size > 0, let data else { return nil }
        let bytes = Array(UnsafeBufferPointer(start: data, count: size))
        do { return try Model.load(bytes: bytes, source: source) } catch { throw Failure.message(error.description) }
    }
}
