/// bedGraph: `chrom  start  end  value`, 0-based half-open, one line per scored bin.
///
/// Bins tile each sequence as `WindowPlan` describes; value = max(p_plus, p_minus), or one strand's p
/// with `StrandChoice.plus/.minus`, with 4 decimals. Unscored windows leave a gap. Lines come in
/// input order, then by start, and never overlap: the output is already `sort -k1,1 -k2,2n` order
/// within each sequence.
public final class BedGraphWriter: TrackWriter {
    private let settings: TrackSettings
    private let sink: OutputSink
    private var name: [UInt8] = []
    private var bins: BinSequencer
    private var line: [UInt8] = []
    private var trackHeader = TrackHeader()

    public init(settings: TrackSettings, sink: OutputSink) {
        self.settings = settings
        self.sink = sink
        bins = BinSequencer(plan: settings.plan)
    }

    public func begin(sequence name: String) throws(TrackError) {
        try header()
        self.name = Array(name.utf8)
        bins.reset()
    }

    /// The track line: fixed 0–1 scale, a horizontal line at the threshold; `settings.line` on top.
    private func header() throws(TrackError) {
        try trackHeader.write(settings, to: sink) { model in [
            ("type", "bedGraph"), ("name", "codingscan"), ("description", "P(coding)\(model)"),
            ("visibility", "full"), ("autoScale", "off"), ("viewLimits", "0:1"),
            ("yLineMark", "\(settings.threshold)"), ("yLineOnOff", "on"),
        ] }
    }

    public func add(_ window: ScoredWindow) throws(TrackError) {
        try bins.add(window, write)
    }

    public func end(sequenceLength length: Int) throws(TrackError) {
        try bins.end(length: length, write)
    }

    public func finish() throws(TrackError) { try header() }

    /// Writes the bin of `window`.
    private func write(_ window: ScoredWindow, _ bin: Range<Int>) throws(TrackError) {
        guard let value = BinValue.of(window, strand: settings.strand) else { return }
        BedGraphWriter.line(name: name, start: bin.lowerBound, end: bin.upperBound, value: value, into: &line)
        try sink.write(line[...])
    }

    /// `line` becomes `name  start  end  value` and a newline, the value with 4 decimals: the one
    /// bedGraph line of the window track and the decoded track.
    static func line(name: [UInt8], start: Int, end: Int, value: Float, into line: inout [UInt8]) {
        line.removeAll(keepingCapacity: true)
        line.append(contentsOf: name)
        line.append(9)
        NumberFormat.append(start, to: &line)
        line.append(9)
        NumberFormat.append(end, to: &line)
        line.append(9)
        NumberFormat.appendProbability(value, to: &line)
        line.append(10)
    }
}
