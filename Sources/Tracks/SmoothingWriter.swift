/// Averages every window's probabilities with those of its neighbours before passing it on.
///
/// With `radius` r, window i of a sequence is written with, on each strand separately, the mean of
/// the scores of windows i − r … i + r of the same sequence that have a score on that strand (fewer
/// at a sequence's ends: windows never mix across sequences). A window without a score on a strand
/// (not scored, or the strand not asked for) keeps nil there. Coordinates and the window's own ORF
/// gates are unchanged (the gate applies after smoothing).
///
/// The scanner uses r = ⌊smooth / (2 · step)⌋ for a smoothing span of `smooth` bases: the windows
/// whose starts lie within smooth / 2 bases of the window's own start. Memory: 2r + 1 windows.
/// The mean is summed afresh in a fixed order for every window, so the output does not depend on how
/// the windows were batched.
public final class SmoothingWriter: TrackWriter {
    private let inner: TrackWriter
    /// Windows averaged on each side.
    public let radius: Int
    /// Windows of the current sequence not yet written, plus up to `radius` already written ones
    /// kept as left neighbours; `buffer[firstUnwritten...]` are still to be written.
    private var buffer: [ScoredWindow] = []
    private var firstUnwritten = 0

    /// - Precondition: `radius ≥ 0`.
    public init(_ inner: TrackWriter, radius: Int) {
        precondition(radius >= 0, "radius must not be negative")
        self.inner = inner
        self.radius = radius
        buffer.reserveCapacity(2 * radius + 2)
    }

    public func begin(sequence name: String) throws(TrackError) {
        buffer.removeAll(keepingCapacity: true)
        firstUnwritten = 0
        try inner.begin(sequence: name)
    }

    public func add(_ window: ScoredWindow) throws(TrackError) {
        buffer.append(window)
        // The window `radius` places back has all its right neighbours now.
        if buffer.count - 1 - firstUnwritten >= radius { try writeNext() }
    }

    public func end(sequenceLength length: Int) throws(TrackError) {
        while firstUnwritten < buffer.count { try writeNext() }
        buffer.removeAll(keepingCapacity: true)
        firstUnwritten = 0
        try inner.end(sequenceLength: length)
    }

    public func finish() throws(TrackError) {
        try inner.finish()
    }

    /// Writes `buffer[firstUnwritten]` smoothed, then drops left neighbours no longer needed.
    private func writeNext() throws(TrackError) {
        let center = firstUnwritten
        let low = max(0, center - radius), high = min(buffer.count - 1, center + radius)
        let window = buffer[center]
        try inner.add(ScoredWindow(index: window.index, start: window.start, end: window.end,
                                   plus: window.plus.map { _ in mean(low...high, \.plus) },
                                   minus: window.minus.map { _ in mean(low...high, \.minus) },
                                   gatePlus: window.gatePlus, gateMinus: window.gateMinus,
                                   framePlus: window.framePlus, frameMinus: window.frameMinus))
        firstUnwritten += 1
        let drop = firstUnwritten - radius
        if drop > 0 {
            buffer.removeFirst(drop)
            firstUnwritten -= drop
        }
    }

    /// The mean of the non-nil scores of `buffer[range]` on one strand (the centre is one of them).
    private func mean(_ range: ClosedRange<Int>, _ strand: KeyPath<ScoredWindow, Float?>) -> Float {
        var sum = 0.0, count = 0
        for i in range {
            if let p = buffer[i][keyPath: strand] { sum += Double(p); count += 1 }
        }
        return Float(sum / Double(count))
    }
}
