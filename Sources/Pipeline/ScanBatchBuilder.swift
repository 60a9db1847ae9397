import Windows

/// Cuts the records the reader streams into `ScanBatch`es, in constant memory.
///
/// Feed a record with `begin`, `append` (as many blocks as it comes in), `end`, and collect the
/// batches that filled up with `takeSealed()` after each call. Windows are put into
/// pieces as soon as their last base has arrived, `windowsPerPiece` at a time (fewer at a record's
/// end), so a long record becomes a sequence of batches of about `batchBases` window starts, each
/// holding only its own span (plus the `window − step` bases it shares with the next); short
/// records share a batch. Only the bases from the first window not yet in a piece onwards are held.
///
/// With `context` > 0 (the ORF gate's `ORFGate.lengthCap`), a window also waits for the `context`
/// bases after its bin (or the record's end), and each piece carries up to `context` bases of the
/// record on both sides of its windows' bins, so that a worker can compute the gates of its windows
/// from the piece alone, whatever the batching.
struct ScanBatchBuilder {
    let plan: WindowPlan
    let batchBases: Int
    let windowsPerPiece: Int
    /// Bases of context on each side of the bins; 0 = none.
    let context: Int
    /// Records with these lengths go to the read model (`ScanPiece.readModel`); empty = none.
    let readLengths: Range<Int>
    /// The read model's total pooling stride: each read's bases start at a multiple of it in the
    /// batch (zeros between), so that consecutive reads of one length share one scoring call with
    /// every window in the same pooling phase (`ScanBatch.score`).
    let readAlignment: Int
    /// A batch is also sealed after this many events (many records without windows).
    let maxEvents = 4_096
    private(set) var batch = ScanBatch()
    /// Full batches not yet collected.
    private var sealed: [ScanBatch] = []
    /// Bases of the current record from `heldStart` on.
    private var held: [UInt8] = []
    private var heldStart = 0
    /// Bases of the current record so far.
    private(set) var length = 0
    /// Index of the first window not yet in a piece.
    private var nextIndex = 0

    init(plan: WindowPlan, batchBases: Int, context: Int = 0, readLengths: Range<Int> = 0..<0, readAlignment: Int = 1) {
        precondition(batchBases >= 1 && context >= 0 && readAlignment >= 1)
        self.plan = plan
        self.batchBases = batchBases
        self.context = context
        self.readLengths = readLengths
        self.readAlignment = readAlignment
        windowsPerPiece = max(1, batchBases / plan.step)
        held.reserveCapacity(batchBases + plan.window)
    }

    /// Starts a record whose base 0 lies at `offset` (0-based) in its reference sequence.
    mutating func begin(name: String, offset: Int = 0) {
        held.removeAll(keepingCapacity: true)
        heldStart = 0
        length = 0
        nextIndex = 0
        batch.events.append(.begin(name: name, offset: offset))
    }

    /// Appends the record's next bases.
    mutating func append(_ masks: UnsafeBufferPointer<UInt8>) {
        held.append(contentsOf: masks)
        length += masks.count
        while readyWindows - nextIndex >= windowsPerPiece {
            addPiece(count: windowsPerPiece)
            if isFull { sealed.append(take()) }
        }
        let drop = min(contextStart(ofWindow: nextIndex) - heldStart, held.count)
        if drop > 0 && drop >= held.count / 2 {
            held.removeFirst(drop)
            heldStart += drop
        }
    }

    /// Ends the record: its last windows (or its single short window) and the end event.
    /// - Returns: the record's number of windows (0: too short, skipped).
    mutating func end() -> Int {
        let windows = plan.windowCount(length: length)
        if length >= plan.window {
            flushCompleteWindows()
        } else if windows == 1 {
            addPiece(count: 1, shortWindow: length)
        }
        batch.events.append(.end(length: length))
        if isFull { sealed.append(take()) }
        return windows
    }

    /// Puts every complete window not yet in a piece into one (before an input error: the windows
    /// read so far still reach the writer, as with the sequential scan).
    mutating func flushCompleteWindows() {
        let count = completeWindows - nextIndex
        if count > 0 { addPiece(count: count) }
    }

    /// The batches that filled up since the last call, oldest first.
    mutating func takeSealed() -> [ScanBatch] {
        defer { sealed.removeAll(keepingCapacity: true) }
        return sealed
    }

    /// The open batch (possibly empty), replaced by a new one.
    mutating func take() -> ScanBatch {
        let sealed = batch
        batch = ScanBatch()
        return sealed
    }

    /// Windows of the current record whose last base has arrived.
    private var completeWindows: Int {
        length < plan.window ? 0 : (length - plan.window) / plan.step + 1
    }

    /// Complete windows that also have the `context` bases after their bin (with no context: all
    /// complete windows, as a bin ends inside its window).
    private var readyWindows: Int {
        let need = max(plan.window, plan.binOffset + plan.step + context)
        return length < need ? 0 : (length - need) / plan.step + 1
    }

    /// The first base a piece starting with window `index` holds: the window's start, or `context`
    /// bases before its bin (not before the record's start) when that lies earlier.
    private func contextStart(ofWindow index: Int) -> Int {
        max(0, min(index * plan.step, index * plan.step + plan.binOffset - context))
    }

    private var isFull: Bool { batch.masks.count >= batchBases || batch.events.count >= maxEvents }

    /// Adds windows `nextIndex ..< nextIndex + count` (or the record's single window of `shortWindow`
    /// bases) as a piece with a copy of their span.
    private mutating func addPiece(count: Int, shortWindow: Int? = nil) {
        let read = shortWindow.map(readLengths.contains) ?? false
        if read && batch.masks.count % readAlignment != 0 {
            batch.masks.append(contentsOf: repeatElement(0, count: readAlignment - batch.masks.count % readAlignment))
        }
        let window = shortWindow ?? plan.window
        let spanStart = nextIndex * plan.step
        let spanEnd = shortWindow ?? ((nextIndex + count - 1) * plan.step + window)
        // Up to `context` bases beyond the last bin, not past the record's end (a short window's
        // span is the whole record already).
        let lastBinEnd = (nextIndex + count - 1) * plan.step + plan.binOffset + plan.step
        let contextStart = contextStart(ofWindow: nextIndex)
        let contextEnd = max(spanEnd, min(length, lastBinEnd + context))
        var piece = ScanPiece(firstIndex: nextIndex, count: count, step: plan.step, window: window,
                              spanStart: spanStart, maskOffset: batch.masks.count + spanStart - contextStart,
                              maskCount: spanEnd - spanStart, resultOffset: batch.windowCount)
        piece.contextBefore = spanStart - contextStart
        piece.contextAfter = contextEnd - spanEnd
        piece.binOffset = shortWindow == nil ? plan.binOffset : 0
        piece.binLength = shortWindow ?? plan.step
        piece.readModel = read
        batch.masks.append(contentsOf: held[(contextStart - heldStart)..<(contextEnd - heldStart)])
        batch.events.append(.piece(index: batch.pieces.count))
        batch.pieces.append(piece)
        batch.windowCount += count
        nextIndex += count
    }
}
