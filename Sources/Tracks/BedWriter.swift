/// BED6 calls: `chrom  start  end  name  score  strand`, 0-based half-open.
///
/// For each strand, maximal runs of adjacent scored bins with p ≥ threshold are merged into one
/// interval named `coding`, score = round(1000 × mean p of its bins) (0–1000), strand `+` (forward
/// strand's p) or `-` (reverse complement's p). Intervals are written in input order of sequences,
/// then by start, end and strand. Calls on one strand never overlap each other.
public final class BedWriter: TrackWriter {
    private struct Run {
        var start: Int
        var end: Int
        var sum: Double
        var bins: Int
        var lastIndex: Int
        let strand: UInt8
    }

    private let settings: TrackSettings
    private let sink: OutputSink
    private var name: [UInt8] = []
    private var bins: BinSequencer
    private var open: [Run?] = [nil, nil]
    /// Closed runs not yet written because an open run on the other strand starts before them.
    private var closed: [Run] = []
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
        open = [nil, nil]
        closed.removeAll()
    }

    public func add(_ window: ScoredWindow) throws(TrackError) {
        try bins.add(window, take)
    }

    public func end(sequenceLength length: Int) throws(TrackError) {
        try bins.end(length: length, take)
        for s in 0..<2 { if let run = open[s] { closed.append(run); open[s] = nil } }
        try drain()
    }

    public func finish() throws(TrackError) { try header() }

    private func header() throws(TrackError) {
        try trackHeader.write(settings, to: sink) { model in [
            ("name", "codingscan-calls"), ("description", "coding calls, p >= \(settings.threshold)\(model)"),
            ("useScore", "1"), ("visibility", "dense"),
        ] }
    }

    private func take(_ window: ScoredWindow, _ bin: Range<Int>) throws(TrackError) {
        let (start, end) = (bin.lowerBound, bin.upperBound)
        let strands: [(Int, Float?)]
        switch settings.strand {
        case .both: strands = [(0, window.plus), (1, window.minus)]
        case .plus: strands = [(0, window.plus)]
        case .minus: strands = [(1, window.minus)]
        }
        for (s, p) in strands {
            let coding = p.map { $0 >= settings.threshold } ?? false
            if coding, var run = open[s], run.lastIndex + 1 == window.index {
                run.end = end
                run.sum += Double(p!)
                run.bins += 1
                run.lastIndex = window.index
                open[s] = run
                continue
            }
            if let run = open[s] { closed.append(run); open[s] = nil }
            if coding {
                open[s] = Run(start: start, end: end, sum: Double(p!), bins: 1, lastIndex: window.index,
                              strand: s == 0 ? UInt8(ascii: "+") : UInt8(ascii: "-"))
            }
        }
        try drain()
    }

    /// Writes the closed runs that no open run can precede any more.
    private func drain() throws(TrackError) {
        guard !closed.isEmpty else { return }
        let limit = open.compactMap { $0?.start }.min() ?? Int.max
        closed.sort { ($0.start, $0.end, $0.strand) < ($1.start, $1.end, $1.strand) }
        var written = 0
        for run in closed {
            if run.start > limit { break }
            try write(run)
            written += 1
        }
        closed.removeFirst(written)
    }

    private func write(_ run: Run) throws(TrackError) {
        line.removeAll(keepingCapacity: true)
        line.append(contentsOf: name)
        line.append(9)
        NumberFormat.append(run.start, to: &line)
        line.append(9)
        NumberFormat.append(run.end, to: &line)
        line.append(contentsOf: Array("\tcoding\t".utf8))
        NumberFormat.append(Int((1000 * run.sum / Double(run.bins)).rounded(.toNearestOrAwayFromZero)), to: &line)
        line.append(9)
        line.append(run.strand)
        line.append(10)
        try sink.write(line[...])
    }
}
