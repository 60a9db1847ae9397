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
    private var pending: ScoredWindow?
    private var line: [UInt8] = []
    private var wroteHeader = false

    public init(settings: TrackSettings, sink: OutputSink) {
        self.settings = settings
        self.sink = sink
    }

    public func begin(sequence name: String) throws(TrackError) {
        if settings.trackLine && !wroteHeader {
            wroteHeader = true
            let model = settings.modelName.isEmpty ? "" : " (\(settings.modelName))"
            try sink.write("track type=bedGraph name=\"codingscan\" description=\"P(coding)\(model)\" "
                + "visibility=full autoScale=off viewLimits=0:1\n")
        }
        self.name = Array(name.utf8)
        pending = nil
    }

    public func add(_ window: ScoredWindow) throws(TrackError) {
        if let previous = pending { try write(previous, sequenceLength: nil) }
        pending = window
    }

    public func end(sequenceLength length: Int) throws(TrackError) {
        if let last = pending { try write(last, sequenceLength: length) }
        pending = nil
    }

    public func finish() throws(TrackError) {
        if settings.trackLine && !wroteHeader {
            wroteHeader = true
            try sink.write("track type=bedGraph name=\"codingscan\"\n")
        }
    }

    /// Writes the bin of `window`; `sequenceLength` is non-nil for the sequence's last window.
    private func write(_ window: ScoredWindow, sequenceLength: Int?) throws(TrackError) {
        guard let value = BinValue.of(window, strand: settings.strand) else { return }
        let plan = settings.plan
        let start = window.index == 0 ? 0 : window.start + plan.binOffset
        let end = sequenceLength ?? (window.start + plan.binOffset + plan.step)
        line.removeAll(keepingCapacity: true)
        line.append(contentsOf: name)
        line.append(9)
        NumberFormat.append(start, to: &line)
        line.append(9)
        NumberFormat.append(end, to: &line)
        line.append(9)
        NumberFormat.appendProbability(value, to: &line)
        line.append(10)
        try sink.write(line[...])
    }
}
