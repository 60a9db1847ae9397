import Annotation
import GenomeCore

/// Every sequence of one genome file, scored and binned.
public struct ScoredGenome: Sendable {
    /// The path as given ("-" is standard input).
    public var path: String
    /// Records in input order, each with its bins (0-based half-open).
    public var sequences: [ScoredSequence]
    /// Window and step used, in bases.
    public var window: Int
    public var step: Int
    /// Minimum length scored, in bases: shorter records have no bins.
    public var minLength: Int
    /// The gene decoder's calls, when the bins are its posterior (`eval --decoded`); nil otherwise.
    public var calls: AnnotationSet?

    public init(path: String, sequences: [ScoredSequence], window: Int, step: Int, minLength: Int) {
        self.path = path
        self.sequences = sequences
        self.window = window
        self.step = step
        self.minLength = minLength
    }

    /// Total length of all records, in bases.
    public var bases: Int { sequences.reduce(0) { $0 + $1.length } }

    /// Records shorter than `minLength`, not scored.
    public var skipped: [ScoredSequence] { sequences.filter { $0.bins.isEmpty } }

    /// Number of bins whose window was not scored (too few A/C/G/T).
    public var unscoredBins: Int {
        sequences.reduce(0) { $0 + $1.bins.lazy.filter { $0.score == nil }.count }
    }

    /// The file's base name, as shown in reports ("stdin" for "-").
    public var displayName: String { GenomeLabels.baseName(path) }

    /// Record lengths by name, in bases. Throws when two records share a name.
    public func lengths() throws(AssessmentError) -> [String: Int] {
        var lengths: [String: Int] = [:]
        for sequence in sequences {
            if lengths.updateValue(sequence.length, forKey: sequence.name) != nil {
                throw .mismatch(.duplicateRecord(genome: PathName.display(path), name: sequence.name, line: 0))
            }
        }
        return lengths
    }
}
