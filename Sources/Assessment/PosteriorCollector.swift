import Tracks

/// Keeps the gene decoder's posterior P(coding) of one genome in memory, for `eval --decoded`: each
/// record as bins of equal values (0-based half-open, tiling the bases the decoder covered).
final class PosteriorCollector: BaseValueWriter {
    private(set) var sequences: [ScoredSequence] = []
    private var name = ""
    private var bins: [ScoredBin] = []

    func begin(sequence name: String) throws(TrackError) {
        self.name = name
        bins = []
    }

    func add(_ values: ArraySlice<Float>, from start: Int) throws(TrackError) {
        var position = start
        for value in values {
            if let last = bins.last, last.end == position, last.score == value {
                bins[bins.count - 1].end = position + 1
            } else {
                bins.append(ScoredBin(start: position, end: position + 1, score: value))
            }
            position += 1
        }
    }

    func end(sequenceLength length: Int) throws(TrackError) {
        sequences.append(ScoredSequence(name: name, length: length, bins: bins))
        bins = []
    }

    func finish() throws(TrackError) {}
}
