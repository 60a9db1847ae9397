#if canImport(Glibc)
import Glibc
#endif

/// The temporary output files to remove when the run is interrupted (C strings owned here; a scan has
/// at most two: the track and the proteins).
private var interruptedTemporaries: (UnsafeMutablePointer<CChar>?, UnsafeMutablePointer<CChar>?) = (nil, nil)

/// SIGINT/SIGTERM/SIGHUP handler: removes the temporary output files, then dies of the same signal,
/// so a shell sees the usual status (130 for ^C) and no truncated track is left behind.
private func removeTemporaryAndDie(_ signalNumber: Int32) {
    if let path = interruptedTemporaries.0 { unlink(path) }
    if let path = interruptedTemporaries.1 { unlink(path) }
    signal(signalNumber, SIG_DFL)
    raise(signalNumber)
}

/// Stops promptly on ^C without leaving a temporary output file.
enum Interrupts {
    /// Arms the handlers for the temporary file at `path` (nil: nothing to clean up); a second call
    /// adds a second file.
    static func protect(temporary path: String?) {
        if let path {
            if interruptedTemporaries.0 == nil { interruptedTemporaries.0 = strdup(path) } else { interruptedTemporaries.1 = strdup(path) }
        }
        for sig in [SIGINT, SIGTERM, SIGHUP] { signal(sig, removeTemporaryAndDie) }
    }
}
