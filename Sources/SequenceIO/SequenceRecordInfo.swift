/// One sequence record's identity, for messages and output.
public struct SequenceRecordInfo: Sendable, Equatable {
    /// The first whitespace-delimited word of the FASTA/FASTQ header (after the `>` or `@`), or the
    /// SAM/BAM/CRAM read name (QNAME; `*` when a BAM/CRAM record has an empty one). Never empty.
    public let name: String
    /// 0-based ordinal of the record among the records returned from its file; skipped secondary and
    /// supplementary alignments are not counted.
    public let index: Int
    /// 1-based line of the header in the decompressed text (FASTA/FASTQ), or of the alignment line
    /// (SAM text); 0 when there are no lines (BAM/CRAM).
    public let line: Int

    /// Creates a record identity; `line` is 1-based, 0 when unknown.
    public init(name: String, index: Int, line: Int) {
        self.name = name
        self.index = index
        self.line = line
    }
}
