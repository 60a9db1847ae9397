/// Merges per-base values into runs of bases whose values print the same (4 decimals, as
/// `NumberFormat.appendProbability` writes them): the one rule of the decoded bedGraph and bigWig.
struct ValueRuns {
    /// The open run: start, end, value in units of 0.0001.
    private var run: (start: Int, end: Int, value: Int)?

    /// Adds the values of bases `start`, `start + 1`, …; hands every run that ends to `emit`.
    mutating func add(_ values: ArraySlice<Float>, from start: Int,
                      _ emit: (Int, Int, Int) throws(TrackError) -> Void) throws(TrackError) {
        var position = start
        for value in values {
            let scaled = NumberFormat.scaledProbability(value)
            if let open = run, open.end == position, open.value == scaled {
                run = (open.start, position + 1, scaled)
            } else {
                try flush(emit)
                run = (position, position + 1, scaled)
            }
            position += 1
        }
    }

    /// Hands the open run, if any, to `emit` and forgets it.
    mutating func flush(_ emit: (Int, Int, Int) throws(TrackError) -> Void) throws(TrackError) {
        guard let open = run else { return }
        run = nil
        try emit(open.start, open.end, open.value)
    }
}
