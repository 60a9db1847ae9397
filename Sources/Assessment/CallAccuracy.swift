import Annotation

/// How gene calls (any tool's: `codingscan -f gff`, Prodigal's GFF, a BED of CDS) match an annotation,
/// at base and at gene level.
///
/// Base level: a base is coding when any annotated CDS covers it on either strand and called when any
/// call covers it; the confusion counts every base of every record. Gene level, per annotated CDS line
/// (an exon of a multi-exon gene counts as its own line): its stop end is called exactly when a call on
/// the same strand ends at the same base (the end of a plus-strand CDS, the start of a minus-strand one),
/// its start exactly when a call has both of its ends. Stop codons are part of both spans (GFF3 and
/// Prodigal include them).
public struct CallAccuracy: Sendable, Equatable {
    public var truePositive = 0
    public var falsePositive = 0
    public var falseNegative = 0
    public var trueNegative = 0
    /// Annotated CDS lines on the genome's records, calls on them.
    public var annotated = 0
    public var calls = 0
    /// Annotated CDS whose stop end, and whose both ends, a call matches.
    public var stopsExact = 0
    public var startsExact = 0

    public init() {}

    /// Compares `calls` with `truth` over records of the given names and lengths (CDS on other seqids
    /// are not counted; parts past a record's end are cut).
    public init(truth: AnnotationSet, calls: AnnotationSet, records: [(name: String, length: Int)]) {
        for (name, length) in records {
            let coding = truth.coverageAnyStrand(seqid: name, length: length)
            let called = calls.coverageAnyStrand(seqid: name, length: length)
            for i in 0..<length {
                switch (coding[i] != 0, called[i] != 0) {
                case (true, true): truePositive += 1
                case (false, true): falsePositive += 1
                case (true, false): falseNegative += 1
                case (false, false): trueNegative += 1
                }
            }
            let annotatedHere = truth.intervals[name] ?? [], calledHere = calls.intervals[name] ?? []
            annotated += annotatedHere.count
            self.calls += calledHere.count
            var stops = Set<StopEnd>(), spans = Set<CDSInterval>()
            for call in calledHere {
                stops.insert(StopEnd(call))
                spans.insert(CDSInterval(seqid: name, start: call.start, end: call.end, strand: call.strand))
            }
            for cds in annotatedHere {
                if stops.contains(StopEnd(cds)) { stopsExact += 1 }
                if spans.contains(cds) { startsExact += 1 }
            }
        }
    }

    /// The stop end of a CDS: strand and the base after (plus) or at (minus) the stop codon's far end.
    private struct StopEnd: Hashable {
        let strand: Strand
        let position: Int
        init(_ cds: CDSInterval) {
            strand = cds.strand
            position = cds.strand == .minus ? cds.start : cds.end
        }
    }

    /// Adds another genome's counts (the pooled row).
    public static func + (a: CallAccuracy, b: CallAccuracy) -> CallAccuracy {
        var sum = a
        sum.truePositive += b.truePositive
        sum.falsePositive += b.falsePositive
        sum.falseNegative += b.falseNegative
        sum.trueNegative += b.trueNegative
        sum.annotated += b.annotated
        sum.calls += b.calls
        sum.stopsExact += b.stopsExact
        sum.startsExact += b.startsExact
        return sum
    }

    /// Matthews correlation of the called bases (0 when a margin is empty).
    public var mcc: Double {
        let tp = Double(truePositive), fp = Double(falsePositive), fn = Double(falseNegative), tn = Double(trueNegative)
        let denominator = ((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn)).squareRoot()
        return denominator > 0 ? (tp * tn - fp * fn) / denominator : 0
    }

    /// F1 of the called bases (0 without any coding or called base).
    public var f1: Double {
        let denominator = Double(2 * truePositive + falsePositive + falseNegative)
        return denominator > 0 ? Double(2 * truePositive) / denominator : 0
    }

    /// Fractions of annotated CDS with an exact stop, an exact start (nil without annotated CDS).
    public var stopFraction: Double? { annotated > 0 ? Double(stopsExact) / Double(annotated) : nil }
    public var startFraction: Double? { annotated > 0 ? Double(startsExact) / Double(annotated) : nil }
}
