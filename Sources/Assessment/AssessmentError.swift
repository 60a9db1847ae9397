import Annotation
import Evaluation
import Pipeline
import Tracks

/// Why an evaluation stopped. `description` is one line without a program prefix.
public enum AssessmentError: Error, CustomStringConvertible {
    /// An option is out of the range the model accepts (a usage error).
    case usage(String)
    /// Reading or scoring a genome failed.
    case scan(ScanError)
    /// Reading an annotation file failed.
    case annotation(AnnotationError)
    /// CDS of `annotation` end past the end of their sequence in `genome`. `first` is the first such
    /// CDS (0-based half-open, seqid then start order), `length` that sequence's length in bases,
    /// `count` the number of such CDS in the file.
    case cdsPastEnd(annotation: String, genome: String, first: CDSInterval, length: Int, count: Int)
    /// Two records of `genome` share `name`, so CDS on that seqid cannot be placed.
    case duplicateRecord(genome: String, name: String)
    /// The weighted items could not be evaluated (a NaN score).
    case evaluation(EvaluationError)
    /// Writing an output file (the plot) failed.
    case output(TrackError)
    /// A bedGraph given to `--track` is malformed (`line` 0: it could not be read).
    case track(path: String, line: Int, message: String)

    public var description: String {
        switch self {
        case let .usage(message): return message
        case let .scan(error): return error.description
        case let .annotation(error): return error.description
        case let .cdsPastEnd(annotation, genome, first, length, count):
            let others = count > 1 ? " (and \(count - 1) more CDS past a sequence end)" : ""
            return "\(annotation): CDS \(first) (0-based, half-open) ends past the end of seqid '\(first.seqid)' "
                + "in \(genome) (\(length) bp)\(others)"
        case let .duplicateRecord(genome, name):
            return "\(genome): two records are named '\(name)'; CDS on that seqid cannot be placed"
        case let .evaluation(error): return error.description
        case let .output(error): return error.description
        case let .track(path, line, message):
            return line > 0 ? "\(path): line \(line): \(message)" : "\(path): \(message)"
        }
    }
}
