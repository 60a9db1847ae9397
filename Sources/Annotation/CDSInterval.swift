/// One coding-sequence (CDS) segment of a sequence record.
///
/// Coordinates are 0-based and half-open, `[start, end)`, in bases of the forward strand, whatever
/// the strand of the feature: a GFF3/GTF line `start=1 end=3` becomes `start=0, end=3` (bases 0, 1
/// and 2), a BED line `0 3` stays `start=0, end=3`. `0 <= start < end` always holds.
public struct CDSInterval: Sendable, Hashable, CustomStringConvertible {
    /// Name of the sequence record (GFF3 seqids are percent-decoded).
    public var seqid: String
    /// First base, 0-based.
    public var start: Int
    /// One past the last base, 0-based (exclusive).
    public var end: Int
    /// Strand of the coding sequence.
    public var strand: Strand

    /// Creates an interval; `start` and `end` are 0-based half-open.
    public init(seqid: String, start: Int, end: Int, strand: Strand) {
        self.seqid = seqid
        self.start = start
        self.end = end
        self.strand = strand
    }

    /// Length in bases (`end - start`).
    public var length: Int { end - start }

    /// `seqid:start-end(strand)` with 0-based half-open coordinates, e.g. `chr1:0-3(+)`.
    public var description: String {
        "\(seqid):\(start)-\(end)(\(strand))"
    }
}
