/// The CDS intervals of one annotation file, grouped by sequence record.
///
/// All coordinates are 0-based half-open `[start, end)` on the forward strand. Intervals are kept as
/// read, one per CDS line (or BED12 coding block): duplicates (a CDS shared by several transcripts
/// written once per transcript) and overlaps stay.
public struct AnnotationSet: Sendable {
    /// The path the set was read from (any label when built in memory).
    public let path: String
    /// The format the file was read as (GFF3 for a file with no data lines and no header).
    public let format: AnnotationFormat
    /// Intervals per seqid, each list sorted by start, then end, then strand (plus first).
    public let intervals: [String: [CDSInterval]]
    /// Number of distinct CDS features: GFF3 lines sharing an `ID` (or, without one, a `Parent`
    /// transcript; TAIR `protein` parents excluded) count once, GTF lines sharing a `transcript_id`
    /// count once, every BED line counts once. Equals the NCBI gene-table count for RefSeq files.
    public let featureCount: Int
    /// CDS lines per `transl_table` value (GFF3 attribute, NCBI genetic code number); empty when no line
    /// has one. See `translationTable`.
    public var translationTables: [Int: Int] = [:]
    /// CDS read without a strand (BED3 to BED5 lines), kept on the plus strand; training refuses them.
    public var unstrandedCDS = 0

    /// The genetic code the annotation states: the `transl_table` of its CDS lines when they all agree,
    /// else nil (none stated, or several).
    public var translationTable: Int? {
        translationTables.count == 1 ? translationTables.keys.first : nil
    }

    /// Groups and sorts `intervals`. `featureCount` defaults to the number of intervals.
    public init(path: String, format: AnnotationFormat, intervals: [CDSInterval], featureCount: Int? = nil) {
        self.init(path: path, format: format, grouped: Dictionary(grouping: intervals, by: \.seqid),
                  featureCount: featureCount ?? intervals.count)
    }

    /// Sorts each list of `grouped` (which must be keyed by the intervals' seqids).
    init(path: String, format: AnnotationFormat, grouped: [String: [CDSInterval]], featureCount: Int) {
        self.path = path
        self.format = format
        self.intervals = grouped.mapValues { list in
            list.sorted { a, b in
                if a.start != b.start { return a.start < b.start }
                if a.end != b.end { return a.end < b.end }
                return a.strand == .plus && b.strand == .minus
            }
        }
        self.featureCount = featureCount
    }

    /// Number of CDS intervals (CDS lines; BED12 lines count their coding blocks).
    public var cdsCount: Int {
        intervals.values.reduce(0) { $0 + $1.count }
    }

    /// The seqids that carry at least one CDS, sorted.
    public var seqids: [String] {
        intervals.keys.sorted()
    }

    /// The seqids with CDS that are not in `genomeNames`, with their number of CDS intervals.
    public func seqidsMissing(from genomeNames: Set<String>) -> [String: Int] {
        var missing: [String: Int] = [:]
        for (seqid, list) in intervals where !genomeNames.contains(seqid) {
            missing[seqid] = list.count
        }
        return missing
    }

    /// The CDS intervals that end past the length of their sequence (`end > lengths[seqid]`, lengths
    /// in bases), in seqid then start order. Seqids absent from `lengths` are not checked (see
    /// `seqidsMissing(from:)`).
    public func intervalsExtendingPast(lengths: [String: Int]) -> [CDSInterval] {
        var found: [CDSInterval] = []
        for seqid in seqids {
            guard let length = lengths[seqid], let list = intervals[seqid] else { continue }
            found.append(contentsOf: list.lazy.filter { $0.end > length })
        }
        return found
    }

    /// Per-base CDS coverage of `seqid` on `strand`: `length` bytes, byte `i` (0-based) is 1 when base
    /// `i` lies in any CDS on that strand, 0 otherwise. Parts of CDS beyond `length` are ignored; an
    /// unknown seqid gives all zeros. A negative `length` gives an empty array.
    public func coverage(seqid: String, length: Int, strand: Strand) -> [UInt8] {
        coverage(seqid: seqid, length: length) { $0 == strand }
    }

    /// Per-base CDS coverage of `seqid` on either strand: 1 where any CDS lies, 0 elsewhere.
    public func coverageAnyStrand(seqid: String, length: Int) -> [UInt8] {
        coverage(seqid: seqid, length: length) { _ in true }
    }

    /// Coverage by the intervals whose strand passes `include`; one pass over the sorted intervals,
    /// each base written at most once.
    private func coverage(seqid: String, length: Int, include: (Strand) -> Bool) -> [UInt8] {
        var bits = [UInt8](repeating: 0, count: max(0, length))
        guard let list = intervals[seqid], length > 0 else { return bits }
        bits.withUnsafeMutableBufferPointer { buffer in
            var coveredTo = 0
            for interval in list where include(interval.strand) {
                let start = max(interval.start, coveredTo)
                let end = min(interval.end, length)
                if start < end {
                    UnsafeMutableBufferPointer(rebasing: buffer[start..<end]).update(repeating: 1)
                    coveredTo = end
                }
            }
        }
        return bits
    }
}
