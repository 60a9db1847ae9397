/// Names and lengths (bases) of the sequences a track will cover, in input order, known before the
/// first window, e.g. from a FASTA index (`.fai`). A bigWig needs them in its header.
public struct SequenceSizes: Sendable, Equatable {
    /// Where they come from, for messages (e.g. `genome.fa.fai`).
    public var source: String
    public var names: [String]
    public var lengths: [Int]

    public init(source: String, names: [String], lengths: [Int]) {
        precondition(names.count == lengths.count)
        self.source = source
        self.names = names
        self.lengths = lengths
    }
}
