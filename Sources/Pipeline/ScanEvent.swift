/// What the writer is told, in input order, when a batch is written out.
enum ScanEvent {
    /// A record begins; its base 0 is at `offset` in its reference sequence (a FASTA region's start,
    /// else 0), which is added to every coordinate written.
    case begin(name: String, offset: Int)
    /// The windows of `ScanBatch.pieces[index]`.
    case piece(index: Int)
    /// The record ends after `length` bases.
    case end(length: Int)
}
