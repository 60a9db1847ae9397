/// The bases of one record as the reading thread hands them over, kept until the decoder no longer
/// needs them: `masks[i]` is the record's base `dropped + i` (4-bit IUPAC masks, `BaseEncoding`).
final class RecordBases {
    let name: String
    /// Where the record's base 0 lies in its reference sequence (a region's start; 0 otherwise).
    let offset: Int
    private(set) var masks: [UInt8] = []
    /// Bases dropped from the front.
    private(set) var dropped = 0

    init(name: String, offset: Int) {
        self.name = name
        self.offset = offset
    }

    /// Bases read so far.
    var length: Int { dropped + masks.count }

    func append(_ block: UnsafeBufferPointer<UInt8>) {
        masks.append(contentsOf: block)
    }

    /// Forgets the bases before record position `position`; the storage is compacted only once the
    /// forgotten part is large, so that dropping costs O(1) per base.
    func drop(before position: Int) {
        let count = position - dropped
        guard count > 0, count >= 1 << 16, count >= masks.count / 2 else { return }
        masks.removeFirst(count)
        dropped = position
    }

    /// Calls `body` with the masks of record positions `range` (all read, none dropped).
    func withMasks<R>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        precondition(range.lowerBound >= dropped && range.upperBound <= length, "bases not held")
        return masks.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[(range.lowerBound - dropped)..<(range.upperBound - dropped)])) }
    }
}
