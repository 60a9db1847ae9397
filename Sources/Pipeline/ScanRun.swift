import GeneCalling
import Inference
import SequenceIO
import Tracks
import Windows

/// One call of `TrackScanner.scan`: reads the inputs, hands batches to the workers, writes scored batches
/// in input order, and counts what it saw.
struct ScanRun {
    private var builder: ScanBatchBuilder
    private let workers: ScanWorkers
    private let writer: TrackWriter
    /// The gene decoder at the end of `writer`'s chain, which also needs every record's bases.
    private let decoder: GeneDecodingWriter?
    private let maxInFlight: Int
    /// Submitted batches not yet written, oldest first.
    private var inFlight: [ScanBatch] = []
    private(set) var summary = ScanSummary()
    /// Where the record being written starts in its reference sequence (see `ScanEvent.begin`).
    private var writeOffset = 0

    /// - Parameter context: bases of context each piece carries for the ORF gate (0 = no gate).
    /// - Parameter reads: with a read model, the lengths of the records it scores and its total pooling
    ///   stride, to which each is aligned in its batch.
    init(plan: WindowPlan, batchBases: Int, workers: ScanWorkers, writer: TrackWriter, maxInFlight: Int,
         context: Int = 0, reads: (lengths: Range<Int>, alignment: Int)? = nil, decoder: GeneDecodingWriter? = nil) {
        builder = ScanBatchBuilder(plan: plan, batchBases: batchBases, context: context, readLengths: reads?.lengths ?? 0..<0,
                                   readAlignment: reads?.alignment ?? 1)
        self.workers = workers
        self.writer = writer
        self.decoder = decoder
        self.maxInFlight = maxInFlight
        summary.window = plan.window
        summary.step = plan.step
        summary.minLength = plan.minLength
    }

    /// Reads every path. On an input error, the windows read before it are still scored and written
    /// (as the sequential scan did) before the error is rethrown.
    mutating func read(paths: [String], regions: [GenomicRegion] = [], reference: String? = nil, blockSize: Int) throws {
        do {
            try readAll(paths: paths, regions: regions, reference: reference, blockSize: blockSize)
        } catch let error as TrackError {
            throw error
        } catch {
            builder.flushCompleteWindows()
            for batch in builder.takeSealed() { try submit(batch) }
            try submit(builder.take())
            try drain()
            throw error
        }
        try submit(builder.take())
        try drain()
    }

    /// With `regions`, each path is read through its index (`RegionReaders`), region by region.
    private mutating func readAll(paths: [String], regions: [GenomicRegion], reference: String?, blockSize: Int) throws {
        var ascii = [UInt8](repeating: 0, count: blockSize)
        var masks = [UInt8](repeating: 0, count: blockSize)
        let table = BaseEncoding.maskOfASCII
        for path in paths {
            let reader: SequenceSource = regions.isEmpty
                ? try SequenceReader(path: path, reference: reference)
                : try RegionReaders.open(path: path, regions: regions, reference: reference)
            defer { reader.close() }
            var records = 0
            while let record = try reader.nextRecord() {
                records += 1
                summary.sequences += 1
                builder.begin(name: record.name, offset: reader.recordOffset)
                decoder?.beginBases(name: record.name, offset: reader.recordOffset)
                var failure: (any Error)?
                try reader.forEachBlock(of: &ascii) { block in
                    let n = block.count
                    table.withUnsafeBufferPointer { t in
                        for i in 0..<n { masks[i] = t[Int(block[i])] }
                    }
                    masks.withUnsafeBufferPointer {
                        let block = UnsafeBufferPointer(rebasing: $0[0..<n])
                        builder.append(block)
                        decoder?.appendBases(block)
                    }
                    do {
                        for batch in builder.takeSealed() { try submit(batch) }
                    } catch {
                        failure = error   // e.g. a closed output pipe: stop reading at once
                        return false
                    }
                    return true
                }
                if let failure { throw failure }
                let length = builder.length
                let count = builder.end()
                for batch in builder.takeSealed() { try submit(batch) }
                summary.bases += length
                summary.windows += count
                if count == 0 {
                    summary.skipped += 1
                    if summary.firstSkipped == nil {
                        let line = record.line > 0 ? " (line \(record.line))" : ""
                        summary.firstSkipped = "\(reader.displayName): record '\(record.name)'\(line)"
                    }
                }
            }
            if records == 0 && regions.isEmpty { summary.emptyInputs.append(reader.displayName) }
        }
    }

    /// Hands a batch to the workers, first writing out finished ones while too many are in flight.
    private mutating func submit(_ batch: ScanBatch) throws {
        guard !batch.isEmpty else { return }
        workers.submit(batch)
        inFlight.append(batch)
        while inFlight.count >= maxInFlight { try writeOldest() }
    }

    /// Writes every batch in flight.
    private mutating func drain() throws {
        while !inFlight.isEmpty { try writeOldest() }
    }

    /// Waits for the oldest batch and replays its events to the writer.
    private mutating func writeOldest() throws {
        let batch = inFlight.removeFirst()
        workers.wait(for: batch)
        for event in batch.events {
            switch event {
            case let .begin(name, offset):
                writeOffset = offset
                try writer.begin(sequence: name)
            case let .piece(index):
                let piece = batch.pieces[index]
                for i in 0..<piece.count {
                    let score = batch.results[piece.resultOffset + i]
                    if !score.scored { summary.unscoredWindows += 1 }
                    let start = writeOffset + piece.start(i)
                    let gate = batch.gates.isEmpty ? (plus: 1, minus: 1) : batch.gates[piece.resultOffset + i]
                    try writer.add(ScoredWindow(index: piece.firstIndex + i, start: start, end: start + piece.window,
                                                plus: score.plus, minus: score.minus,
                                                gatePlus: gate.plus, gateMinus: gate.minus,
                                                framePlus: score.framePlus.map(Int.init), frameMinus: score.frameMinus.map(Int.init)))
                }
            case let .end(length):
                try writer.end(sequenceLength: writeOffset + length)
            }
        }
    }
}
