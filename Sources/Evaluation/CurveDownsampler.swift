/// Thins a curve to a bounded number of points while keeping its shape.
enum CurveDownsampler {
    /// At most `maxPoints` (at least 2) points of `points`: the first and last always, in between a
    /// point each time the curve has travelled `length / (maxPoints - 2)` since the last kept point
    /// (city-block arc length), so the chord error stays below that distance.
    static func downsample(_ points: [CurvePoint], maxPoints: Int) -> [CurvePoint] {
        let limit = max(2, maxPoints)
        guard points.count > limit else { return points }
        var length = 0.0
        for index in 1..<points.count {
            length += distance(points[index - 1], points[index])
        }
        guard length > 0, limit > 2 else { return [points[0], points[points.count - 1]] }
        let step = length / Double(limit - 2)
        var kept = [points[0]]
        kept.reserveCapacity(limit)
        var travelled = 0.0
        for index in 1..<(points.count - 1) {
            travelled += distance(points[index - 1], points[index])
            if travelled >= step && kept.count < limit - 1 {
                kept.append(points[index])
                travelled = 0
            }
        }
        kept.append(points[points.count - 1])
        return kept
    }

    /// City-block distance between two points.
    @inline(__always)
    private static func distance(_ a: CurvePoint, _ b: CurvePoint) -> Double {
        abs(a.x - b.x) + abs(a.y - b.y)
    }
}
