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
        let scaled = scaledProbability(p)
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

    /// p clamped to [0, 1] in units of 0.0001, rounded half up: the digits `appendProbability` prints.
    static func scaledProbability(_ p: Float) -> Int {
        let clamped = min(max(Double(p), 0), 1)
        return Int((clamped * 10000).rounded(.toNearestOrAwayFromZero))
    }

    /// The Float nearest to the 4-decimal text `appendProbability` prints, so a binary track (bigWig)
    /// holds exactly the value a reader parses from the bedGraph line.
    static func roundedProbability(_ p: Float) -> Float {
        // Both operands are exact in Float and IEEE division rounds once: the nearest Float to n/10000,
        // as a correctly rounded parse of the text gives.
        Float(scaledProbability(p)) / 10000
    }
}
