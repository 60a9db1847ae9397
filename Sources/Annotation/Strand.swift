/// The strand of a feature relative to the forward (`+`) strand of its sequence record.
public enum Strand: Sendable, Hashable, CustomStringConvertible {
    /// The forward strand (`+` in GFF3, GTF and BED).
    case plus
    /// The reverse-complement strand (`-` in GFF3, GTF and BED).
    case minus

    /// `"+"` or `"-"`, as written in annotation files.
    public var description: String {
        self == .plus ? "+" : "-"
    }
}
