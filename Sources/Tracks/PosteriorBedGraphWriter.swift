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
    /// The open run: start, end, value in units of 0.0001.
    private var run: (start: Int, end: Int, value: Int)?
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
        run = nil
    }

    /// The values of the bases `start`, `start + 1`, … (in the sequence's coordinates).
    public func add(_ values: ArraySlice<Float>, from start: Int) throws(TrackError) {
        var position = start
        for value in values {
            let scaled = NumberFormat.scaledProbability(value)
            if let open = run, open.end == position, open.value == scaled {
                run = (open.start, position + 1, scaled)
            } else {
                try flush()
                run = (position, position + 1, scaled)
            }
            position += 1
        }
    }

    public func end(sequenceLength length: Int) throws(TrackError) {
        try flush()
    }

    public func finish() throws(TrackError) { try header() }

    private func flush() throws(TrackError) {
        guard let open = run else { return }
        run = nil
        line.removeAll(keepingCapacity: true)
        line.append(contentsOf: name)
        line.append(9)
        NumberFormat.append(open.start, to: &line)
        line.append(9)
        NumberFormat.append(open.end, to: &line)
        line.append(9)
        NumberFormat.appendProbability(Float(open.value) / 10000, to: &line)
        line.append(10)
        try sink.write(line[...])
    }
}
