/// A path a run reads or writes, with the role it plays, for messages such as
/// `--output x.bed is the same file as the model (--model x.bed)`.
public struct FileRole: Sendable, Equatable {
    /// What the file is to the run, e.g. "the input", "the model (--model)", "the index of a.fa".
    public let role: String
    /// The path as given.
    public let path: String

    public init(_ role: String, _ path: String) {
        self.role = role
        self.path = path
    }

    /// The first of `reads` that is the same file as `output` (same device and inode), if any. A
    /// character device (`/dev/null`, a terminal) may be both read and written; standard input (`-`)
    /// counts when it is a regular file or a FIFO.
    public static func clash(output: FileRole, reads: [FileRole]) -> FileRole? {
        guard let target = FileIdentity(path: output.path), !target.isCharacterDevice else { return nil }
        for read in reads where FileIdentity(path: read.path) == target { return read }
        return nil
    }

    /// The index files htslib may read beside `path` when it exists: `.fai`, `.gzi`, `.bai`, `.csi`,
    /// `.crai`, also with the data suffix replaced (`x.bam` → `x.bai`).
    public static func indexes(of path: String) -> [FileRole] {
        guard path != "-" else { return [] }
        var candidates = [".fai", ".gzi", ".bai", ".csi", ".crai", ".tbi"].map { path + $0 }
        if let dot = path.lastIndex(of: "."), !path[dot...].contains("/") {
            candidates += [".bai", ".csi", ".crai"].map { path[..<dot] + $0 }
        }
        return candidates.filter { FileIdentity(path: $0) != nil }.map { FileRole("the index of \(path)", $0) }
    }
}
