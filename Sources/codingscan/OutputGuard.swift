import GenomeCore

/// Keeps an output option (`-o`, `--plot`) from overwriting anything the same run reads, whatever its
/// role: inputs, their index files, the model, a regions file, standard input or output. Paths are
/// compared by device and inode, so links, `./` and hard links are caught.
enum OutputGuard {
    /// A usage error when `output` (given as `flag`) is one of `reads`.
    static func check(flag: String, output: String, reads: [FileRole]) throws {
        guard let clash = FileRole.clash(output: FileRole(flag, output), reads: reads) else { return }
        let what = ["-", "/dev/stdout"].contains(clash.path) ? clash.role : "\(clash.role) \(clash.path)"
        throw Failure.usage("\(flag) \(output) is \(what); refusing to overwrite it")
    }

    /// Input files in `role` (stdin as "standard input") with the index files beside them.
    static func reads(_ paths: [String], role: String = "the input file") -> [FileRole] {
        paths.flatMap { path in
            path == "-" ? [FileRole("standard input", "-")] : [FileRole(role, path)] + FileRole.indexes(of: path)
        }
    }

    /// The model file when `--model` was given.
    static func model(_ path: String?, role: String = "the model file (--model)") -> [FileRole] {
        path.map { [FileRole(role, $0)] } ?? []
    }

    /// Standard output, when it is a file or pipe, for commands that also write to it (eval's report):
    /// another output must not be written over it.
    static let standardOutput = [FileRole("standard output", "/dev/stdout")]
}
