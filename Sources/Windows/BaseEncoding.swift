/// DNA base encoding shared by the scanner, the model and the trainer.
///
/// A base is stored as a 4-bit IUPAC mask (the same bits htslib's `seq_nt16` uses):
/// A = 1, C = 2, G = 4, T = 8; an ambiguity code is the union of the bases it stands for
/// (R = A|G = 5, N = 15, ...). Lowercase (soft-masked) letters encode like uppercase; U encodes as T.
///
/// One-hot input of the network has 4 channels in the order A, C, G, T. An unambiguous base is a
/// one-hot column; an ambiguity code spreads 1 evenly over the bases it allows (N = 0.25 each,
/// R = 0.5 A + 0.5 G). This is the encoding named `"acgt-iupac-fractional"` in model files.
public enum BaseEncoding {
    /// The encoding name written to and required in model metadata.
    public static let name = "acgt-iupac-fractional"

    /// ASCII byte → 4-bit mask; 0 for bytes that are not IUPAC nucleotide letters.
    public static let maskOfASCII: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        let pairs: [(Character, UInt8)] = [
            ("A", 1), ("C", 2), ("G", 4), ("T", 8), ("U", 8),
            ("R", 5), ("Y", 10), ("S", 6), ("W", 9), ("K", 12), ("M", 3),
            ("B", 14), ("D", 13), ("H", 11), ("V", 7), ("N", 15),
        ]
        for (letter, mask) in pairs {
            let upper = letter.asciiValue!
            table[Int(upper)] = mask
            table[Int(upper | 0x20)] = mask
        }
        return table
    }()

    /// The complement of a mask: A↔T, C↔G (a reversal of the 4 bits).
    @inlinable
    public static func complement(_ mask: UInt8) -> UInt8 {
        ((mask & 1) << 3) | ((mask & 2) << 1) | ((mask & 4) >> 1) | ((mask & 8) >> 3)
    }

    /// True when the mask names exactly one of A, C, G, T.
    @inlinable
    public static func isUnambiguous(_ mask: UInt8) -> Bool {
        mask != 0 && mask & (mask - 1) == 0
    }

    /// One-hot weights (A, C, G, T) of a mask; each allowed base gets 1 / (number allowed).
    @inlinable
    public static func oneHot(_ mask: UInt8) -> SIMD4<Float> {
        let bits = SIMD4<Float>(
            Float(mask & 1), Float((mask >> 1) & 1), Float((mask >> 2) & 1), Float((mask >> 3) & 1))
        let count = bits.sum()
        return count > 0 ? bits / count : .zero
    }

    /// Writes the one-hot encoding of `masks` into `out` as a row-major `[length][4]` matrix
    /// (position-major, channels A, C, G, T). With `reverseComplement` the row for position i is
    /// the complement of `masks[length - 1 - i]`, i.e. the window as read on the minus strand.
    /// - Precondition: `out.count >= masks.count * 4`.
    public static func encode(_ masks: UnsafeBufferPointer<UInt8>, reverseComplement: Bool,
                              into out: UnsafeMutableBufferPointer<Float>) {
        let n = masks.count
        precondition(out.count >= n * 4)
        for i in 0..<n {
            store(reverseComplement ? complement(masks[n - 1 - i]) : masks[i], into: out.baseAddress! + 4 * i)
        }
    }

    /// Writes the one-hot row (A, C, G, T) of `mask` into `row[0 ..< 4]`: the one place a mask becomes
    /// network input (the scanner's reference path and training, which mutates masks first, use it).
    @inlinable
    public static func store(_ mask: UInt8, into row: UnsafeMutablePointer<Float>) {
        let v = oneHot(mask)
        row[0] = v[0]; row[1] = v[1]; row[2] = v[2]; row[3] = v[3]
    }
}
