/// Strict parsing of decimal integers in input text: ASCII digits only, no sign, no blanks, and few
/// enough digits that the value cannot overflow.
public enum DecimalDigits {
    /// `bytes` as a non-negative integer of 1 to `maxDigits` (at most 18) digits, or nil.
    public static func parse<C: Collection>(_ bytes: C, maxDigits: Int = 18) -> Int? where C.Element == UInt8 {
        guard !bytes.isEmpty, bytes.count <= min(maxDigits, 18) else { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// `bytes` as an integer with an optional `+` or `-` sign before 1 to 18 digits, or nil.
    public static func parseSigned<C: Collection>(_ bytes: C) -> Int? where C.Element == UInt8 {
        guard let first = bytes.first else { return nil }
        if first == UInt8(ascii: "-") { return parse(bytes.dropFirst()).map { -$0 } }
        if first == UInt8(ascii: "+") { return parse(bytes.dropFirst()) }
        return parse(bytes)
    }
}
