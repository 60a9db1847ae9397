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

    /// Checks `annotation` against `genome`. Throws `.mismatch` (`GenomeMismatch`) naming the annotation file
    /// and the first offending seqid, two records that share a name, or an annotation none of whose CDS
    /// lies on a record of the genome (evaluating it would score every base as non-coding).
    public init(annotation: AnnotationSet, genome: ScoredGenome) throws(AssessmentError) {
        let lengths = try genome.lengths()
        do {
            try GenomeMismatch.check(annotation, fits: lengths, genome: PathName.display(genome.path))
        } catch {
            throw .mismatch(error)
        }
        missingSeqids = annotation.seqidsMissing(from: Set(lengths.keys))
        if annotation.cdsCount > 0 && missingCDS == annotation.cdsCount {
            throw .mismatch(.noSharedSeqid(annotation: annotation.path, genome: PathName.display(genome.path),
                                           cds: annotation.cdsCount, annotationSeqids: annotation.seqids,
                                           genomeRecords: genome.sequences.map(\.name)))
        }
    }

    /// Number of CDS intervals on missing seqids.
    public var missingCDS: Int { missingSeqids.values.reduce(0, +) }

    /// The missing seqids, sorted.
    public var missingNames: [String] { missingSeqids.keys.sorted() }
}
