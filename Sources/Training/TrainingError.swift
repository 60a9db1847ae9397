import Annotation
import SequenceIO

/// Why training could not run or its model could not be written.
///
/// `description` is one line naming the file (and line or record where known) first.
public enum TrainingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A genome FASTA could not be read.
    case sequence(SequenceIOError)
    /// An annotation file could not be read.
    case annotation(AnnotationError)
    /// A genome file with no bases at all.
    case emptyGenome(path: String)
    /// The annotation does not fit the genome (a CDS past a record's end, two records with one name).
    case mismatch(GenomeMismatch)
    /// A genome (for `role` "training" or "validation") has no window of `window` bases with at
    /// least half A/C/G/T inside its allowed regions.
    case noWindows(genome: String, role: String, window: Int)
    /// No genome of `role` ("training", "validation", or "held-out validation" for the held-out end of
    /// the training records) has a single window of class `coding` (true) or non-coding (false).
    case missingClass(role: String, coding: Bool)
    /// An option value the trainer cannot use; the text names the option.
    case invalidOption(String)
    /// The loss or an output became NaN or infinite at `epoch` (learning rate too high?).
    case diverged(epoch: Int)
    /// The model file could not be written; `reason` is the system's.
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case let .sequence(error):
            return error.description
        case let .annotation(error):
            return error.description
        case let .emptyGenome(path):
            return "\(path): the genome has no bases"
        case let .mismatch(error):
            return error.description
        case let .noWindows(genome, role, window):
            return "\(genome): no \(role) window of \(window) bp with at least half A/C/G/T "
                + "(records shorter than the window, or mostly N?)"
        case let .missingClass(role, coding):
            let hint: String
            switch role {
            case "held-out validation":
                hint = "give --validate-genome/--validate-annotation (the held-out last 10% of each record is too small?)"
            case "validation":
                hint = "check that the validation annotations match the validation genomes and --coding-fraction"
            default:
                hint = "check that the annotations match the genomes and --coding-fraction"
            }
            return "no \(coding ? "coding" : "non-coding") \(role) windows in any genome; \(hint)"
        case let .invalidOption(text):
            return text
        case let .diverged(epoch):
            return "training diverged at epoch \(epoch) (non-finite loss); try a lower --learning-rate"
        case let .cannotWrite(path, reason):
            return "\(path): cannot write the model: \(reason)"
        }
    }
}
