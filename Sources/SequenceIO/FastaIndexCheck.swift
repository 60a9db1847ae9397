#if canImport(Glibc)
import Glibc
#endif

/// Refuses a `.fai` that does not describe its FASTA file, before any base is read through it: an index
/// older than the FASTA, or (plain FASTA) a record whose offset and length run past the end of the file,
/// or whose first base does not start a line. htslib would otherwise read the wrong bases silently.
enum FastaIndexCheck {
    /// Refuses `index` when it is older than the FASTA at `path` (checked before any name is looked up).
    static func checkTimes(path: String, index: String) throws(RegionError) {
        if FastaIndexFile.isOlder(index, than: path) {
            throw .staleIndex(path: path, index: index, reason: "is older than the FASTA file")
        }
    }

    /// Checks every entry of `index` (`FastaIndexFile`) against the size of the plain FASTA at `path`;
    /// `contigs` are the records the regions will read (their first bases are looked at). An index that
    /// cannot be parsed is left to htslib, which refuses it.
    static func checkContent(path: String, index: String, compression: InputCompression,
                             contigs: Set<String>) throws(RegionError) {
        var data = stat()
        guard stat(path, &data) == 0, compression == .none, UInt32(data.st_mode) & UInt32(S_IFMT) == UInt32(S_IFREG),
              let entries = try? FastaIndexFile.read(index), let fasta = fopen(path, "rb") else { return }
        defer { fclose(fasta) }
        let size = Int(data.st_size)
        for entry in entries {
            let (name, length, offset, lineBases, lineWidth, number) =
                (entry.name, entry.length, entry.offset, entry.lineBases, entry.lineWidth, entry.line)
            let (fullLines, overflow) = (length / lineBases).multipliedReportingOverflow(by: lineWidth)
            let end = overflow ? Int.max : offset &+ fullLines &+ length % lineBases
            if end > size {
                throw .staleIndex(path: path, index: index, reason: "does not fit the file (line \(number): "
                    + "record '\(name)', \(length) bases from byte \(offset), runs past the end of the \(size)-byte file)")
            }
            if contigs.contains(name) && length > 0 && offset > 0 {
                var bytes: [UInt8] = [0, 0]
                fseeko(fasta, off_t(offset - 1), SEEK_SET)
                if fread(&bytes, 1, 2, fasta) != 2 || bytes[0] != 0x0A || bytes[1] == UInt8(ascii: ">") {
                    throw .staleIndex(path: path, index: index, reason: "does not fit the file (line "
                        + "\(number): record '\(name)' does not start a sequence line at byte \(offset))")
                }
            }
        }
    }
}
