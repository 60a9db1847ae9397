import Inference
import ReadingFrames

/// A unit of work of the threaded scan: the windows of one stretch of input (a piece of a long
/// record, or many short records), the bases they need, and — once scored — their scores.
///
/// Built and written out by the reading thread; scored by one worker in between. The hand-over
/// goes through `ScanWorkers`' lock, which also guards `isScored`.
final class ScanBatch {
    /// IUPAC masks of every piece's span with its context, one after another.
    var masks: [UInt8] = []
    var pieces: [ScanPiece] = []
    var events: [ScanEvent] = []
    /// Windows over all pieces.
    var windowCount = 0
    /// One per window, in piece order; filled by `score`.
    var results: [WindowScore] = []
    /// One (plus, minus) ORF gate per window, in piece order, filled by `score` with a gate; empty
    /// without one (every gate 1).
    var gates: [(plus: Float, minus: Float)] = []
    /// Set under the workers' lock once `results` are final.
    var isScored = false

    var isEmpty: Bool { events.isEmpty }

    /// Scores every window on the strands asked for, with the calling thread's scorer (the read
    /// model's, `readScorer`, for pieces marked `readModel`), and computes the windows' ORF gates when
    /// `gate` is given (1 on both strands for the read model's windows).
    func score(with scorer: SpanScorer, readScorer: SpanScorer? = nil, plus: Bool, minus: Bool, gate: ORFGate? = nil) {
        gates = []
        results = [WindowScore](repeating: WindowScore(scored: false, plus: nil, minus: nil), count: windowCount)
        var starts: [Int] = []
        masks.withUnsafeBufferPointer { all in
            results.withUnsafeMutableBufferPointer { out in
                for piece in pieces {
                    starts.removeAll(keepingCapacity: true)
                    for i in 0..<piece.count { starts.append(piece.start(i) - piece.spanStart) }
                    let span = UnsafeBufferPointer(rebasing: all[piece.maskOffset..<(piece.maskOffset + piece.maskCount)])
                    let slots = UnsafeMutableBufferPointer(rebasing: out[piece.resultOffset..<(piece.resultOffset + piece.count)])
                    let pieceScorer = piece.readModel ? readScorer! : scorer
                    starts.withUnsafeBufferPointer { s in
                        pieceScorer.score(masks: span, windowLength: piece.window, starts: s, plus: plus, minus: minus,
                                     results: slots)
                    }
                    if gate != nil && piece.readModel {
                        gates += [(plus: Float, minus: Float)](repeating: (1, 1), count: piece.count)
                    } else if let gate {
                        let low = piece.maskOffset - piece.contextBefore
                        let high = piece.maskOffset + piece.maskCount + piece.contextAfter
                        let bins = (0..<piece.count).map(piece.contextBin)
                        gates += gate.binGates(masks: UnsafeBufferPointer(rebasing: all[low..<high]), bins: bins)
                    }
                }
            }
        }
    }
}
