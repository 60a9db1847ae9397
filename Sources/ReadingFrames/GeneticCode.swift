import Windows
/// The stop codons of an NCBI translation table, for the ORF gate (`ORFGate`).
///
/// Only the tables whose stop codons differ in a way the gate can use are listed; codons are
/// written 5'→3' on the strand that is read.
public struct GeneticCode: Sendable, Equatable {
    /// The NCBI translation table number.
    public let table: Int
    /// The stop codons, sorted (e.g. ["TAA", "TAG", "TGA"]).
    public let stops: [String]
    /// Bit `16·b0 + 4·b1 + b2` is set for each stop codon (bases A = 0, C = 1, G = 2, T = 3).
    private let plusMask: UInt64
    /// The same for the reverse complements, read on the forward strand.
    private let minusMask: UInt64

    /// The tables `ncbi(_:)` knows: 1 (standard), 4 (Mycoplasma, Spiroplasma; mould, protozoan and
    /// coelenterate mitochondria: TGA is tryptophan), 6 (ciliates, Dasycladaceae, Hexamita: only TGA
    /// stops), 11 (bacteria, archaea, plastids: the stops of table 1), 25 (candidate division SR1,
    /// Gracilibacteria: TGA is glycine).
    public static let supportedTables = [1, 4, 6, 11, 25]

    /// Table 11, the default (its stop codons are those of the standard code, table 1).
    public static let standard = ncbi(11)!

    /// The table numbered `table`, or nil when it is not one of `supportedTables`.
    public static func ncbi(_ table: Int) -> GeneticCode? {
        switch table {
        case 1, 11: return GeneticCode(table: table, stops: ["TAA", "TAG", "TGA"])
        case 4, 25: return GeneticCode(table: table, stops: ["TAA", "TAG"])
        case 6: return GeneticCode(table: table, stops: ["TGA"])
        default: return nil
        }
    }

    private init(table: Int, stops: [String]) {
        self.table = table
        self.stops = stops.sorted()
        let index: [Character: Int] = ["A": 0, "C": 1, "G": 2, "T": 3]
        var plus: UInt64 = 0, minus: UInt64 = 0
        for codon in stops {
            let b = codon.map { index[$0]! }
            plus |= 1 << UInt64(16 * b[0] + 4 * b[1] + b[2])
            // The reverse complement, as it reads on the forward strand: comp(b2) comp(b1) comp(b0).
            minus |= 1 << UInt64(16 * (3 - b[2]) + 4 * (3 - b[1]) + (3 - b[0]))
        }
        plusMask = plus
        minusMask = minus
    }

    /// Whether the forward-strand bases (m0, m1, m2), as 4-bit IUPAC masks (`BaseEncoding`), form a
    /// stop codon on the plus strand or, with `minusStrand`, on the minus strand (read as their
    /// reverse complement). Only three unambiguous bases form a stop codon.
    public func isStop(_ m0: UInt8, _ m1: UInt8, _ m2: UInt8, minusStrand: Bool) -> Bool {
        guard let codon = GeneticCode.codonIndex(m0, m1, m2) else { return false }
        return (minusStrand ? minusMask : plusMask) >> UInt64(codon) & 1 == 1
    }

    /// `16·b0 + 4·b1 + b2` for three unambiguous bases (A = 0 … T = 3); nil otherwise.
    static func codonIndex(_ m0: UInt8, _ m1: UInt8, _ m2: UInt8) -> Int? {
        guard BaseEncoding.isUnambiguous(m0), BaseEncoding.isUnambiguous(m1), BaseEncoding.isUnambiguous(m2) else {
            return nil
        }
        return 16 * m0.trailingZeroBitCount + 4 * m1.trailingZeroBitCount + m2.trailingZeroBitCount
    }
}
