#if canImport(Glibc)
import Glibc
#endif
import Tracks
import GenomeCore

/// Sequence names and lengths from the FASTA indexes (`FILE.fai`, as `samtools faidx` writes them)
/// beside the inputs, so a bigWig can be written while scanning.
public enum FastaIndexSizes {
    /// The sizes of all `inputs` in order, or nil when any input is stdin, has no `.fai` beside it,
    /// or is newer than its `.fai` (a stale index is not trusted; the writer then spools).
    /// A `.fai` that cannot be parsed is an error naming its line.
    public static func load(inputs: [String]) throws(TrackError) -> SequenceSizes? {
        var names: [String] = []
        var lengths: [Int] = []
        var sources: [String] = []
        for input in inputs {
            let index = input + ".fai"
            var data = stat(), fai = stat()
            guard input != "-", stat(input, &data) == 0, (data.st_mode & S_IFMT) == S_IFREG,
                  stat(index, &fai) == 0, (fai.st_mode & S_IFMT) == S_IFREG else { return nil }
            if (data.st_mtim.tv_sec, data.st_mtim.tv_nsec) > (fai.st_mtim.tv_sec, fai.st_mtim.tv_nsec) { return nil }
            guard let bytes = try? WholeFile.read(index) else { return nil }
            let text = String(decoding: bytes, as: UTF8.self)
            var lineNumber = 0
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                lineNumber += 1
                if line.isEmpty { continue }
                let f = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard f.count >= 5, !f[0].isEmpty, let length = Int(f[1]), length >= 0 else {
                    throw .bigWig(path: index, message: "line \(lineNumber): expected 'name<TAB>length<TAB>offset"
                        + "<TAB>linebases<TAB>linewidth' (samtools faidx)")
                }
                names.append(String(f[0]))
                lengths.append(length)
            }
            sources.append(index)
        }
        return SequenceSizes(source: sources.joined(separator: ", "), names: names, lengths: lengths)
    }
}
