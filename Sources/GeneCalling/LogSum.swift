import Foundation

/// log(e^a + e^b) for the forward-backward sums of both gene models, a few times a base: max(a, b) +
/// log(1 + e^−d), d = |a − b|, where log(1 + e^−d) is read from a table instead of `log1p(exp(−d))`
/// (two libm calls, the exon posterior's largest single cost in `perf`): a cubic Hermite interpolation
/// between knots 1/32 apart on [0, 40] (each knot's value and slope), within 5e-10 of `exact` (a test
/// checks every interval). Beyond d = 40 the smaller term is below a Double's precision next to 1 and
/// changes nothing.
enum LogSum {
    /// Knots per unit of d.
    static let knotsPerUnit = 32.0
    /// The d from which log(1 + e^−d) counts as 0.
    static let limit = 40.0
    /// Per interval i, [i / 32, (i + 1) / 32): the cubic's coefficients (c0, c1, c2, c3) in u = 32 d − i,
    /// u in [0, 1); 1,280 intervals (40 KB), never freed.
    static let table: UnsafePointer<SIMD4<Double>> = {
        let count = Int(limit * knotsPerUnit)
        let table = UnsafeMutablePointer<SIMD4<Double>>.allocate(capacity: count)
        let h = 1 / knotsPerUnit
        func value(_ d: Double) -> Double { log1p(exp(-d)) }
        func slope(_ d: Double) -> Double { -1 / (1 + exp(d)) }
        for i in 0..<count {
            let (d0, d1) = (Double(i) * h, Double(i + 1) * h)
            let (f0, f1, g0, g1) = (value(d0), value(d1), h * slope(d0), h * slope(d1))
            table[i] = SIMD4(f0, g0, 3 * (f1 - f0) - 2 * g0 - g1, 2 * (f0 - f1) + g0 + g1)
        }
        return UnsafePointer(table)
    }()

    /// log(e^a + e^b) from the table; max(a, b) when |a − b| is not below `limit` or not a number (both
    /// −∞, or a NaN).
    @inline(__always)
    static func sum(_ a: Double, _ b: Double) -> Double { sum(a, b, table: table) }

    /// `sum(a, b)` with `table` read once by the caller (a static's every read checks that it was
    /// initialised: hot loops keep the pointer instead).
    @inline(__always)
    static func sum(_ a: Double, _ b: Double, table: UnsafePointer<SIMD4<Double>>) -> Double {
        let high = max(a, b), gap = abs(a - b)
        // NaN (both −∞) fails the comparison too.
        guard gap < limit else { return high }
        let t = gap * knotsPerUnit
        let i = Int(t)
        let u = t - Double(i), c = table[i]
        return high + (c[0] + u * (c[1] + u * (c[2] + u * c[3])))
    }

    /// The reference: log(e^a + e^b) by `log1p(exp(−d))`.
    static func exact(_ a: Double, _ b: Double) -> Double {
        let high = max(a, b), gap = abs(a - b)
        if gap > limit || high == -.infinity { return high }
        return high + log1p(exp(-gap))
    }
}
