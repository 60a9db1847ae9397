/// Figures about one loaded genome, for progress messages and provenance.
public struct GenomeSummary: Sendable, Equatable {
    /// "training" or "validation".
    public let role: String
    /// Paths as given.
    public let path: String
    public let annotationPath: String
    /// Records and total bases.
    public let records: Int
    public let length: Int
    /// CRC-32 of the uppercase bases (see `GenomeData.checksum`).
    public let checksum: String
    /// CDS intervals in the annotation.
    public let cdsCount: Int
    /// CDS on sequences absent from the genome, and how many such sequences.
    public let missingCDSCount: Int
    public let missingSeqidCount: Int
    /// Bases covered by a CDS on either strand.
    public let codingBases: Int

    public init(role: String, genome: GenomeData) {
        self.role = role
        path = genome.path
        annotationPath = genome.annotationPath
        records = genome.records.count
        length = genome.totalLength
        checksum = genome.checksum
        cdsCount = genome.cdsCount
        missingCDSCount = genome.missingCDSCount
        missingSeqidCount = genome.missingSeqids.count
        codingBases = genome.codingBases
    }
}
