import Windows
/// The stop codons and amino acids of an NCBI translation table, for the ORF gate (`ORFGate`), the gene
/// decoder and its protein output.
///
/// Only the tables whose stop codons differ in a way the gate can use are listed; codons are
/// written 5'→3' on the strand that is read. Codon indices are `16·b0 + 4·b1 + b2` (A = 0, C = 1,
/// G = 2, T = 3).
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

    /// One-letter amino acids (`*` for a stop) by codon index.
    private let aminoAcids: [UInt8]

    /// The start codons the gene decoder accepts, whatever the table: ATG, GTG, TTG (the bacterial
    /// and archaeal starts; ATG stands for nearly all eukaryote starts).
    public static let startCodons = ["ATG", "GTG", "TTG"]

    private init(table: Int, stops: [String]) {
        self.table = table
        aminoAcids = GeneticCode.aminoAcidTable(table: table)
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

    /// The one-letter amino acid (ASCII) of a codon index; `*` for a stop codon.
    public func aminoAcid(_ codon: Int) -> UInt8 { aminoAcids[codon] }

    /// The index of a codon written as three letters of A, C, G, T (e.g. "ATG" → 14); nil otherwise.
    public static func codonIndex(_ codon: String) -> Int? {
        let index: [Character: Int] = ["A": 0, "C": 1, "G": 2, "T": 3]
        let b = codon.compactMap { index[$0] }
        guard b.count == 3, codon.count == 3 else { return nil }
        return 16 * b[0] + 4 * b[1] + b[2]
    }

    /// The three letters of a codon index.
    public static func codonText(_ codon: Int) -> String {
        let letters: [Character] = ["A", "C", "G", "T"]
        return String([letters[codon >> 4 & 3], letters[codon >> 2 & 3], letters[codon & 3]])
    }

    /// The index of the reverse complement of a codon index.
    public static func reverseComplement(_ codon: Int) -> Int {
        16 * (3 - codon & 3) + 4 * (3 - codon >> 2 & 3) + (3 - codon >> 4 & 3)
    }

    /// The amino acids of a table by codon index: the standard code (NCBI table 1, written in NCBI's
    /// TCAG order below) with the table's reassignments.
    private static func aminoAcidTable(table: Int) -> [UInt8] {
        let standard = Array("FFLLSSSSYY**CC*WLLLLPPPPHHQQRRRRIIIMTTTTNNKKSSRRVVVVAAAADDEEGGGG".utf8)
        let tcag = [2, 1, 3, 0]   // A, C, G, T → position in T, C, A, G
        var acids = [UInt8](repeating: 0, count: 64)
        for codon in 0..<64 {
            acids[codon] = standard[16 * tcag[codon >> 4] + 4 * tcag[codon >> 2 & 3] + tcag[codon & 3]]
        }
        let tga = 16 * 3 + 4 * 2 + 0, taa = 16 * 3 + 0 + 0, tag = 16 * 3 + 0 + 2
        switch table {
        case 4: acids[tga] = UInt8(ascii: "W")
        case 6: acids[taa] = UInt8(ascii: "Q"); acids[tag] = UInt8(ascii: "Q")
        case 25: acids[tga] = UInt8(ascii: "G")
        default: break
        }
        return acids
    }

    /// `16·b0 + 4·b1 + b2` for three unambiguous bases (A = 0 … T = 3); nil otherwise.
    public static func codonIndex(_ m0: UInt8, _ m1: UInt8, _ m2: UInt8) -> Int? {
        guard BaseEncoding.isUnambiguous(m0), BaseEncoding.isUnambiguous(m1), BaseEncoding.isUnambiguous(m2) else {
            return nil
        }
        return 16 * m0.trailingZeroBitCount + 4 * m1.trailingZeroBitCount + m2.trailingZeroBitCount
    }
}
