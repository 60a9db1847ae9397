import Foundation
import Inference
import ReadingFrames

/// The scoring threads of a scan: batches go in (`submit`) in input order and are awaited in the
/// same order (`wait`), so the writer sees windows in input order whatever thread scored them.
/// With one thread, batches are scored on the caller's thread at `submit`. Threads start as work comes
/// (a new one only when a batch waits and no started thread is idle), so a small input never starts
/// more threads than it has batches.
final class ScanWorkers: @unchecked Sendable {
    let threadCount: Int
    private let engine: InferenceEngine
    /// The read model's engine, for pieces of whole short records (`ScanPiece.readModel`).
    private let readEngine: InferenceEngine?
    /// Moves each read's probabilities by its hexamers (the read model's `read_hexamers`).
    private let readHexamers: ReadHexamerScorer?
    /// Counts the reads' hexamers for `--adapt` (`ReadHexamerSample`); nil: not counting.
    private let readSample: ReadHexamerSample?
    private let plus: Bool
    private let minus: Bool
    private let gate: ORFGate?
    private let condition = NSCondition()
    /// Submitted, not yet taken by a worker (guarded by `condition`).
    private var queue: [ScanBatch] = []
    private var queueHead = 0
    private var stopping = false
    private var running = 0
    /// Threads started so far, and those of them waiting for a batch (guarded by `condition`).
    private var started = 0
    private var idle = 0
    private var collected = InferenceStatistics()
    /// The caller's scorers when `threadCount == 1`.
    private var inlineScorer: SpanScorer?
    private var inlineReadScorer: SpanScorer?
    /// Keeps every batch's scores as it is waited for; replays a recording's scores instead of scoring
    /// (`ScoreRecording`; only without an ORF gate and a read sample, whose results it does not hold).
    private let recording: ScoreRecording?
    private let replaying: ScoreRecording?

    init(engine: InferenceEngine, readEngine: InferenceEngine? = nil, readHexamers: ReadHexamerScorer? = nil,
         readSample: ReadHexamerSample? = nil, threads: Int, plus: Bool, minus: Bool, gate: ORFGate? = nil,
         recording: ScoreRecording? = nil, replaying: ScoreRecording? = nil) {
        precondition(threads >= 1)
        self.recording = gate == nil ? recording : nil
        self.replaying = gate == nil && readSample == nil ? replaying : nil
        self.engine = engine
        self.readEngine = readEngine
        self.readHexamers = readHexamers
        self.readSample = readSample
        threadCount = threads
        self.plus = plus
        self.minus = minus
        self.gate = gate
        if threads == 1 {
            inlineScorer = engine.makeScorer()
            inlineReadScorer = readEngine?.makeScorer()
            return
        }
    }

    /// Starts one more worker (called with `condition` locked).
    private func startWorker() {
        let thread = Thread { [self] in work() }
        thread.name = "codingscan-\(started)"
        thread.stackSize = 4 << 20
        started += 1
        running += 1
        thread.start()
    }

    /// Queues `batch` for scoring (scores it right away with one thread).
    func submit(_ batch: ScanBatch) {
        if let replaying, replaying.replay(into: batch, plus: plus, minus: minus) {
            batch.isScored = true
            return
        }
        if let inlineScorer {
            batch.score(with: inlineScorer, readScorer: inlineReadScorer, readHexamers: readHexamers, readSample: readSample, plus: plus, minus: minus, gate: gate)
            batch.isScored = true
            return
        }
        condition.lock()
        queue.append(batch)
        if started < threadCount && queue.count - queueHead > idle { startWorker() }
        condition.broadcast()
        condition.unlock()
    }

    /// Blocks until `batch` is scored.
    func wait(for batch: ScanBatch) {
        if inlineScorer == nil {
            condition.lock()
            while !batch.isScored { condition.wait() }
            condition.unlock()
        }
        recording?.record(batch, plus: plus, minus: minus)
    }

    /// Stops the threads once they finish the batch in hand (batches not yet taken are dropped) and
    /// returns the statistics of every scorer. Call once, after the last `wait` (or on an error).
    func shutdown() -> InferenceStatistics {
        if let inlineScorer {
            var statistics = inlineScorer.statistics
            if let inlineReadScorer { statistics.add(inlineReadScorer.statistics) }
            return statistics
        }
        condition.lock()
        stopping = true
        condition.broadcast()
        while running > 0 { condition.wait() }
        let statistics = collected
        condition.unlock()
        return statistics
    }

    private func work() {
        let scorer = engine.makeScorer()
        let readScorer = readEngine?.makeScorer()
        condition.lock()
        while true {
            while queueHead == queue.count && !stopping {
                idle += 1
                condition.wait()
                idle -= 1
            }
            if stopping { break }
            let batch = queue[queueHead]
            queueHead += 1
            // Forget taken batches (the queue is rarely empty while the reader keeps it fed).
            if queueHead == queue.count || queueHead >= 64 {
                queue.removeFirst(queueHead)
                queueHead = 0
            }
            condition.unlock()
            batch.score(with: scorer, readScorer: readScorer, readHexamers: readHexamers, readSample: readSample, plus: plus, minus: minus, gate: gate)
            condition.lock()
            batch.isScored = true
            condition.broadcast()
        }
        collected.add(scorer.statistics)
        if let readScorer { collected.add(readScorer.statistics) }
        running -= 1
        condition.broadcast()
        condition.unlock()
    }
}
