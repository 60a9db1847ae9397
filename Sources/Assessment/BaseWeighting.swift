import Annotation
import Evaluation

/// Turns scored bins and an annotation into base-level weighted items for `BinaryEvaluation`.
///
/// Truth is per base: a base is coding when any CDS on either strand covers it
/// (`AnnotationSet.coverageAnyStrand`). Each bin becomes one item: its score, positive weight = coding
/// bases in the bin, negative weight = non-coding bases. Bases in no scored bin — bins of unscored
/// windows (too few A/C/G/T), records shorter than the model's minimum length — are kept with score
/// `unscoredScore` (0), so every base of the genome is counted exactly once and a model is not
/// rewarded for leaving regions unscored.
public enum BaseWeighting {
    /// The score given to bases without a scored bin.
    public static let unscoredScore: Float = 0

    /// One item per bin (and per run of bases outside any bin) of every record of `genome`. CDS on
    /// seqids that are not in the genome and parts of CDS past a record's end are ignored (see
    /// `AnnotationMatch` for checking those first).
    public static func items(genome: ScoredGenome, annotation: AnnotationSet) -> [WeightedScore] {
        var items: [WeightedScore] = []
        items.reserveCapacity(genome.sequences.reduce(0) { $0 + $1.bins.count + 1 })
        for sequence in genome.sequences {
            let coverage = annotation.coverageAnyStrand(seqid: sequence.name, length: sequence.length)
            append(sequence, coverage: coverage, to: &items)
        }
        return items
    }

    /// Appends the items of one record. `coverage[i]` is 1 when base `i` (0-based) is coding, else 0;
    /// it has `sequence.length` entries. Bins are expected in order of start and not to overlap.
    public static func append(_ sequence: ScoredSequence, coverage: [UInt8], to items: inout [WeightedScore]) {
        precondition(coverage.count == sequence.length, "coverage must have one entry per base")
        coverage.withUnsafeBufferPointer { bits in
            /// Appends an item for bases `[start, end)` with `score`, when non-empty.
            func add(_ start: Int, _ end: Int, _ score: Float) {
                let lower = max(0, start), upper = min(end, bits.count)
                guard lower < upper else { return }
                var coding = 0
                for i in lower..<upper { coding &+= Int(bits[i]) }
                items.append(WeightedScore(score: score, positiveWeight: Double(coding),
                                           negativeWeight: Double(upper - lower - coding)))
            }
            var cursor = 0
            for bin in sequence.bins {
                add(cursor, bin.start, unscoredScore)
                add(max(cursor, bin.start), bin.end, bin.score ?? unscoredScore)
                cursor = max(cursor, bin.end)
            }
            add(cursor, sequence.length, unscoredScore)
        }
    }
}
