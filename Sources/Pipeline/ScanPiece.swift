/// Consecutive windows of one record inside a `ScanBatch`, with the bases they cover.
///
/// Window `i` (`0 ..< count`) is window `firstIndex + i` of its record: it starts at
/// `(firstIndex + i) · step` (0-based, in the record), or at 0 for the single window of a record
/// shorter than the plan's window, and is `window` bases long. The batch holds the bases of
/// `[spanStart, spanStart + maskCount)` at `masks[maskOffset ..< maskOffset + maskCount]`.
struct ScanPiece {
    var firstIndex: Int
    var count: Int
    var step: Int
    var window: Int
    /// Record coordinate of the first base held.
    var spanStart: Int
    var maskOffset: Int
    var maskCount: Int
    /// Index of window 0's result in `ScanBatch.results`.
    var resultOffset: Int

    /// Start of window `i` of the piece in its record.
    func start(_ i: Int) -> Int { (firstIndex + i) * step }
}
