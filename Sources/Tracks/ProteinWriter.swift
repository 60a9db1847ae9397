/// Protein FASTA of gene calls, as Prodigal's `-a`: one record per call,
///
///     >seq_1 # 338 # 1123 # -1 # partial=00;start_type=ATG
///     MKT…
///
/// named by the call's ID (`CallNames.id`, as in the GFF3 and BED outputs), with its 1-based inclusive
/// start and end, strand (1 or -1) and GFF attributes after ` # `. The sequence is the call's
/// translation without the stop codon, 60 letters per line; a complete start codon reads as M (as it
/// is translated). A call without a protein (none was asked for) writes nothing.
public final class ProteinWriter: CallWriter {
    private let sink: OutputSink
    private var name = ""
    private var number = 0
    /// Letters per sequence line.
    public static let lineLength = 60

    public init(sink: OutputSink) {
        self.sink = sink
    }

    public func begin(sequence name: String) throws(TrackError) {
        self.name = name
        number = 0
    }

    public func add(_ call: GeneCall) throws(TrackError) {
        number += 1
        var text: [UInt8] = [UInt8(ascii: ">")]
        text.append(contentsOf: Array(CallNames.id(sequence: name, number: number).utf8))
        text.append(contentsOf: Array(" # ".utf8))
        NumberFormat.append(call.start + 1, to: &text)
        text.append(contentsOf: Array(" # ".utf8))
        NumberFormat.append(call.end, to: &text)
        text.append(contentsOf: Array(" # \(call.minusStrand ? "-1" : "1") # partial=\(call.partialCode);start_type=\(call.startType)\n".utf8))
        var i = 0
        while i < call.protein.count {
            let j = min(i + ProteinWriter.lineLength, call.protein.count)
            text.append(contentsOf: call.protein[i..<j])
            text.append(10)
            i = j
        }
        try sink.write(text[...])
    }

    public func end(sequenceLength length: Int) throws(TrackError) {}

    public func finish() throws(TrackError) {}
}
