/// 256-entry byte lookup tables for scanning sequence text without per-character String work.
///
/// `classOf` maps every byte to either the UPPERCASE IUPAC letter it stands for (A C G T N R Y S W K M
/// B D H V; `U`/`u` map to `T`; lowercase is upper-cased; the alignment gap characters `-` and `.` map
/// to `N`, an unscored position, so MSA-derived FASTA keeps its columns), which is always >= `0x41`, or
/// to one of the small class codes below (< `0x41`). The accepted letter set is the one
/// `Windows.BaseEncoding` encodes. The tables live for the whole process and are never freed.
enum NucleotideTable {
    /// Class code: any byte that may not appear in a sequence line.
    static let invalid: UInt8 = 0
    /// Class code: line feed (`\n`).
    static let newline: UInt8 = 1
    /// Class code: carriage return (`\r`); valid only directly before `\n`.
    static let carriageReturn: UInt8 = 2
    /// Class code: space, tab, vertical tab or form feed; ignored inside sequence lines.
    static let blank: UInt8 = 3

    /// Byte → output letter or class code, as described above.
    static let classOf: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        table.initialize(repeating: invalid, count: 256)
        for letter in "ACGTNRYSWKMBDHV".utf8 {
            table[Int(letter)] = letter
            table[Int(letter | 0x20)] = letter
        }
        table[Int(UInt8(ascii: "U"))] = UInt8(ascii: "T")
        table[Int(UInt8(ascii: "u"))] = UInt8(ascii: "T")
        table[Int(UInt8(ascii: "-"))] = UInt8(ascii: "N")   // alignment gaps: unscored, like N
        table[Int(UInt8(ascii: "."))] = UInt8(ascii: "N")
        table[0x0A] = newline
        table[0x0D] = carriageReturn
        for byte: UInt8 in [0x20, 0x09, 0x0B, 0x0C] { table[Int(byte)] = blank }
        return UnsafePointer(table)
    }()

    /// UPPERCASE IUPAC letter → the letter of its complement (A↔T, C↔G, R↔Y, K↔M, B↔V, D↔H; S, W, N
    /// map to themselves); 0 for any other byte.
    static let complementOf: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        table.initialize(repeating: 0, count: 256)
        let pairs = ["AT", "CG", "RY", "KM", "BV", "DH", "SS", "WW", "NN"]
        for pair in pairs {
            let bytes = Array(pair.utf8)
            table[Int(bytes[0])] = bytes[1]
            table[Int(bytes[1])] = bytes[0]
        }
        return UnsafePointer(table)
    }()

    /// True for letters that occur in protein but not in nucleotide sequences (E F I L P Q J O Z X and
    /// the stop `*`), either case: used to add a "protein FASTA?" hint to messages.
    static func isProteinLetter(_ byte: UInt8) -> Bool {
        switch byte | (byte >= 0x41 && byte <= 0x5A || byte >= 0x61 && byte <= 0x7A ? 0x20 : 0) {
        case UInt8(ascii: "e"), UInt8(ascii: "f"), UInt8(ascii: "i"), UInt8(ascii: "l"), UInt8(ascii: "p"),
             UInt8(ascii: "q"), UInt8(ascii: "j"), UInt8(ascii: "o"), UInt8(ascii: "z"), UInt8(ascii: "x"),
             UInt8(ascii: "*"):
            return true
        default:
            return false
        }
    }

    /// Reverses `bases[0..<count]` in place and complements each UPPERCASE IUPAC letter, turning a
    /// read stored on the reverse strand back into its original orientation.
    static func reverseComplement(_ bases: UnsafeMutablePointer<UInt8>, count: Int) {
        var low = 0
        var high = count - 1
        while low < high {
            let a = complementOf[Int(bases[low])]
            bases[low] = complementOf[Int(bases[high])]
            bases[high] = a
            low += 1
            high -= 1
        }
        if low == high { bases[low] = complementOf[Int(bases[low])] }
    }
}
