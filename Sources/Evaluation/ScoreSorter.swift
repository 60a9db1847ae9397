/// Sorts weighted scores by decreasing score in linear time (LSD radix sort, two 16-bit passes).
enum ScoreSorter {
    /// `items` ordered by decreasing score (equal scores keep their input order; -0 and +0 sort
    /// next to each other). Scores must not be NaN.
    static func sortedDescending(_ items: [WeightedScore]) -> [WeightedScore] {
        guard items.count > 1 else { return items }
        var source = items
        var target = items
        var counts = [Int](repeating: 0, count: 1 << 16)
        for shift: UInt32 in [0, 16] {
            counts.withUnsafeMutableBufferPointer { buckets in
                buckets.update(repeating: 0)
                for item in source {
                    buckets[Int((descendingKey(item.score) >> shift) & 0xFFFF)] += 1
                }
                var offset = 0
                for digit in 0..<buckets.count {
                    let count = buckets[digit]
                    buckets[digit] = offset
                    offset += count
                }
                source.withUnsafeBufferPointer { from in
                    target.withUnsafeMutableBufferPointer { to in
                        for item in from {
                            let digit = Int((descendingKey(item.score) >> shift) & 0xFFFF)
                            to[buckets[digit]] = item
                            buckets[digit] += 1
                        }
                    }
                }
            }
            swap(&source, &target)
        }
        return source
    }

    /// A key whose unsigned order is the decreasing order of `score`: the IEEE bits made monotonic
    /// (negative values flipped, positive ones given the top bit), then complemented.
    @inline(__always)
    static func descendingKey(_ score: Float) -> UInt32 {
        let bits = score.bitPattern
        let ascending = bits & 0x8000_0000 != 0 ? ~bits : bits | 0x8000_0000
        return ~ascending
    }
}
