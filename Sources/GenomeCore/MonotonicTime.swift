#if canImport(Glibc)
import Glibc
#endif

/// Seconds on the monotonic clock (since an arbitrary fixed point): the one clock of the fast
/// path's statistics, training progress, the `-v` summary and the benchmark.
public enum MonotonicTime {
    public static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }
}
