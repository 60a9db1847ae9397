#if canImport(Glibc)
import Glibc
#endif

/// Refuses a `.fai` that does not describe its FASTA file, before any base is read through it: an index
/// older than the FASTA, or (plain FASTA) a record whose offset and length run past the end of the file,
/// or whose first base does not start a line. htslib would otherwise read the wrong bases silently.
enum FastaIndexCheck {
    /// Refuses `index` when it is older than the FASTA at `path` (checked before any name is looked up).
    static func checkTimes(path: String, index: String) throws(RegionError) {
        var data = stat(), fai = stat()
        guard stat(path, &data) == 0, stat(index, &fai) == 0 else { return }
        if (data.st_mtim.tv_sec, data.st_mtim.tv_nsec) > (fai.st_mtim.tv_sec, fai.st_mtim.tv_nsec) {
            throw .staleIndex(path: path, index: index, reason: "is older than the FASTA file")
        }
    }

    /// Checks every line of `index` against the size of the plain FASTA at `path`, reading the index a
    /// line at a time; `contigs` are the records the regions will read (their first bases are looked at).
    static func checkContent(path: String, index: String, compression: InputCompression,
                             contigs: Set<String>) throws(RegionError) {
        var data = stat()
        guard stat(path, &data) == 0, compression == .none, UInt32(data.st_mode) & UInt32(S_IFMT) == UInt32(S_IFREG),
              let fasta = fopen(path, "rb"), let lines = fopen(index, "rb") else { return }
        defer { fclose(fasta); fclose(lines) }
        let size = Int(data.st_size)
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        var number = 0
        while getline(&buffer, &capacity, lines) >= 0, let buffer {
            number += 1
            let fields = String(cString: buffer).split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 5, let length = Int(fields[1]), let offset = Int(fields[2]),
                  let lineBases = Int(fields[3]), let lineWidth = Int(fields[4].prefix { $0.isNumber }),
                  length >= 0, offset >= 0, lineBases > 0, lineWidth >= lineBases else { continue }
            let name = String(fields[0])
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
