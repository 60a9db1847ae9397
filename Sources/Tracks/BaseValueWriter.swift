/// Streams a per-base track (the gene decoder's posterior): `begin` a sequence, `add` its values in
/// order, a stretch at a time, `end` it; `finish` once. Coordinates are the sequence's, 0-based.
public protocol BaseValueWriter: AnyObject {
    func begin(sequence name: String) throws(TrackError)
    /// The values of the bases `start`, `start + 1`, …
    func add(_ values: ArraySlice<Float>, from start: Int) throws(TrackError)
    /// `length`: the sequence's length in bases (or the end of the region scanned).
    func end(sequenceLength length: Int) throws(TrackError)
    func finish() throws(TrackError)
}
