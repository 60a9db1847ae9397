/// Everything that can go wrong with reading by region (the CLI's `-r/--region` and `--regions-file`),
/// before any base is read. Descriptions name no command-line option; the CLI spells them.
///
/// `isUsage` tells a command-line problem (malformed or inverted region text, a region on standard
/// input: exit status 64) from a problem with an input file or its index (exit status 1). Read errors
/// inside a region are `SequenceIOError`s, thrown by the region readers' `readBases`/`nextRecord`.
public enum RegionError: Error, CustomStringConvertible, Equatable {
    /// Region text that is not samtools region syntax; `reason` says why.
    case malformed(region: String, reason: String)
    /// A region whose first position is after its last (`chr:200-100`).
    case inverted(region: String)
    /// Regions were asked for on standard input, which has no index.
    case standardInput
    /// The regions file could not be opened or read; `reason` is the `strerror` text or similar.
    case cannotReadRegionsFile(path: String, reason: String)
    /// A line of the regions file that is not `chrom <TAB> start <TAB> end ...` (0-based, start < end).
    case badRegionsLine(path: String, line: Int, reason: String)
    /// The input opened, but the format or compression cannot be indexed for random access
    /// (FASTQ, SAM text, gzip that is not bgzip); `what` names it, `hint` says what to do instead.
    case notIndexable(path: String, what: String, hint: String)
    /// The index file is missing; `index` names what was looked for, `hint` how to make it.
    case missingIndex(path: String, index: String, hint: String)
    /// The index does not describe the file (older than it, or offsets that do not fit); `reason` says how.
    case staleIndex(path: String, index: String, reason: String)
    /// The index exists but htslib could not load it (corrupt, or not an index of this file).
    case badIndex(path: String, index: String)
    /// The region's contig is not in the file's index (FASTA) or header (BAM/CRAM).
    case unknownContig(path: String, region: String, contig: String)
    /// The region's name could be read as two different contigs (`a:1` the whole contig `a:1`, or
    /// contig `a` from base 1); braces choose.
    case ambiguous(path: String, region: String)
    /// The region starts after the last base of its contig (`length` bases).
    case startsPastEnd(path: String, region: String, contig: String, length: Int)
    /// Opening the input failed before the index was looked at.
    case input(SequenceIOError)

    /// True for command-line problems (exit status 64), false for input problems (exit status 1).
    public var isUsage: Bool {
        switch self {
        case .malformed, .inverted, .standardInput: return true
        default: return false
        }
    }

    /// One line without a program prefix.
    public var description: String {
        switch self {
        case let .malformed(region, reason):
            return "region '\(p(region))': \(reason) (expected CHR, CHR:BEG, CHR:BEG-END; 1-based; "
                + "write {NAME} for names containing ':')"
        case let .inverted(region):
            return "region '\(p(region))': the start is after the end"
        case .standardInput:
            return "reading by region needs an indexed file (FASTA with .fai, BAM, CRAM), not stdin"
        case let .cannotReadRegionsFile(path, reason):
            return "\(p(path)): cannot read regions file: \(reason)"
        case let .badRegionsLine(path, line, reason):
            return "\(p(path)): line \(line): \(reason)"
        case let .notIndexable(path, what, hint):
            return "\(p(path)): \(what) cannot be read by region; \(hint)"
        case let .missingIndex(path, index, hint):
            return "\(p(path)): no index \(p(index)) for reading by region; \(hint)"
        case let .staleIndex(path, index, reason):
            return "\(p(path)): the index \(p(index)) \(reason); rebuild it with 'samtools faidx \(p(path))'"
        case let .badIndex(path, index):
            return "\(p(path)): cannot load the index \(p(index)) (corrupt, or not an index of this file?)"
        case let .unknownContig(path, region, contig):
            return "\(p(path)): region '\(p(region))': no sequence named '\(p(contig))' in this file"
        case let .ambiguous(path, region):
            return "\(p(path)): region '\(p(region))' is ambiguous: it names a sequence and a range of another; "
                + "write {NAME} or {NAME}:BEG-END"
        case let .startsPastEnd(path, region, contig, length):
            return "\(p(path)): region '\(p(region))' starts past the end of '\(p(contig))' (\(length) bp)"
        case let .input(error):
            return error.description
        }
    }

    private func p(_ text: String) -> String { SequenceIOError.printable(text) }
}
