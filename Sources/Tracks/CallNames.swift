/// The names of called genes and how GFF3 spells text: one rule for the GFF3 `ID`, the BED name and
/// the protein FASTA header, so that the three outputs of one scan join on it.
public enum CallNames {
    /// `<sequence>_<k>`: the k-th call (1-based) of its sequence, as Prodigal numbers genes.
    public static func id(sequence: String, number: Int) -> String {
        "\(sequence)_\(number)"
    }

    /// Text for a GFF3 column or attribute value: every byte outside letters, digits and
    /// `.:^*$@!+_?-|` written as `%XX` (GFF3 allows more in attribute values, but one rule is simpler
    /// and always valid).
    public static func gffEscaped(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 128 && (c.isLetter || c.isNumber || ".:^*$@!+_?-|".contains(c)) {
                out.append(c)
            } else {
                out += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 15, radix: 16, uppercase: true)
            }
        }
        return out
    }
}
