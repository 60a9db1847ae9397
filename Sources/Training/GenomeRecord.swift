import Windows

/// One sequence record of a genome, held wholly in memory with its CDS coverage.
public struct GenomeRecord: Sendable {
    /// Record name (first word of the FASTA header).
    public let name: String
    /// IUPAC masks of the bases (`BaseEncoding`), `[length]`.
    public let masks: [UInt8]
    /// Per-base flags, `[length]`: bit 0 = covered by a CDS on the plus strand, bit 1 = on the minus
    /// strand, bit 2 = the base is exactly one of A, C, G, T.
    public let flags: [UInt8]

    /// Flag bit: CDS on the plus strand.
    public static let plusCoding: UInt8 = 1
    /// Flag bit: CDS on the minus strand.
    public static let minusCoding: UInt8 = 2
    /// Flag bit: unambiguous base.
    public static let unambiguous: UInt8 = 4

    /// Builds a record from masks and per-base 0/1 coverage of each strand (`[length]` each).
    /// - Precondition: the three arrays have equal lengths.
    public init(name: String, masks: [UInt8], plusCoverage: [UInt8], minusCoverage: [UInt8]) {
        precondition(masks.count == plusCoverage.count && masks.count == minusCoverage.count)
        self.name = name
        self.masks = masks
        var flags = [UInt8](repeating: 0, count: masks.count)
        for i in 0..<masks.count {
            var f: UInt8 = plusCoverage[i] != 0 ? Self.plusCoding : 0
            if minusCoverage[i] != 0 { f |= Self.minusCoding }
            if BaseEncoding.isUnambiguous(masks[i]) { f |= Self.unambiguous }
            flags[i] = f
        }
        self.flags = flags
    }

    /// Builds a record from ASCII IUPAC letters (any case) and per-base coverage.
    public init(name: String, sequence: String, plusCoverage: [UInt8], minusCoverage: [UInt8]) {
        self.init(name: name, masks: sequence.utf8.map { BaseEncoding.maskOfASCII[Int($0)] },
                  plusCoverage: plusCoverage, minusCoverage: minusCoverage)
    }

    /// Length in bases.
    public var length: Int { masks.count }
}
