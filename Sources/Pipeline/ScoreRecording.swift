import Inference

/// The window scores of one scan, batch by batch in input order, for a second scan of the same inputs
/// with the same network, read model and window plan to replay instead of scoring again: `--adapt`'s
/// output pass for the decoder's outputs, which changes only the decoder's statistics. Holds at most
/// `windowLimit` windows (about 16 bytes each); a scan with more stops recording (`isComplete` false)
/// and the second scan scores as usual. A replayed batch must have the recorded batch's window count;
/// on any mismatch the replay stops and the rest is scored.
/// Recorded by the scan's reading thread as it takes scored batches in order (`ScanWorkers.wait`),
/// replayed by the next scan's reading thread as it submits them (`ScanWorkers.submit`).
final class ScoreRecording: @unchecked Sendable {
    /// At most this many windows are kept (2.5 million: about 67 Mb at the built-in model's step of 27).
    static let windowLimit = 2_500_000
    private var batches: [[WindowScore]] = []
    private var windows = 0
    /// Whether every batch of the recorded scan is here.
    private(set) var isComplete = true
    /// The next batch to replay; nil once the replay stopped.
    private var next: Int? = 0

    /// Keeps a scored batch's scores (in the order batches are taken).
    func record(_ batch: ScanBatch) {
        guard isComplete else { return }
        windows += batch.results.count
        guard windows <= ScoreRecording.windowLimit else {
            isComplete = false
            batches = []
            return
        }
        batches.append(batch.results)
    }

    /// Fills `batch` with the next recorded batch's scores and returns true, or returns false (and
    /// replays nothing more) when the recording is incomplete, used up or of another shape.
    func replay(into batch: ScanBatch) -> Bool {
        guard isComplete, let k = next, k < batches.count, batches[k].count == batch.windowCount else {
            next = nil
            batches = []
            return false
        }
        batch.results = batches[k]
        batch.gates = []
        batches[k] = []
        next = k + 1
        return true
    }
}
