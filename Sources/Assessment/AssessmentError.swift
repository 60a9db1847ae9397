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
    /// The annotation does not fit the genome (a CDS past a record's end, two records with one name).
    case mismatch(GenomeMismatch)
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
        case let .mismatch(error): return error.description
        case let .evaluation(error): return error.description
        case let .output(error): return error.description
        case let .track(path, line, message):
            return line > 0 ? "\(path): line \(line): \(message)" : "\(path): \(message)"
        }
    }
}
