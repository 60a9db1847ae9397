/// Applies each window's ORF gates before passing it on: `plus · gatePlus` and `minus · gateMinus`
/// (nil stays nil), handed on with both gates 1. Coordinates are unchanged; memory: nothing held.
///
/// The scanner puts it after `SmoothingWriter`, so the probabilities are smoothed first and the
/// gate, which changes at stop codons, keeps its sharpness.
public final class GatingWriter: TrackWriter {
    private let inner: TrackWriter

    public init(_ inner: TrackWriter) {
        self.inner = inner
    }

    public func begin(sequence name: String) throws(TrackError) {
        try inner.begin(sequence: name)
    }

    public func add(_ window: ScoredWindow) throws(TrackError) {
        try inner.add(ScoredWindow(index: window.index, start: window.start, end: window.end,
                                   plus: window.plus.map { $0 * window.gatePlus },
                                   minus: window.minus.map { $0 * window.gateMinus },
                                   framePlus: window.framePlus, frameMinus: window.frameMinus))
    }

    public func end(sequenceLength length: Int) throws(TrackError) {
        try inner.end(sequenceLength: length)
    }

    public func finish() throws(TrackError) {
        try inner.finish()
    }
}
