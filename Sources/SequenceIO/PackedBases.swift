/// Bases packed two per byte in htslib's 4-bit `seq_nt16` codes (`=ACMGRSVTWYHKDBN`, high nibble
/// first): how BAM stores a read, and how a reverse-strand read (SAM or BAM) is held until it has been
/// served back in its original orientation.
struct PackedBases {
    /// 4-bit code → letter (`seq_nt16_str`); code 0 is `=`.
    static let letters: [UInt8] = Array("=ACMGRSVTWYHKDBN".utf8)
    /// Packed byte → its two letters (high nibble's letter in the high byte).
    static let letterPairs: [UInt16] = (0..<256).map { UInt16(letters[$0 >> 4]) << 8 | UInt16(letters[$0 & 15]) }
    /// Upper-case IUPAC letter → 4-bit code.
    static let codeOf: [UInt8] = {
        var table = [UInt8](repeating: 15, count: 256)
        for (code, letter) in letters.enumerated() { table[Int(letter)] = UInt8(code) }
        return table
    }()

    /// The packed bytes, `(count + 1) / 2` of them.
    private(set) var bytes: [UInt8] = []
    /// Bases held.
    private(set) var count = 0

    /// Empties it, releasing the storage (a long read's bases are not kept for the next one).
    mutating func removeAll() {
        bytes = []
        count = 0
    }

    /// Appends upper-case IUPAC letters.
    mutating func append(letters input: UnsafeBufferPointer<UInt8>) {
        for letter in input {
            let code = Self.codeOf[Int(letter)]
            if count % 2 == 0 { bytes.append(code << 4) } else { bytes[bytes.count - 1] |= code }
            count += 1
        }
    }

    /// Appends `bases` bases already packed (BAM's SEQ), continuing from an even count.
    mutating func append(packed input: ArraySlice<UInt8>, bases: Int) {
        precondition(count % 2 == 0 && input.count == (bases + 1) / 2)
        bytes.append(contentsOf: input)
        count += bases
    }

    /// The code of base `i`.
    func code(_ i: Int) -> UInt8 {
        i % 2 == 0 ? bytes[i / 2] >> 4 : bytes[i / 2] & 0x0F
    }

    /// True when some base has code 0 (`=`, "same as the reference").
    var containsReferenceBase: Bool {
        (0..<count).contains { code($0) == 0 }
    }

    /// Writes bases `[end - n, end)` reverse-complemented into `output`: the next `n` bases of a
    /// reverse-strand read in its original orientation, served from the end.
    func reverseComplement(endingAt end: Int, count n: Int, into output: UnsafeMutablePointer<UInt8>) {
        let first = end - n
        for i in 0..<n { output[i] = Self.letters[Int(code(first + i))] }
        NucleotideTable.reverseComplement(output, count: n)
    }
}
