/// Streams gene calls: `begin` a sequence, `add` its calls by increasing start, `end` it; `finish` once.
public protocol CallWriter: AnyObject {
    func begin(sequence name: String) throws(TrackError)
    func add(_ call: GeneCall) throws(TrackError)
    /// `length`: the sequence's length in bases (or the end of the region scanned).
    func end(sequenceLength length: Int) throws(TrackError)
    func finish() throws(TrackError)
}

/// Hands every call to several writers in turn (e.g. the GFF3 track and the protein FASTA).
public final class CallFanOut: CallWriter {
    private let writers: [CallWriter]

    public init(_ writers: [CallWriter]) {
        self.writers = writers
    }

    public func begin(sequence name: String) throws(TrackError) {
        for writer in writers { try writer.begin(sequence: name) }
    }

    public func add(_ call: GeneCall) throws(TrackError) {
        for writer in writers { try writer.add(call) }
    }

    public func end(sequenceLength length: Int) throws(TrackError) {
        for writer in writers { try writer.end(sequenceLength: length) }
    }

    public func finish() throws(TrackError) {
        for writer in writers { try writer.finish() }
    }
}

/// Drops every call (a decoding pass that only gathers statistics).
public final class DiscardingCallWriter: CallWriter {
    public init() {}
    public func begin(sequence name: String) throws(TrackError) {}
    public func add(_ call: GeneCall) throws(TrackError) {}
    public func end(sequenceLength length: Int) throws(TrackError) {}
    public func finish() throws(TrackError) {}
}
