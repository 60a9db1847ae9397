#if canImport(Glibc)
import Glibc
#endif

/// The temporary output file to remove when the run is interrupted (a C string owned here).
private var interruptedTemporary: UnsafeMutablePointer<CChar>?

/// SIGINT/SIGTERM/SIGHUP handler: removes the temporary output file, then dies of the same signal,
/// so a shell sees the usual status (130 for ^C) and no truncated track is left behind.
private func removeTemporaryAndDie(_ signalNumber: Int32) {
    if let path = interruptedTemporary { unlink(path) }
    signal(signalNumber, SIG_DFL)
    raise(signalNumber)
}

/// Stops promptly on ^C without leaving a temporary output file.
enum Interrupts {
    /// Arms the handlers for the temporary file at `path` (nil: nothing to clean up).
    static func protect(temporary path: String?) {
        if let path { interruptedTemporary = strdup(path) }
        for sig in [SIGINT, SIGTERM, SIGHUP] { signal(sig, removeTemporaryAndDie) }
    }
}
