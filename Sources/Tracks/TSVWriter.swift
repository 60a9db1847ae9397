/// TSV: provenance lines `##key=value` (codingscan version, model name and SHA-256, command line;
/// whatever the caller gives), a header line `#chrom  start  end  p_plus  p_minus  frame_plus
/// frame_minus`, then one row per window. Tools that skip `#` lines (bedtools, `eval --track`) skip
/// both kinds.
///
/// `start`/`end` are the window's own 0-based half-open coordinates (windows overlap when step <
/// window). p_plus is P(coding) of the forward strand, p_minus of the reverse complement, 4 decimals;
/// `NA` for a window that was not scored (fewer than half of its bases are A, C, G or T).
/// A read shorter than the window is one row covering the whole read. frame_plus/frame_minus: a read's
/// best reading frame on the strand (0, 1 or 2: codons start at that 0-based base of the read, or of its
/// reverse complement), `NA` for windows of longer sequences and strands not scored.
public final class TSVWriter: TrackWriter {
    private let sink: OutputSink
    private var name: [UInt8] = []
    private var line: [UInt8] = []
    private var wroteHeader = false
    private let provenance: [String]

    /// `provenance`: the text of each `##` line (no line breaks).
    public init(sink: OutputSink, provenance: [String] = []) {
        self.sink = sink
        self.provenance = provenance
    }

    private func header() throws(TrackError) {
        guard !wroteHeader else { return }
        wroteHeader = true
        for line in provenance { try sink.write("##\(line)\n") }
        try sink.write("#chrom\tstart\tend\tp_plus\tp_minus\tframe_plus\tframe_minus\n")
    }

    public func begin(sequence name: String) throws(TrackError) {
        try header()
        self.name = Array(name.utf8)
    }

    public func add(_ window: ScoredWindow) throws(TrackError) {
        line.removeAll(keepingCapacity: true)
        line.append(contentsOf: name)
        line.append(9)
        NumberFormat.append(window.start, to: &line)
        line.append(9)
        NumberFormat.append(window.end, to: &line)
        for p in [window.plus, window.minus] {
            line.append(9)
            if let p { NumberFormat.appendProbability(p, to: &line) } else { line.append(contentsOf: [78, 65]) }
        }
        for frame in [window.framePlus, window.frameMinus] {
            line.append(9)
            if let frame { NumberFormat.append(frame, to: &line) } else { line.append(contentsOf: [78, 65]) }
        }
        line.append(10)
        try sink.write(line[...])
    }

    public func end(sequenceLength length: Int) throws(TrackError) {}

    public func finish() throws(TrackError) { try header() }
}
