/// Where windows and output bins fall on one sequence.
///
/// Coordinates are 0-based, half-open, in bases of the input sequence.
/// For a sequence of length `L`, window `W` and step `S` (1 ≤ S ≤ W):
/// - `L ≥ W`: windows start at 0, S, 2S, … while start + W ≤ L, so there are ⌊(L − W) / S⌋ + 1 windows.
///   Bases after the last window's end (fewer than S) are covered by the last bin, not by a window.
/// - `minLength ≤ L < W`: one window `[0, L)`.
/// - `L < minLength`: no window; the sequence is skipped.
///
/// Each window owns one output bin `S` wide, centred on the window: window `i` starting at `s`
/// owns `[s + ⌊(W − S) / 2⌋, s + ⌊(W − S) / 2⌋ + S)`. The first bin is extended to start at 0 and the
/// last to end at `L`, so the bins of a sequence tile it exactly, never overlap and never pass its end.
public struct WindowPlan: Sendable, Equatable {
    /// Window length in bases.
    public let window: Int
    /// Distance between consecutive window starts, in bases.
    public let step: Int
    /// Shortest sequence that is still scored (as one window of its own length).
    public let minLength: Int

    public init(window: Int, step: Int, minLength: Int) {
        precondition(window >= 1 && step >= 1 && step <= window && minLength >= 1 && minLength <= window)
        self.window = window
        self.step = step
        self.minLength = minLength
    }

    /// Number of windows on a sequence of `length` bases.
    public func windowCount(length: Int) -> Int {
        if length < minLength { return 0 }
        if length < window { return 1 }
        return (length - window) / step + 1
    }

    /// Start of window `index` (0-based).
    @inlinable
    public func windowStart(_ index: Int) -> Int { index * step }

    /// Offset from a window's start to its bin's start: ⌊(W − S) / 2⌋.
    public var binOffset: Int { (window - step) / 2 }

    /// The bin of window `index` among `count` windows on a sequence of `length` bases, half-open.
    public func bin(index: Int, count: Int, length: Int) -> Range<Int> {
        if count == 1 { return 0..<length }
        let start = index == 0 ? 0 : windowStart(index) + binOffset
        let end = index == count - 1 ? length : windowStart(index) + binOffset + step
        return start..<end
    }
}
