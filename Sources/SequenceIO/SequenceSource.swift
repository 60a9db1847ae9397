/// Anything that streams sequence records the way `SequenceReader` does: a whole file, or the
/// regions of an indexed file (`RegionReaders.open`).
///
/// `recordOffset` is where the current record's base 0 lies in its reference sequence: 0 for whole
/// records and reads, the region's 0-based start for a FASTA region (so that output coordinates stay
/// genomic). Not thread-safe.
public protocol SequenceSource: AnyObject {
    /// `"stdin"` for `"-"`, else the path as given; used in every message.
    var displayName: String { get }
    /// Moves to the next record; nil at the end. After an error every call throws it again.
    func nextRecord() throws(SequenceIOError) -> SequenceRecordInfo?
    /// Writes up to `buffer.count` bases (UPPERCASE IUPAC letters) of the current record; 0 at its end.
    func readBases(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(SequenceIOError) -> Int
    /// 0-based position of the current record's first base in its reference sequence.
    var recordOffset: Int { get }
    /// Closes the input. Idempotent.
    func close()
}

extension SequenceReader: SequenceSource {
    /// Whole records start at 0.
    public var recordOffset: Int { 0 }
}

extension SequenceSource {
    /// Reads the rest of the current record in blocks of up to `buffer.count` letters (UPPERCASE IUPAC),
    /// handing each to `body`, until the record ends or `body` returns false: the one loop that every
    /// consumer of whole records runs (the scan, training's genome loader, eval's record lengths).
    /// Returns the letters read. `buffer` is scratch; it must not be empty.
    @discardableResult
    public func forEachBlock(of buffer: inout [UInt8],
                             _ body: (UnsafeBufferPointer<UInt8>) -> Bool) throws(SequenceIOError) -> Int {
        precondition(!buffer.isEmpty, "forEachBlock needs a non-empty buffer")
        var total = 0
        while true {
            let n = try buffer.withUnsafeMutableBufferPointer { block throws(SequenceIOError) in
                try readBases(into: block)
            }
            if n == 0 { return total }
            total += n
            let more = buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[0..<n])) }
            if !more { return total }
        }
    }
}
