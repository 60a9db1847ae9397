import GenomeCore

/// A genome loaded for training or validation: its records with CDS coverage, and the figures
/// recorded in model provenance.
public struct GenomeData: Sendable {
    /// Uppercase IUPAC letter of each 4-bit mask (index = mask), for the checksum.
    private static let letterOfMask: [UInt8] = Array("-ACMGRSVTWYHKDBN".utf8)

    /// The genome path as given.
    public let path: String
    /// The annotation path as given.
    public let annotationPath: String
    /// Records in file order.
    public let records: [GenomeRecord]
    /// Number of CDS intervals in the annotation (all seqids).
    public let cdsCount: Int
    /// Seqids of the annotation absent from the genome, with their CDS counts (not an error).
    public let missingSeqids: [String: Int]
    /// Total bases over all records.
    public let totalLength: Int
    /// CRC-32 (8 hex digits) of the uppercase IUPAC letters of all records, concatenated in file
    /// order without separators (U read as T).
    public let checksum: String
    /// Bases covered by a CDS on either strand.
    public let codingBases: Int
    /// The genetic code its annotation states (`transl_table` of every CDS line), or nil.
    public let translationTable: Int?

    public init(path: String, annotationPath: String, records: [GenomeRecord], cdsCount: Int,
                missingSeqids: [String: Int] = [:], translationTable: Int? = nil) {
        self.path = path
        self.annotationPath = annotationPath
        self.records = records
        self.cdsCount = cdsCount
        self.missingSeqids = missingSeqids
        self.translationTable = translationTable
        var crc = CRC32()
        var total = 0
        var coding = 0
        var letters = [UInt8](repeating: 0, count: 1 << 16)
        for record in records {
            total += record.length
            var offset = 0
            while offset < record.length {
                let n = min(letters.count, record.length - offset)
                for k in 0..<n { letters[k] = Self.letterOfMask[Int(record.masks[offset + k] & 15)] }
                letters.withUnsafeBufferPointer { crc.update(UnsafeBufferPointer(rebasing: $0[0..<n])) }
                offset += n
            }
            for f in record.flags where f & (GenomeRecord.plusCoding | GenomeRecord.minusCoding) != 0 { coding += 1 }
        }
        totalLength = total
        checksum = crc.hex
        codingBases = coding
    }

    /// CDS intervals on seqids absent from the genome.
    public var missingCDSCount: Int { missingSeqids.values.reduce(0, +) }

}
