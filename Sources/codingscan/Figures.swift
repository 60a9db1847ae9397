#if canImport(Glibc)
import Glibc
#endif
import GenomeCore

/// Formatting of seconds and peak memory for the `-v` summary (time itself: `MonotonicTime`).
enum Figures {
    /// Seconds with 2 decimals.
    static func format(_ seconds: Double) -> String {
        FixedPoint.text(seconds, digits: 2) ?? "\(seconds)"
    }

    /// Peak resident set size of this process in MB (getrusage ru_maxrss, KiB on Linux), 1 decimal.
    static func peakMemoryMB() -> String {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return FixedPoint.text(Double(usage.ru_maxrss) / 1024, digits: 1) ?? "?"
    }
}
