#if canImport(Glibc)
import Glibc
#endif

/// Keeps `-o` from overwriting an input.
enum OutputGuard {
    /// The input that is the same file as `output` (same device and inode), if any.
    static func inputMatching(output: String, inputs: [String]) -> String? {
        var out = stat()
        guard stat(output, &out) == 0 else { return nil }
        for input in inputs where input != "-" {
            var s = stat()
            if stat(input, &s) == 0 && s.st_dev == out.st_dev && s.st_ino == out.st_ino { return input }
        }
        return nil
    }
}
