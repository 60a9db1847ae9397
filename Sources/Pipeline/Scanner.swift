import Model
import SequenceIO
import Tracks
import Windows

/// The streaming scan: input records → windows on both strands → model → track lines.
///
/// Memory is bounded by the read block, one window and the writer's line buffer, whatever the
/// length of a record. Windows with fewer than half of their bases unambiguous (A/C/G/T) are not
/// scored and leave a gap in bedGraph/BED (`NA` in TSV).
public final class Scanner {
    public let model: Model
    public let options: ScanOptions
    public let plan: WindowPlan
    /// Bases per read from the input.
    private let blockSize = 1 << 16

    /// Checks the options against what the model accepts.
    public init(model: Model, options: ScanOptions) throws(ScanError) {
        let meta = model.metadata
        let window = options.window ?? meta.window
        if window < meta.minLength || window > meta.maxWindow {
            throw .usage("--window \(window) is outside what model '\(meta.name)' accepts "
                + "(\(meta.minLength)...\(meta.maxWindow))")
        }
        let step = options.step ?? min(meta.step, window)
        if step < 1 || step > window {
            throw .usage("--step \(step) must be between 1 and the window (\(window))")
        }
        if !(options.threshold >= 0 && options.threshold <= 1) {
            throw .usage("--threshold \(options.threshold) must be between 0 and 1")
        }
        self.model = model
        self.options = options
        self.plan = WindowPlan(window: window, step: step, minLength: min(meta.minLength, window))
    }

    /// Scans `paths` in order ("-" is standard input) and writes one track to `sink`.
    /// The sink is flushed but not committed: the caller commits on success.
    public func scan(paths: [String], sink: OutputSink) throws(ScanError) -> ScanSummary {
        let writer = TrackWriters.make(options.format, settings: trackSettings, sink: sink)
        let summary = try scan(paths: paths, writer: writer)
        do { try sink.flush() } catch { throw .output(error) }
        return summary
    }

    /// The writer settings this scan's options imply.
    public var trackSettings: TrackSettings {
        TrackSettings(plan: plan, strand: options.strand, threshold: options.threshold,
                      trackLine: options.trackLine, modelName: model.metadata.name)
    }

    /// Scans `paths` in order into any writer (e.g. an in-memory collector for evaluation).
    /// `options.format` is ignored; both strands are scored unless `options.strand` names one and the
    /// writer is a bedGraph writer.
    public func scan(paths: [String], writer: TrackWriter) throws(ScanError) -> ScanSummary {
        var summary = ScanSummary()
        summary.window = plan.window
        summary.step = plan.step
        summary.minLength = plan.minLength
        var ascii = [UInt8](repeating: 0, count: blockSize)
        var masks = [UInt8](repeating: 0, count: blockSize)
        var stream = WindowStream(plan: plan)
        let oneStrand = writer is BedGraphWriter
        let needPlus = !oneStrand || options.strand != .minus
        let needMinus = !oneStrand || options.strand != .plus
        let table = BaseEncoding.maskOfASCII
        var unscored = 0
        do {
            for path in paths {
                let reader = try SequenceReader(path: path)
                defer { reader.close() }
                var records = 0
                while let record = try reader.nextRecord() {
                    records += 1
                    summary.sequences += 1
                    stream.reset()
                    try writer.begin(sequence: record.name)
                    let visit = { (w: WindowStream.Window) throws in
                        let scored = self.score(w, plus: needPlus, minus: needMinus)
                        if scored.plus == nil && scored.minus == nil { unscored += 1 }
                        try writer.add(scored)
                    }
                    while true {
                        let n = try ascii.withUnsafeMutableBufferPointer { try reader.readBases(into: $0) }
                        if n == 0 { break }
                        for i in 0..<n { masks[i] = table[Int(ascii[i])] }
                        try masks.withUnsafeBufferPointer { buf in
                            try stream.append(UnsafeBufferPointer(rebasing: buf[0..<n]), visit)
                        }
                    }
                    let count = try stream.finish(visit)
                    try writer.end(sequenceLength: stream.length)
                    summary.bases += stream.length
                    summary.windows += count
                    if count == 0 {
                        summary.skipped += 1
                        if summary.firstSkipped == nil {
                            let line = record.line > 0 ? " (line \(record.line))" : ""
                            summary.firstSkipped = "\(reader.displayName): record '\(record.name)'\(line)"
                        }
                    }
                }
                if records == 0 { throw ScanError.noSequences(path: reader.displayName) }
            }
            try writer.finish()
        } catch let error as SequenceIOError {
            throw .input(error)
        } catch let error as TrackError {
            throw .output(error)
        } catch let error as ScanError {
            throw error
        } catch {
            preconditionFailure("unexpected error \(error)")
        }
        summary.unscoredWindows = unscored
        if summary.sequences > 0 && summary.skipped == summary.sequences {
            throw .nothingScored(minLength: plan.minLength, firstSkipped: summary.firstSkipped ?? "input")
        }
        return summary
    }

    /// Scores one window on the strands asked for.
    private func score(_ w: WindowStream.Window, plus: Bool, minus: Bool) -> ScoredWindow {
        let end = w.start + w.masks.count
        guard w.unambiguous * 2 >= w.masks.count else {
            return ScoredWindow(index: w.index, start: w.start, end: end, plus: nil, minus: nil)
        }
        let p = plus ? model.predict(masks: w.masks, reverseComplement: false) : nil
        let m = minus ? model.predict(masks: w.masks, reverseComplement: true) : nil
        return ScoredWindow(index: w.index, start: w.start, end: end, plus: p, minus: m)
    }
}
