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
    /// Two records of one genome share a name, so CDS coordinates would be ambiguous.
    case duplicateRecord(path: String, name: String, line: Int)
    /// `count` CDS of `annotation` end past their sequence; the first ends at `end` (0-based
    /// exclusive) on `seqid`, which is `length` bases long in `genome`.
    case cdsPastEnd(annotation: String, seqid: String, end: Int, length: Int, genome: String, count: Int)
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
        case let .duplicateRecord(path, name, line):
            let place = line > 0 ? "line \(line): " : ""
            return "\(path): \(place)record '\(name)' appears twice; record names must be unique"
        case let .cdsPastEnd(annotation, seqid, end, length, genome, count):
            let more = count > 1 ? " (\(count) CDS in all)" : ""
            return "\(annotation): CDS on '\(seqid)' ends at \(end), past the end of the sequence "
                + "(\(length) bp in \(genome))\(more); does the annotation belong to this genome?"
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
