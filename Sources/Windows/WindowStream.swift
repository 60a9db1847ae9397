/// Cuts a sequence that arrives in pieces into windows, in constant memory.
///
/// Feed the bases of one sequence with `append` (IUPAC masks, see `BaseEncoding`), then call
/// `finish`. Each complete window is handed to the visitor as soon as its last base has arrived,
/// together with its start (0-based), and the number of unambiguous bases in it. Only the bases of
/// the current partial window plus one piece are ever held: memory is O(window + piece size).
public struct WindowStream {
    /// A window handed to the visitor: `masks` is valid only during the call.
    public struct Window {
        /// 0-based index of the window in its sequence.
        public let index: Int
        /// 0-based start; the window is `[start, start + masks.count)`.
        public let start: Int
        /// IUPAC masks of the window's bases, forward strand.
        public let masks: UnsafeBufferPointer<UInt8>
        /// How many of those bases are exactly one of A, C, G, T.
        public let unambiguous: Int
    }

    public let plan: WindowPlan
    /// Bases held, starting at sequence coordinate `heldStart`.
    private var held: [UInt8] = []
    private var heldStart = 0
    /// Start of the next window to emit.
    private var nextStart = 0
    private var nextIndex = 0
    /// Bases appended so far to the current sequence.
    public private(set) var length = 0

    public init(plan: WindowPlan) {
        self.plan = plan
        held.reserveCapacity(plan.window * 2)
    }

    /// Starts a new sequence, forgetting the previous one.
    public mutating func reset() {
        held.removeAll(keepingCapacity: true)
        heldStart = 0
        nextStart = 0
        nextIndex = 0
        length = 0
    }

    /// Appends the next bases of the current sequence and emits every window they complete.
    public mutating func append(_ masks: UnsafeBufferPointer<UInt8>, _ visit: (Window) throws -> Void) rethrows {
        held.append(contentsOf: masks)
        length += masks.count
        let w = plan.window
        while nextStart + w <= length {
            try emit(start: nextStart, count: w, visit)
            nextStart += plan.step
            nextIndex += 1
        }
        // Drop bases no future window needs.
        let drop = min(nextStart - heldStart, held.count)
        if drop > 0 && drop >= held.count / 2 {
            held.removeFirst(drop)
            heldStart += drop
        }
    }

    /// Ends the current sequence. Emits the single short window when the sequence is shorter than
    /// the window but at least `minLength`. Returns the number of windows the sequence had.
    @discardableResult
    public mutating func finish(_ visit: (Window) throws -> Void) rethrows -> Int {
        if length < plan.window && length >= plan.minLength {
            try emit(start: 0, count: length, visit)
            nextIndex = 1
        }
        return nextIndex
    }

    private func emit(start: Int, count: Int, _ visit: (Window) throws -> Void) rethrows {
        try held.withUnsafeBufferPointer { buf in
            let slice = UnsafeBufferPointer(rebasing: buf[(start - heldStart)..<(start - heldStart + count)])
            var clean = 0
            for m in slice where BaseEncoding.isUnambiguous(m) { clean += 1 }
            try visit(Window(index: nextIndex, start: start, masks: slice, unambiguous: clean))
        }
    }
}
