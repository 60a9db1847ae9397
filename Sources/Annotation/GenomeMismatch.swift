/// Why an annotation cannot be laid onto a genome: the one check (and wording) of `train` and `eval`.
///
/// `description` is one line naming the file first.
public enum GenomeMismatch: Error, Sendable, Equatable, CustomStringConvertible {
    /// `count` CDS of `annotation` end past the end of their sequence in `genome`; `first` is the first
    /// (0-based half-open, seqid then start order) and `length` its sequence's length in bases.
    case cdsPastEnd(annotation: String, genome: String, first: CDSInterval, length: Int, count: Int)
    /// Two records of `genome` are named `name` (the second one's header is on `line`; 0 = unknown), so
    /// CDS on that seqid cannot be placed.
    case duplicateRecord(genome: String, name: String, line: Int)
    /// None of the annotation's `cds` CDS lies on a record of `genome`: the two name their sequences
    /// differently (`chr1` against `1` or `NC_000001.11`). The names are the first few of each, in order.
    case noSharedSeqid(annotation: String, genome: String, cds: Int, annotationSeqids: [String], genomeRecords: [String])

    public var description: String {
        switch self {
        case let .cdsPastEnd(annotation, genome, first, length, count):
            let others = count > 1 ? " (and \(count - 1) more CDS past a sequence end)" : ""
            return "\(annotation): CDS \(first) (0-based, half-open) ends past the end of seqid '\(first.seqid)' "
                + "in \(genome) (\(length) bp)\(others); does the annotation belong to this genome?"
        case let .duplicateRecord(genome, name, line):
            let place = line > 0 ? "line \(line): " : ""
            return "\(genome): \(place)two records are named '\(name)'; CDS on that seqid cannot be placed"
        case let .noSharedSeqid(annotation, genome, cds, seqids, records):
            return "\(annotation): none of its \(cds) CDS lies on a record of \(genome): the annotation names "
                + "\(Self.list(seqids)), the genome \(Self.list(records)) (the same assembly named another way?)"
        }
    }

    /// Up to three quoted names, then how many more.
    static func list(_ names: [String]) -> String {
        let shown = names.prefix(3).map { "'\($0)'" }.joined(separator: ", ")
        return names.count > 3 ? "\(shown) and \(names.count - 3) more" : shown
    }

    /// Throws `.cdsPastEnd` for the first CDS of `annotation` that ends past its record in `lengths`
    /// (record name → bases) of the genome named `genome` in messages.
    public static func check(_ annotation: AnnotationSet, fits lengths: [String: Int],
                             genome: String) throws(GenomeMismatch) {
        let past = annotation.intervalsExtendingPast(lengths: lengths)
        if let first = past.first {
            throw .cdsPastEnd(annotation: annotation.path, genome: genome, first: first,
                              length: lengths[first.seqid] ?? 0, count: past.count)
        }
    }
}
