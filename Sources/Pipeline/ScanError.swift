import SequenceIO
import Tracks
import ModelFormat

/// Why a scan stopped. `description` is one line without a program prefix.
public enum ScanError: Error, CustomStringConvertible {
    /// An option is out of the range the model accepts (a usage error).
    case usage(String)
    /// A setting outside what the model or the scanner accepts: `detail` follows the setting's name,
    /// e.g. `.outOfRange(.step, "0 must be between 1 and the window (360)")`.
    case outOfRange(ScanSetting, String)
    /// A step asked for that is longer than the window asked for (bases).
    case stepAboveWindow(step: Int, window: Int)
    case input(SequenceIOError)
    /// A region problem (`RegionError.isUsage` tells usage from input problems).
    case region(RegionError)
    case output(TrackError)
    case model(ModelError)
    /// A file held no sequence record at all.
    case noSequences(path: String)
    /// Every record was shorter than the model's minimum length.
    case nothingScored(minLength: Int, firstSkipped: String)

    public var description: String {
        switch self {
        case let .usage(message): return message
        case let .outOfRange(setting, detail): return "\(setting.rawValue) \(detail)"
        case let .stepAboveWindow(step, window): return "step (\(step)) must not exceed the window (\(window))"
        case let .input(error): return error.description
        case let .region(error): return error.description
        case let .output(error): return error.description
        case let .model(error): return error.description
        case let .noSequences(path): return "\(path): no sequence records in input"
        case let .nothingScored(minLength, first):
            return "\(first): no sequence is long enough to score (shortest scored length is \(minLength) bp)"
        }
    }
}
