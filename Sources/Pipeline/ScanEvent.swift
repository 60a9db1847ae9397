/// What the writer is told, in input order, when a batch is written out.
enum ScanEvent {
    /// A record begins.
    case begin(name: String)
    /// The windows of `ScanBatch.pieces[index]`.
    case piece(index: Int)
    /// The record ends after `length` bases.
    case end(length: Int)
}
