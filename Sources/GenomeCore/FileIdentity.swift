#if canImport(Glibc)
import Glibc
#endif

/// A file's device and inode: two paths name the same file (through links, `./`, hard links) exactly
/// when their identities are equal.
public struct FileIdentity: Hashable, Sendable {
    public let device: UInt64
    public let inode: UInt64
    /// The file type bits of `st_mode` (`S_IFREG`, `S_IFCHR`, `S_IFIFO`, ...).
    public let type: UInt32

    /// The identity of the file `path` names (links followed); nil when it does not exist or cannot be
    /// looked at. `"-"` is standard input.
    public init?(path: String) {
        var s = stat()
        let status = path == "-" ? fstat(STDIN_FILENO, &s) : stat(path, &s)
        guard status == 0 else { return nil }
        device = UInt64(s.st_dev)
        inode = UInt64(s.st_ino)
        type = UInt32(s.st_mode) & UInt32(S_IFMT)
    }

    /// The identity of the file open on descriptor `fd`; nil when it is not open.
    public init?(descriptor fd: Int32) {
        var s = stat()
        guard fstat(fd, &s) == 0 else { return nil }
        device = UInt64(s.st_dev)
        inode = UInt64(s.st_ino)
        type = UInt32(s.st_mode) & UInt32(S_IFMT)
    }

    /// True for a regular file.
    public var isRegular: Bool { type == UInt32(S_IFREG) }
    /// True for a character device (`/dev/null`, a terminal): reading and writing one is no clash.
    public var isCharacterDevice: Bool { type == UInt32(S_IFCHR) }
}
