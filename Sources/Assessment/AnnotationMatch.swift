import Annotation
import GenomeCore

/// How an annotation's seqids fit a genome's records.
///
/// CDS on seqids that the genome does not have are counted (a warning, not an error: annotations often
/// cover plasmids or contigs left out of a FASTA). A CDS ending past the end of its record is an error:
/// the annotation belongs to another assembly.
public struct AnnotationMatch: Sendable, Equatable {
    /// Seqids with CDS that are absent from the genome, with their number of CDS intervals.
    public var missingSeqids: [String: Int]

    /// Checks `annotation` against `genome`. Throws `.cdsPastEnd` naming the annotation file and the
    /// first offending seqid, or `.duplicateRecord` when two records share a name.
    public init(annotation: AnnotationSet, genome: ScoredGenome) throws(AssessmentError) {
        let lengths = try genome.lengths()
        let past = annotation.intervalsExtendingPast(lengths: lengths)
        if let first = past.first {
            throw .cdsPastEnd(annotation: annotation.path, genome: PathName.display(genome.path),
                              first: first, length: lengths[first.seqid] ?? 0, count: past.count)
        }
        missingSeqids = annotation.seqidsMissing(from: Set(lengths.keys))
    }

    /// Number of CDS intervals on missing seqids.
    public var missingCDS: Int { missingSeqids.values.reduce(0, +) }

    /// The missing seqids, sorted.
    public var missingNames: [String] { missingSeqids.keys.sorted() }
}
