/// Locale-free decimal text with a fixed number of digits after the point, rounding half away from
/// zero (`0.12345` → `0.1235` at 4 digits); `-` only when the rounded value is not zero.
public enum FixedPoint {
    /// `value` with `digits` (0...9) decimals, or nil when it is not finite or its magnitude reaches 9e15
    /// once scaled.
    public static func text(_ value: Double, digits: Int) -> String? {
        precondition((0...9).contains(digits), "FixedPoint digits must be 0...9")
        guard value.isFinite else { return nil }
        var unit = 1
        for _ in 0..<digits { unit *= 10 }
        let scaled = (abs(value) * Double(unit)).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e15 else { return nil }
        let units = Int(scaled)
        let sign = value < 0 && units != 0 ? "-" : ""
        guard digits > 0 else { return sign + String(units) }
        let fraction = String(units % unit)
        return sign + String(units / unit) + "." + String(repeating: "0", count: digits - fraction.count) + fraction
    }
}
