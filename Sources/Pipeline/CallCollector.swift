import Annotation
import Tracks

/// Keeps the gene decoder's calls as CDS intervals (seqid = record name; reference coordinates): for
/// `eval --decoded` (scored like `eval --calls`) and as the labels of `--adapt`'s fine-tuning.
public final class CallCollector: CallWriter {
    public private(set) var calls: [CDSInterval] = []
    private var name = ""

    public init() {}

    public func begin(sequence name: String) throws(TrackError) { self.name = name }

    public func add(_ call: GeneCall) throws(TrackError) {
        calls.append(CDSInterval(seqid: name, start: call.start, end: call.end, strand: call.minusStrand ? .minus : .plus))
    }

    public func end(sequenceLength length: Int) throws(TrackError) {}

    public func finish() throws(TrackError) {}
}
