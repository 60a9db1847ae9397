/// BED6 gene calls: `chrom  start  end  name  score  strand`, 0-based half-open, one line per call.
///
/// The name is the call's ID (`CallNames.id`, as in the GFF3 and protein outputs), the score
/// round(1000 × mean P(coding) of its strand) (0–1000, for `useScore`), the span includes the stop
/// codon. Calls come by sequence in input order, then by start; calls may overlap (by at most the
/// gene model's overlap).
public final class BedCallWriter: CallWriter {
    private let settings: TrackSettings
    private let sink: OutputSink
    private var name = ""
    private var number = 0
    private var trackHeader = TrackHeader()

    public init(settings: TrackSettings, sink: OutputSink) {
        self.settings = settings
        self.sink = sink
    }

    private func header() throws(TrackError) {
        try trackHeader.write(settings, to: sink) { model in [
            ("name", "codingscan-genes"), ("description", "decoded gene calls\(model)"),
            ("useScore", "1"), ("visibility", "pack"),
        ] }
    }

    public func begin(sequence name: String) throws(TrackError) {
        try header()
        self.name = name
        number = 0
    }

    public func add(_ call: GeneCall) throws(TrackError) {
        number += 1
        var line: [UInt8] = Array(name.utf8)
        line.append(9)
        NumberFormat.append(call.start, to: &line)
        line.append(9)
        NumberFormat.append(call.end, to: &line)
        line.append(9)
        line.append(contentsOf: Array(CallNames.id(sequence: name, number: number).utf8))
        line.append(9)
        let score = (1000 * min(max(Double(call.meanProbability), 0), 1)).rounded(.toNearestOrAwayFromZero)
        NumberFormat.append(Int(score), to: &line)
        line.append(9)
        line.append(call.minusStrand ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        line.append(10)
        try sink.write(line[...])
    }

    public func end(sequenceLength length: Int) throws(TrackError) {}

    public func finish() throws(TrackError) { try header() }
}
