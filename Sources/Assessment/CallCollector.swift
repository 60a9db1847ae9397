import Annotation
import Tracks

/// Keeps the gene decoder's calls of one genome as CDS intervals, for `eval --decoded` (scored like
/// `eval --calls`).
final class CallCollector: CallWriter {
    private(set) var calls: [CDSInterval] = []
    private var name = ""

    func begin(sequence name: String) throws(TrackError) { self.name = name }

    func add(_ call: GeneCall) throws(TrackError) {
        calls.append(CDSInterval(seqid: name, start: call.start, end: call.end, strand: call.minusStrand ? .minus : .plus))
    }

    func end(sequenceLength length: Int) throws(TrackError) {}

    func finish() throws(TrackError) {}
}
