/// The format-specific engine behind a `SequenceReader`.
///
/// `nextRecord` moves to the next record, skipping (and validating) whatever is left of the current
/// one; `readBases` streams the current record's bases as UPPERCASE IUPAC ASCII letters and returns 0
/// once the record has ended. Both throw only `SequenceIOError`.
protocol RecordParser: AnyObject {
    /// Moves to the next record; nil at the end of input.
    func nextRecord() throws(SequenceIOError) -> SequenceRecordInfo?
    /// Writes up to `buffer.count` bases of the current record; 0 when it has ended.
    func readBases(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(SequenceIOError) -> Int
    /// 1-based line being parsed (text formats); 0 when there are no lines.
    var currentLine: Int { get }
}

extension RecordParser {
    /// Reads and discards the rest of the current record through `readBases`, so that it is validated
    /// exactly as if the caller had read it. `scratch` is a reusable buffer of at least one byte.
    func drainRecord(scratch: UnsafeMutableBufferPointer<UInt8>) throws(SequenceIOError) {
        while try readBases(into: scratch) > 0 {}
    }
}
