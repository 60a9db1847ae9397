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
    /// `count` CDS of `annotation` have no strand (BED with fewer than 6 columns): training labels
    /// each strand apart.
    case unstrandedAnnotation(path: String, count: Int)
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
    /// A setting the trainer cannot use: `detail` says why, after the setting's name (e.g.
    /// `.outOfRange(.epochs, "must be at least 1, got 0")`).
    case outOfRange(TrainingSetting, String)
    /// A per-block list (`setting`: kernels, pools or pool kinds) with `count` values for `blocks` conv blocks
    /// (the channel list's length).
    case listLength(TrainingSetting, count: Int, blocks: Int)
    /// The window is shorter than the network's minimum input length (`minimum` bases).
    case windowBelowMinimum(window: Int, minimum: Int)
    /// No training genome was given.
    case noTrainingGenome
    /// The loss or an output became NaN or infinite at `epoch` (learning rate too high?).
    case diverged(epoch: Int)
    /// The model file could not be written; `reason` is the system's.
    case cannotWrite(path: String, reason: String)

    /// One line naming each setting by its `rawValue` (the CLI uses `text(naming:)` with its options).
    public var description: String { text { $0.rawValue } }

    /// One line, each setting it mentions spelled by `name` (a program can pass its option names).
    public func text(naming name: (TrainingSetting) -> String) -> String {
        switch self {
        case let .sequence(error):
            return error.description
        case let .annotation(error):
            return error.description
        case let .unstrandedAnnotation(path, count):
            return "\(path): \(count) CDS have no strand (BED with fewer than 6 columns); training labels each "
                + "strand apart, so give BED6 or GFF3"
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
                hint = "give \(name(.validationGenomes)) (the held-out last 10% of each record is too small?)"
            case "validation":
                hint = "check that the validation annotations match the validation genomes and \(name(.codingFraction))"
            default:
                hint = "check that the annotations match the genomes and \(name(.codingFraction))"
            }
            return "no \(coding ? "coding" : "non-coding") \(role) windows in any genome; \(hint)"
        case let .outOfRange(setting, detail):
            return "\(name(setting))\(detail.hasPrefix(":") ? "" : " ")\(detail)"
        case let .listLength(setting, count, blocks):
            return "\(name(setting)) has \(count) values but \(name(.channels)) has \(blocks)"
        case let .windowBelowMinimum(window, minimum):
            return "\(name(.window)) \(window) is shorter than the network's minimum input length \(minimum) "
                + "(reduce \(name(.kernels)) or \(name(.pools)))"
        case .noTrainingGenome:
            return "give at least one \(name(.genome)) with its \(name(.annotation))"
        case let .diverged(epoch):
            return "training diverged at epoch \(epoch) (non-finite loss); try a lower \(name(.learningRate))"
        case let .cannotWrite(path, reason):
            return "\(path): cannot write the model: \(reason)"
        }
    }
}
