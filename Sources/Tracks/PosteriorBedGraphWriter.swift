/// bedGraph of a per-base track (the gene decoder's posterior P(coding)): `chrom start end value`,
/// 0-based half-open, runs of bases whose values print the same (4 decimals) merged into one line.
///
/// Values come in order, a stretch at a time (`add(_:from:)`), and may continue a run across stretches;
/// lines never overlap and come by start within each sequence, sequences in input order. Bases never
/// given (none, when the decoder covers every base) leave a gap.
public final class PosteriorBedGraphWriter: BaseValueWriter {
    private let settings: TrackSettings
    private let sink: OutputSink
    private var name: [UInt8] = []
    private var runs = ValueRuns()
    private var line: [UInt8] = []
    private var trackHeader = TrackHeader()

    public init(settings: TrackSettings, sink: OutputSink) {
        self.settings = settings
        self.sink = sink
    }

    /// The track line: as `BedGraphWriter`'s, described as decoded.
    private func header() throws(TrackError) {
        try trackHeader.write(settings, to: sink) { model in [
            ("type", "bedGraph"), ("name", "codingscan"), ("description", "P(coding), decoded\(model)"),
            ("visibility", "full"), ("autoScale", "off"), ("viewLimits", "0:1"),
        ] }
    }

    public func begin(sequence name: String) throws(TrackError) {
        try header()
        self.name = Array(name.utf8)
        runs = ValueRuns()
    }

    /// The values of the bases `start`, `start + 1`, … (in the sequence's coordinates).
    public func add(_ values: ArraySlice<Float>, from start: Int) throws(TrackError) {
        try runs.add(values, from: start, write)
    }

    public func end(sequenceLength length: Int) throws(TrackError) {
        try runs.flush(write)
    }

    public func finish() throws(TrackError) { try header() }

    private func write(_ start: Int, _ end: Int, _ scaled: Int) throws(TrackError) {
        BedGraphWriter.line(name: name, start: start, end: end, value: Float(scaled) / 10000, into: &line)
        try sink.write(line[...])
    }
}
