/// The one rule that keeps text from an input on one line of a message: C0 controls, DEL, C1 controls
/// (U+0080...U+009F, e.g. NEL) and the Unicode line and paragraph separators become `?`.
public enum PrintableText {
    /// `text` with every unsafe scalar replaced by `?`; cut to `limit` scalars plus `...` when given.
    public static func oneLine(_ text: String, limit: Int? = nil) -> String {
        let scalars = text.unicodeScalars.map { isLineSafe($0) ? $0 : "?" }
        guard let limit, scalars.count > limit else { return String(String.UnicodeScalarView(scalars)) }
        return String(String.UnicodeScalarView(scalars.prefix(limit))) + "..."
    }

    /// False for C0 controls, DEL, C1 controls and U+2028/U+2029.
    public static func isLineSafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return !(v < 0x20 || (v >= 0x7F && v <= 0x9F) || v == 0x2028 || v == 0x2029)
    }
}
