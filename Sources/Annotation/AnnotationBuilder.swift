/// Collects the CDS intervals and feature keys of one annotation file while it is being read.
struct AnnotationBuilder {
    /// Intervals per seqid, in file order (sorted in `finish`).
    private var intervals: [String: [CDSInterval]] = [:]
    private var featureIDs: Set<String> = []
    private var parents: Set<String> = []
    private var transcripts: Set<String> = []
    /// IDs of GFF3 `protein`/`polypeptide` features: TAIR lists them as a second CDS parent, they are
    /// not transcripts.
    private var proteinIDs: Set<String> = []
    private var singles = 0
    private var translationTables: [Int: Int] = [:]
    private var unstranded = 0
    /// The last seqid seen, raw bytes and string, to avoid building the same string for every line.
    private var lastSeqidBytes: [UInt8] = []
    private var lastSeqid = ""

    /// Adds the 0-based half-open interval `[start, end)` (`start < end`) on `seqidBytes`, the seqid
    /// column as written (percent-decoded first when `decode` is true). `group` names the feature the
    /// interval belongs to; nil when the line's feature was already counted (further BED12 blocks).
    mutating func add(seqidBytes: UnsafeBufferPointer<UInt8>, decode: Bool, start: Int, end: Int,
                      strand: Strand, group: FeatureGroup?) {
        if lastSeqidBytes.isEmpty || !seqidBytes.elementsEqual(lastSeqidBytes) {
            lastSeqidBytes = Array(seqidBytes)
            lastSeqid = decode ? PercentDecoding.decode(seqidBytes) : String(decoding: seqidBytes, as: UTF8.self)
        }
        intervals[lastSeqid, default: []].append(CDSInterval(seqid: lastSeqid, start: start, end: end, strand: strand))
        switch group {
        case let .id(value): featureIDs.insert(value)
        case let .parents(values): parents.formUnion(values)
        case let .transcript(value): transcripts.insert(value)
        case .single: singles += 1
        case nil: break
        }
    }

    /// Counts a CDS added without a strand (BED3).
    mutating func addUnstranded() {
        unstranded += 1
    }

    /// Counts a CDS line's `transl_table` attribute (GFF3, NCBI genetic code number).
    mutating func addTranslationTable(_ table: Int) {
        translationTables[table, default: 0] += 1
    }

    /// Records the `ID` of a GFF3 protein feature.
    mutating func addProteinID(_ id: String) {
        proteinIDs.insert(id)
    }

    /// The finished set: intervals sorted by start, end, strand (plus first).
    func finish(path: String, format: AnnotationFormat) -> AnnotationSet {
        let featureCount = featureIDs.count + parents.subtracting(proteinIDs).count + transcripts.count + singles
        var set = AnnotationSet(path: path, format: format, grouped: intervals, featureCount: featureCount)
        set.translationTables = translationTables
        set.unstrandedCDS = unstranded
        return set
    }
}
