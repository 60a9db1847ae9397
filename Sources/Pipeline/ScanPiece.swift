/// Consecutive windows of one record inside a `ScanBatch`, with the bases they cover.
///
/// Window `i` (`0 ..< count`) is window `firstIndex + i` of its record: it starts at
/// `(firstIndex + i) · step` (0-based, in the record), or at 0 for the single window of a record
/// shorter than the plan's window, and is `window` bases long. The batch holds the bases of
/// `[spanStart, spanStart + maskCount)` at `masks[maskOffset ..< maskOffset + maskCount]`, preceded
/// by `contextBefore` and followed by `contextAfter` bases of the record (context for the ORF gate;
/// 0 without one). Window `i`'s bin, the bases its ORF gate averages, is
/// `[start(i) + binOffset, start(i) + binOffset + binLength)`. A record shorter than the window is one
/// piece of one window; one whose length is in the scanner's `readLengths` is scored by the read model
/// (`readModel`), ungated.
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
    var contextBefore = 0
    var contextAfter = 0
    var binOffset = 0
    var binLength = 0
    /// The piece is a whole short record scored by the read model (never gated).
    var readModel = false

    /// Start of window `i` of the piece in its record.
    func start(_ i: Int) -> Int { (firstIndex + i) * step }

    /// Window `i`'s bin as indices into the piece's masks including the context before it.
    func contextBin(_ i: Int) -> Range<Int> {
        let low = start(i) + binOffset - spanStart + contextBefore
        return low..<(low + binLength)
    }
}
