import Assessment
import GenomeCore
import ModelFormat
import Pipeline
import SequenceIO
import Tracks
import Training

/// The one mapping from the libraries' typed errors to exit statuses: usage errors (64), a closed
/// output pipe (141, silent), everything else one line and exit status 1.
extension Failure {
    /// `error` as the failure it ends the process with; nil for errors that are not the libraries'
    /// (argument-parser validation errors keep their own path through `CodingScan.main`).
    init?(_ error: any Error) {
        switch error {
        case let failure as Failure:
            self = failure
        case let error as ScanError:
            switch error {
            case .output(.brokenPipe): self = .brokenPipe
            case let .usage(text): self = .usage(text)
            case .outOfRange, .stepAboveWindow: self = .usage(error.commandLineText)
            case let .region(region): self = Failure(region)
            default: self = .message(error.description)
            }
        case let error as TrackError:
            self = error == .brokenPipe ? .brokenPipe : .message(error.description)
        case let error as AssessmentError:
            switch error {
            case let .usage(text), let .scan(.usage(text)): self = .usage(text)
            case let .scan(scan) where scan.isOutOfRange: self = .usage(scan.commandLineText)
            case .output(.brokenPipe): self = .brokenPipe
            default: self = .message(error.description)
            }
        case let error as TrainingError:
            self = error.isUsage ? .usage(error.commandLineText) : .message(error.commandLineText)
        case let error as RegionError:
            self = Failure(error)
        case let error as ModelError:
            self = .message(error.description)
        case let error as SequenceIOError:
            self = .message(error.description)
        default:
            return nil
        }
    }

    /// A region error with the CLI's spelling: usage errors exit 64.
    init(_ error: RegionError) {
        self = error.isUsage ? .usage(error.commandLineText) : .message(error.commandLineText)
    }

    /// Runs a command's body: a library error ends the process with its line and status; any other
    /// error (argument validation) is rethrown to the argument parser's handling.
    static func exitOnError(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch {
            guard let failure = Failure(error) else { throw error }
            failure.exit()
        }
    }
}

extension ScanError {
    /// A setting out of range (a usage error).
    var isOutOfRange: Bool {
        switch self {
        case .outOfRange, .stepAboveWindow: return true
        default: return false
        }
    }

    /// The description with each setting spelled as its option.
    var commandLineText: String {
        switch self {
        case let .outOfRange(setting, detail): return "\(setting.flag) \(detail)"
        case let .stepAboveWindow(step, window): return "--step (\(step)) must not exceed --window (\(window))"
        case let .region(region): return region.commandLineText
        default: return description
        }
    }
}

extension ScanSetting {
    /// The command-line option that sets it: the CLI owns the field-to-flag table.
    var flag: String {
        switch self {
        case .window: return "--window"
        case .step: return "--step"
        case .smooth: return "--smooth"
        case .orfGate: return "--orf-gate"
        case .threshold: return "--threshold"
        case .threads: return "--threads"
        case .minLength: return "--min-length"
        }
    }
}

extension RegionError {
    /// The description with the options that ask for regions spelled out (`--region`, `--regions-file`).
    var commandLineText: String {
        switch self {
        case .malformed, .inverted:
            return "--" + description
        case .standardInput:
            return "--region and --regions-file need an indexed file (FASTA with .fai, BAM, CRAM), not stdin"
        case let .missingIndex(path, index, hint):
            return "\(PrintableText.oneLine(path)): no index \(PrintableText.oneLine(index)) for --region; \(hint)"
        default:
            return description
        }
    }
}
