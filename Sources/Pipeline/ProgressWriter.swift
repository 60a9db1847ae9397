import Tracks

/// Passes everything to the real writer and reports progress to an observer about every
/// `interval` bases of written windows and at the end of each record (never more often).
final class ProgressWriter: TrackWriter {
    private let inner: TrackWriter
    private let observer: (ScanProgress) -> Void
    private var state = ScanProgress()
    private var doneBases = 0
    private var lastReported = 0
    private let interval = 1 << 16

    init(_ inner: TrackWriter, observer: @escaping (ScanProgress) -> Void) {
        self.inner = inner
        self.observer = observer
    }

    func begin(sequence name: String) throws(TrackError) {
        try inner.begin(sequence: name)
    }

    func add(_ window: ScoredWindow) throws(TrackError) {
        try inner.add(window)
        let bases = doneBases + window.end
        if bases - lastReported >= interval { report(bases) }
    }

    func end(sequenceLength length: Int) throws(TrackError) {
        try inner.end(sequenceLength: length)
        doneBases += length
        state.sequences += 1
        if doneBases - lastReported >= interval { report(doneBases) }
    }

    func finish() throws(TrackError) {
        try inner.finish()
        state.finished = true
        report(doneBases)
    }

    private func report(_ bases: Int) {
        lastReported = bases
        state.bases = bases
        observer(state)
    }
}
