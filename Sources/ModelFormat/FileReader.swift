import GenomeCore

/// Reads a whole model file, bounded by `ModelLimits.fileBytes` (`GenomeCore.WholeFile`), reporting
/// failures as `ModelError`s.
enum FileReader {
    /// All bytes of the file at `path`: a regular file no larger than `limit`, or a pipe that ends within
    /// `limit` bytes. Devices (`/dev/zero`), directories and sockets are refused before reading.
    static func readAll(path: String, limit: Int = ModelLimits.fileBytes) throws(ModelError) -> [UInt8] {
        do {
            return try WholeFile.read(path, limit: limit, refuseDevices: true)
        } catch {
            let message: String
            switch error {
            case .cannotOpen: message = "cannot open: \(error.reason)"
            case .cannotRead: message = "cannot read: \(error.reason)"
            case .device: message = "\(error.reason); give a model file"
            case .tooLarge: message = "\(error.reason) of a model file"
            }
            throw ModelError(source: path, kind: .io, message: message)
        }
    }
}
