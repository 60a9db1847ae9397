#if canImport(Glibc)
import Glibc
#endif

/// An output file that never destroys what its path names.
///
/// - A regular file, or a path that does not exist yet: written to a temporary file beside it
///   (`.NAME.tmp-XXXXXX`, the name shortened so that it stays within NAME_MAX) and renamed over the
///   target only by `commit()`, so a failed or interrupted run leaves the old file whole. A symbolic
///   link to a regular file keeps the link: the file it points to is replaced.
/// - A character device (`/dev/null`, a terminal), a FIFO or a socket: opened and written directly, as
///   `samtools -o` and coreutils do; write errors there are errors (`/dev/full`: ENOSPC).
/// - Whatever standard output or error already has open (`/dev/stdout`, or the file `>` redirected it
///   to): written through that descriptor, so what the shell wrote before stays.
/// - A directory, a block device or a dangling symbolic link: refused.
///
/// Not thread-safe. Unbuffered: callers buffer (see `Tracks.OutputSink`).
public final class OutputFile {
    /// The path as given, for messages.
    public let path: String
    /// The temporary file written until `commit()` renames it; nil when written in place.
    public let temporary: String?
    private let fd: Int32
    private let target: String
    /// False for standard output, which is never closed.
    private let ownsDescriptor: Bool
    private var closed = false

    /// Longest file name component (bytes) on Linux file systems.
    static let nameMax = 255
    /// `.` + `.tmp-XXXXXX` around the target's base name.
    static let temporaryOverhead = 12

    /// Standard output, written directly and never closed; named "stdout" in messages.
    public init() {
        path = "stdout"
        target = "stdout"
        temporary = nil
        fd = STDOUT_FILENO
        ownsDescriptor = false
    }

    /// How a path is written (see the type's description).
    enum Destination {
        /// Through a copy of this standard stream's descriptor.
        case stream(Int32)
        /// Opened and written in place (device, FIFO, socket, or a link to one without a path name).
        case inPlace(String)
        /// Through a temporary file beside this path (symbolic links resolved), renamed over it.
        case replaced(String)
    }

    /// Where and how `path` would be written, or why it cannot be.
    static func destination(of path: String) throws(OutputFileError) -> Destination {
        // The file standard output or error already has open (`-o /dev/stdout`, `> file` named again):
        // written through that descriptor, at its position, never replaced.
        if let identity = FileIdentity(path: path) {
            for stream in [STDOUT_FILENO, STDERR_FILENO] where FileIdentity(descriptor: stream) == identity {
                return .stream(stream)
            }
        }
        var target = path
        var link = stat()
        if lstat(path, &link) == 0 && UInt32(link.st_mode) & UInt32(S_IFMT) == UInt32(S_IFLNK) {
            var followed = stat()
            if let resolved = realpath(path, nil) {
                target = String(cString: resolved)
                free(resolved)
            } else if stat(path, &followed) != 0 {
                throw .unsuitable(path: path, reason: "a symbolic link to a file that does not exist")
            }
            // else: a link to something without a path name (/dev/stdout on a pipe): written through it.
        }
        var s = stat()
        guard stat(target, &s) == 0 else { return .replaced(target) }
        switch UInt32(s.st_mode) & UInt32(S_IFMT) {
        case UInt32(S_IFREG):
            return .replaced(target)
        case UInt32(S_IFDIR):
            throw .cannotCreate(path: path, errno: EISDIR)
        case UInt32(S_IFCHR), UInt32(S_IFIFO), UInt32(S_IFSOCK):
            return .inPlace(target)
        default:
            throw .unsuitable(path: path, reason: "a block device (write a regular file, a character device or a FIFO)")
        }
    }

    /// Checks, without creating anything, that `path` could be opened for writing: before a long run, so
    /// that a typo fails at once rather than after minutes of training or scanning.
    public static func check(_ path: String) throws(OutputFileError) {
        switch try destination(of: path) {
        case .stream:
            return
        case let .inPlace(target):
            if access(target, W_OK) != 0 { throw .cannotCreate(path: path, errno: errno) }
        case let .replaced(target):
            let slash = target.lastIndex(of: "/")
            let directory = slash.map { $0 == target.startIndex ? "/" : String(target[..<$0]) } ?? "."
            if access(directory, W_OK | X_OK) != 0 { throw .cannotCreate(path: path, errno: errno) }
        }
    }

    /// Opens `path` for writing as described above.
    public init(path: String) throws(OutputFileError) {
        self.path = path
        ownsDescriptor = true
        let target: String
        switch try Self.destination(of: path) {
        case let .stream(stream):
            let copy = dup(stream)
            if copy < 0 { throw .cannotCreate(path: path, errno: errno) }
            fd = copy
            self.target = path
            temporary = nil
            return
        case let .inPlace(device):
            let opened = open(device, O_WRONLY | O_CLOEXEC)
            if opened < 0 { throw .cannotCreate(path: path, errno: errno) }
            fd = opened
            self.target = device
            temporary = nil
            return
        case let .replaced(file):
            target = file
        }
        self.target = target
        var template = Self.temporaryTemplate(for: target)
        let made = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if made < 0 { throw .cannotCreate(path: path, errno: errno) }
        fd = made
        temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        // mkstemp creates 0600; give the file the usual 0666 & ~umask.
        let mask = umask(0)
        umask(mask)
        fchmod(fd, 0o666 & ~mask)
    }

    deinit {
        if !closed { abandon() }
    }

    /// `DIR/.BASE.tmp-XXXXXX` as a NUL-terminated C string, BASE cut (at a UTF-8
    /// character boundary) to keep the name within NAME_MAX.
    static func temporaryTemplate(for target: String) -> [CChar] {
        let bytes = Array(target.utf8)
        let slash = bytes.lastIndex(of: UInt8(ascii: "/"))
        let directory = slash.map { Array(bytes[...$0]) } ?? []
        let base = slash.map { Array(bytes[($0 + 1)...]) } ?? bytes
        var keep = min(base.count, nameMax - temporaryOverhead)
        // Never cut inside a UTF-8 sequence: back off while the first byte left out continues one.
        while keep < base.count && keep > 0 && base[keep] & 0xC0 == 0x80 { keep -= 1 }
        let kept = base.prefix(keep)
        let name = directory + [UInt8(ascii: ".")] + kept + Array(".tmp-XXXXXX".utf8) + [0]
        return name.map { CChar(bitPattern: $0) }
    }

    /// Writes all of `bytes`, retrying short writes and EINTR.
    public func write(_ bytes: UnsafeRawBufferPointer) throws(OutputFileError) {
        guard var pointer = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let n = Glibc.write(fd, pointer, left)
            if n < 0 {
                let code = errno
                if code == EINTR { continue }
                if code == EPIPE { throw .brokenPipe }
                throw .writeFailed(path: path, errno: code)
            }
            pointer += n
            left -= n
        }
    }

    /// Writes all of `bytes`.
    public func write(_ bytes: [UInt8]) throws(OutputFileError) {
        var failure: OutputFileError?
        bytes.withUnsafeBytes { raw in
            do throws(OutputFileError) { try write(raw) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Finishes the file: a temporary file is flushed to disk, closed and renamed over the target; a
    /// device or FIFO is closed, and a failing close is an error. On failure the temporary file is gone.
    public func commit() throws(OutputFileError) {
        precondition(!closed, "OutputFile committed twice")
        closed = true
        guard let temporary else {
            if ownsDescriptor && close(fd) != 0 && errno != EINTR { throw .writeFailed(path: path, errno: errno) }
            return
        }
        if fsync(fd) != 0 && errno != EINVAL {
            let code = errno
            close(fd); unlink(temporary)
            throw .writeFailed(path: path, errno: code)
        }
        if close(fd) != 0 {
            let code = errno
            unlink(temporary)
            throw .writeFailed(path: path, errno: code)
        }
        if rename(temporary, target) != 0 {
            let code = errno
            unlink(temporary)
            throw .cannotCreate(path: path, errno: code)
        }
    }

    /// Drops the output: a temporary file is removed and the target left untouched. Idempotent.
    public func abandon() {
        guard !closed else { return }
        closed = true
        if ownsDescriptor { close(fd) }
        if let temporary { unlink(temporary) }
    }

    /// Writes `bytes` to `path` and commits, or abandons on any failure.
    public static func write(_ bytes: [UInt8], to path: String) throws(OutputFileError) {
        let file = try OutputFile(path: path)
        do throws(OutputFileError) {
            try file.write(bytes)
            try file.commit()
        } catch {
            file.abandon()
            throw error
        }
    }
}
