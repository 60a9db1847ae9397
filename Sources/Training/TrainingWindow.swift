/// One sampled window: where it lies, which strand is read, and its label.
struct TrainingWindow: Sendable, Equatable {
    /// Index of the genome in its set (training or validation genomes).
    var genome: Int32
    /// Index of the record in the genome.
    var record: Int32
    /// 0-based start of the window on the forward strand.
    var start: Int32
    /// True to read the window on the minus strand (reverse complement).
    var minus: Bool
    /// True when at least the coding fraction of the window is CDS on the read strand.
    var coding: Bool
    /// The training target in [0, 1]: 1 or 0 by `coding`, or with soft labels the fraction of the
    /// label span covered by CDS on the read strand.
    var target: Float
}
