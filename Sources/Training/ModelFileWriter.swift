import GenomeCore

/// Writes a model file without ever destroying what its path names (see `GenomeCore.OutputFile`): a
/// regular file is replaced atomically (readers see the old file or the complete new one), a device or
/// FIFO is written directly.
public enum ModelFileWriter {
    /// Writes `bytes` to `path` (permissions 0666 less the umask). On failure the temporary file is
    /// removed and the destination is untouched.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(TrainingError) {
        let base = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard !base.isEmpty else { throw .cannotWrite(path: path, reason: "not a file name") }
        do { try OutputFile.write(bytes, to: path) } catch {
            throw .cannotWrite(path: path, reason: error.reason)
        }
    }
}
