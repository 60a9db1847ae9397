#if canImport(Glibc)
import Glibc
import GenomeCore
#endif

/// Formatting of seconds and peak memory for the `-v` summary (time itself: `MonotonicTime`).
enum Figures {
    /// Seconds with 2 decimals.
    static func format(_ seconds: Double) -> String {
        let centi = Int((seconds * 100).rounded())
        let frac = centi % 100
        return "\(centi / 100).\(frac < 10 ? "0" : "")\(frac)"
    }

    /// Peak resident set size of this process in MB (getrusage ru_maxrss, KiB on Linux), 1 decimal.
    static func peakMemoryMB() -> String {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let tenths = Int((Double(usage.ru_maxrss) / 1024 * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
