#if canImport(Glibc)
import Glibc
#endif

/// The temporary files to remove when the run is interrupted (C strings owned here): a scan's track
/// and proteins outputs and the spooled copies of its inputs (`--adapt`).
private let temporarySlots = 8
private let interruptedTemporaries = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: temporarySlots)
private var temporariesArmed: Void = interruptedTemporaries.initialize(repeating: nil, count: temporarySlots)

/// SIGINT/SIGTERM/SIGHUP handler: removes the temporary files, then dies of the same signal, so a shell
/// sees the usual status (130 for ^C) and no truncated track is left behind.
private func removeTemporaryAndDie(_ signalNumber: Int32) {
    for i in 0..<temporarySlots { if let path = interruptedTemporaries[i] { unlink(path) } }
    signal(signalNumber, SIG_DFL)
    raise(signalNumber)
}

/// Stops promptly on ^C without leaving a temporary file.
enum Interrupts {
    /// Arms the handlers for the temporary file at `path` (nil: nothing more to clean up); each call
    /// adds a file, up to eight.
    static func protect(temporary path: String?) {
        _ = temporariesArmed
        if let path, let slot = (0..<temporarySlots).first(where: { interruptedTemporaries[$0] == nil }) {
            interruptedTemporaries[slot] = strdup(path)
        }
        for sig in [SIGINT, SIGTERM, SIGHUP] { signal(sig, removeTemporaryAndDie) }
    }

    /// Forgets `path` (it was removed or renamed in place).
    static func release(temporary path: String) {
        for i in 0..<temporarySlots {
            if let p = interruptedTemporaries[i], String(cString: p) == path {
                free(p)
                interruptedTemporaries[i] = nil
            }
        }
    }
}
