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
    /// model's, `readScorer`, for pieces marked `readModel`, each read then moved by its hexamers with
    /// `readHexamers`), and computes the windows' ORF gates when
    /// `gate` is given (1 on both strands for the read model's windows).
    ///
    /// Consecutive reads of one length are scored in one call over the batch's masks from the first
    /// to the last (`ScanBatchBuilder` aligns each to the read model's pooling stride): the windows'
    /// own bases decide their scores, so this gives the same bits as one call per read, at a fraction
    /// of the per-call cost (the dense head runs 16 windows at a time).
    func score(with scorer: SpanScorer, readScorer: SpanScorer? = nil, readHexamers: ReadHexamerScorer? = nil,
               readSample: ReadHexamerSample? = nil, plus: Bool, minus: Bool, gate: ORFGate? = nil) {
        gates = []
        results = [WindowScore](repeating: WindowScore(scored: false, plus: nil, minus: nil), count: windowCount)
        var starts: [Int] = []
        masks.withUnsafeBufferPointer { all in
            results.withUnsafeMutableBufferPointer { out in
                var index = 0
                while index < pieces.count {
                    // One call per piece, or per run of consecutive reads of one length (one window each).
                    let first = pieces[index]
                    let read = first.readModel ? readScorer : nil
                    var last = index
                    if read != nil {
                        while last + 1 < pieces.count && pieces[last + 1].readModel && pieces[last + 1].window == first.window {
                            last += 1
                        }
                    }
                    starts.removeAll(keepingCapacity: true)
                    for piece in pieces[index...last] {
                        let offset = piece.maskOffset - first.maskOffset - piece.spanStart
                        for i in 0..<piece.count { starts.append(offset + piece.start(i)) }
                    }
                    let end = pieces[last].maskOffset + pieces[last].maskCount
                    let span = UnsafeBufferPointer(rebasing: all[first.maskOffset..<end])
                    let slots = UnsafeMutableBufferPointer(rebasing: out[first.resultOffset..<(first.resultOffset + starts.count)])
                    starts.withUnsafeBufferPointer { s in
                        (read ?? scorer).score(masks: span, windowLength: first.window, starts: s, plus: plus, minus: minus,
                                             results: slots)
                    }
                    if read != nil, let readHexamers {
                        // Each read's own bases move its probabilities (`ReadHexamers`).
                        for (k, start) in starts.enumerated() {
                            let bases = UnsafeBufferPointer(rebasing: span[start..<(start + first.window)])
                            let best = readHexamers.bestFrames(bases)
                            if let p = slots[k].plus {
                                slots[k].plus = readHexamers.adjusted(p, score: best.plus.score, length: first.window)
                                slots[k].framePlus = UInt8(best.plus.frame)
                            }
                            if let p = slots[k].minus {
                                slots[k].minus = readHexamers.adjusted(p, score: best.minus.score, length: first.window)
                                slots[k].frameMinus = UInt8(best.minus.frame)
                            }
                            readSample?.count(bases, plus: slots[k].plus, minus: slots[k].minus, frames: best)
                        }
                    }
                    if gate != nil && read != nil {
                        gates += [(plus: Float, minus: Float)](repeating: (1, 1), count: starts.count)
                    } else if let gate {
                        let low = first.maskOffset - first.contextBefore
                        let high = first.maskOffset + first.maskCount + first.contextAfter
                        let bins = (0..<first.count).map(first.contextBin)
                        gates += gate.binGates(masks: UnsafeBufferPointer(rebasing: all[low..<high]), bins: bins)
                    }
                    index = last + 1
                }
            }
        }
    }
}
