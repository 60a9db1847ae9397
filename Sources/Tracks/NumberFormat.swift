/// Fast, locale-free text for the numbers in tracks.
enum NumberFormat {
    /// Appends a non-negative integer in decimal.
    static func append(_ value: Int, to out: inout [UInt8]) {
        if value == 0 { out.append(UInt8(ascii: "0")); return }
        var v = value
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &digits) { d in
            while v > 0 { d[n] = UInt8(ascii: "0") + UInt8(v % 10); v /= 10; n += 1 }
            while n > 0 { n -= 1; out.append(d[n]) }
        }
    }

    /// Appends a probability in [0, 1] with exactly 4 decimals ("0.0000" … "1.0000"), rounding half up.
    static func appendProbability(_ p: Float, to out: inout [UInt8]) {
        let clamped = min(max(Double(p), 0), 1)
        let scaled = Int((clamped * 10000).rounded(.toNearestOrAwayFromZero))
        out.append(UInt8(ascii: "0") + UInt8(scaled / 10000))
        out.append(UInt8(ascii: "."))
        var frac = scaled % 10000
        var div = 1000
        for _ in 0..<4 {
            out.append(UInt8(ascii: "0") + UInt8(frac / div))
            frac %= div
            div /= 10
        }
    }
}
