// Shared by every fuzz target: writes the fuzz input to a memory-backed file, because the readers
// under test take a path. /dev/shm keeps it off the disk; one file per process, rewritten per run.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum FuzzInput {
    /// A per-process path in /dev/shm (falls back to /tmp where /dev/shm is missing).
    static let path: String = {
        let directory = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
        atexit { unlink(FuzzInput.path) }  // (a crash leaves it behind: the input is in artifacts/)
        return "\(directory)/codingscan-fuzz-\(getpid())"
    }()

    /// Writes `size` bytes at `data` to `path`, replacing what was there; false when it could not.
    static func write(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var done = 0
        while done < size, let data {
            let n = Glibc.write(fd, data + done, size - done)
            if n <= 0 { return false }
            done += n
        }
        return true
    }

    /// Keeps htslib off the network (CRAM reference look-ups) and out of the home directory.
    static let isolateHtslib: Void = {
        setenv("REF_PATH", "/nonexistent-codingscan-fuzz/%s", 1)
        setenv("REF_CACHE", "/nonexistent-codingscan-fuzz/%s", 1)
        setenv("HTS_PATH", "/nonexistent-codingscan-fuzz", 1)
    }()

    /// True for a non-empty message without control characters (C0, DEL, C1) or Unicode line and
    /// paragraph separators, so that it prints as one clean line.
    static func isOneLine(_ text: String) -> Bool {
        !text.isEmpty && !text.unicodeScalars.contains {
            $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x2028 || $0.value == 0x2029
        }
    }
}
