import Inference

/// The window scores of one scan, batch by batch in input order, for a second scan of the same inputs
/// with the same network, read model and window plan to replay instead of scoring again: `--adapt`'s
/// output pass for the decoder's outputs, which changes only the decoder's statistics. Holds at most
/// `windowLimit` windows (12 bytes each, `Packed`); a scan with more stops recording (`isComplete` false)
/// and the second scan scores as usual. A replayed batch must have the recorded batch's window count
/// and strands; on any mismatch the replay stops and the rest is scored.
/// Recorded by the scan's reading thread as it takes scored batches in order (`ScanWorkers.wait`),
/// replayed by the next scan's reading thread as it submits them (`ScanWorkers.submit`).
final class ScoreRecording: @unchecked Sendable {
    /// At most this many windows are kept (2.5 million: about 67 Mb at the built-in model's step of 27).
    static let windowLimit = 2_500_000

    /// A `WindowScore` in 12 bytes instead of 24: its optionals as bits of `flags` (1 scored, 2 plus,
    /// 4 minus, 8 plus frame, 16 minus frame), every value kept exactly.
    struct Packed {
        var plus: Float
        var minus: Float
        var flags: UInt8
        var framePlus: UInt8
        var frameMinus: UInt8

        init(_ score: WindowScore) {
            plus = score.plus ?? 0
            minus = score.minus ?? 0
            framePlus = score.framePlus ?? 0
            frameMinus = score.frameMinus ?? 0
            flags = (score.scored ? 1 : 0) | (score.plus != nil ? 2 : 0) | (score.minus != nil ? 4 : 0)
                | (score.framePlus != nil ? 8 : 0) | (score.frameMinus != nil ? 16 : 0)
        }

        var score: WindowScore {
            WindowScore(scored: flags & 1 != 0, plus: flags & 2 != 0 ? plus : nil, minus: flags & 4 != 0 ? minus : nil,
                        framePlus: flags & 8 != 0 ? framePlus : nil, frameMinus: flags & 16 != 0 ? frameMinus : nil)
        }
    }

    private var batches: [[Packed]] = []
    /// The strands the recorded scan scored (nil: nothing recorded yet).
    private var strands: (plus: Bool, minus: Bool)?
    private var windows = 0
    /// Whether every batch of the recorded scan is here.
    private(set) var isComplete = true
    /// The next batch to replay; nil once the replay stopped.
    private var next: Int? = 0

    /// Keeps a scored batch's scores (in the order batches are taken), scored on the strands given.
    func record(_ batch: ScanBatch, plus: Bool, minus: Bool) {
        guard isComplete else { return }
        strands = (plus, minus)
        windows += batch.results.count
        guard windows <= ScoreRecording.windowLimit else {
            isComplete = false
            batches = []
            return
        }
        batches.append(batch.results.map(Packed.init))
    }

    /// Fills `batch` with the next recorded batch's scores and returns true, or returns false (and
    /// replays nothing more) when the recording is incomplete, used up, of another shape or strands.
    func replay(into batch: ScanBatch, plus: Bool, minus: Bool) -> Bool {
        guard isComplete, let k = next, k < batches.count, batches[k].count == batch.windowCount,
              strands?.plus == plus, strands?.minus == minus else {
            next = nil
            batches = []
            return false
        }
        batch.results = batches[k].map(\.score)
        batch.gates = []
        batches[k] = []
        next = k + 1
        return true
    }
}
