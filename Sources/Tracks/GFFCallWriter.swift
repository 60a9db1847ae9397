/// GFF3 gene calls: `##gff-version 3`, provenance comments (`# key=value`), then one `CDS` line per call:
///
///     seqid  codingscan  CDS  start  end  score  strand  0  ID=<seq>_<k>;partial=00;start_type=ATG;mean_p=0.9731
///
/// Coordinates are 1-based and inclusive (GFF3), from the call's 0-based half-open span; the span
/// includes the stop codon. `score` is the decoder's score (one decimal), the phase is 0 for genes
/// (every gene starts on a whole codon, partial ones too) and the bases before the first whole codon
/// for a coding exon of the eukaryote gene model, `partial` has Prodigal's meaning (left end, right end;
/// 1 = runs off the sequence), `start_type` is the start codon, `Edge` or `Splice` (an exon after a
/// splice acceptor) and `end_type=Splice` marks an exon that ends at a splice donor. Calls come by sequence in
/// input order, then by start: `sort -k1,1 -k4,4n` order within each sequence. Valid for
/// `gt gff3validator`; `bedtools` reads it as GFF.
public final class GFFCallWriter: CallWriter {
    private let sink: OutputSink
    private let provenance: [String]
    private var name = ""
    private var escapedName = ""
    private var number = 0
    private var wroteHeader = false

    /// `provenance`: the text of each comment line (no line breaks).
    public init(sink: OutputSink, provenance: [String] = []) {
        self.sink = sink
        self.provenance = provenance
    }

    private func header() throws(TrackError) {
        guard !wroteHeader else { return }
        wroteHeader = true
        try sink.write("##gff-version 3\n")
        for line in provenance { try sink.write("# \(line)\n") }
    }

    public func begin(sequence name: String) throws(TrackError) {
        try header()
        self.name = name
        escapedName = CallNames.gffEscaped(name)
        number = 0
    }

    public func add(_ call: GeneCall) throws(TrackError) {
        number += 1
        var line: [UInt8] = Array(escapedName.utf8)
        line.append(contentsOf: Array("\tcodingscan\tCDS\t".utf8))
        NumberFormat.append(call.start + 1, to: &line)
        line.append(9)
        NumberFormat.append(call.end, to: &line)
        line.append(9)
        line.append(contentsOf: Array(GFFCallWriter.decimal(call.score).utf8))
        line.append(9)
        line.append(call.minusStrand ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        line.append(contentsOf: Array("\t\(call.phase)\tID=".utf8))
        line.append(contentsOf: Array(CallNames.gffEscaped(CallNames.id(sequence: name, number: number)).utf8))
        line.append(contentsOf: Array(";partial=\(call.partialCode);start_type=\(call.startType)".utf8))
        if call.endsAtDonor { line.append(contentsOf: Array(";end_type=Splice".utf8)) }
        line.append(contentsOf: Array(";mean_p=".utf8))
        NumberFormat.appendProbability(call.meanProbability, to: &line)
        line.append(10)
        try sink.write(line[...])
    }

    public func end(sequenceLength length: Int) throws(TrackError) {}

    public func finish() throws(TrackError) { try header() }

    /// One decimal, rounded half away from zero, locale-free ("-0.0" never appears).
    static func decimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded(.toNearestOrAwayFromZero))
        let sign = tenths < 0 ? "-" : ""
        return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }
}
