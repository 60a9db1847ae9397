#if canImport(Glibc)
import Glibc
#endif
import SequenceIO
import Tracks

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
                  stat(index, &fai) == 0, (fai.st_mode & S_IFMT) == S_IFREG,
                  !FastaIndexFile.isOlder(index, than: input) else { return nil }
            let entries: [FastaIndexFile.Entry]
            do { entries = try FastaIndexFile.read(index) } catch {
                guard case let .malformed(line) = error else { return nil }
                throw .bigWig(path: index, message: "line \(line): expected 'name<TAB>length<TAB>offset"
                    + "<TAB>linebases<TAB>linewidth' (samtools faidx)")
            }
            for entry in entries {
                names.append(entry.name)
                lengths.append(entry.length)
            }
            sources.append(index)
        }
        return SequenceSizes(source: sources.joined(separator: ", "), names: names, lengths: lengths)
    }
}
