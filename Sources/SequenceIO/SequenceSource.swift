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
