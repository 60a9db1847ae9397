import Foundation

/// The expectation beside a bad input file: `fixtures/bad/<file>.expected`. One or more cases, each a
/// shell-transcript block:
///
///     # comment lines and blank lines are kept as they are
///     $ codingscan -m fixtures/models/tiny.safetensors fixtures/bad/protein.fa
///     codingscan: fixtures/bad/protein.fa: record 'p1' (line 2): invalid character 'L' (0x4C) in sequence; protein FASTA?
///     exit 1
///
/// The `$ codingscan` line holds the arguments, separated by single spaces (no quoting), run from the
/// package root; a final `< FILE` feeds FILE on stdin; `$TMP` stands for a fresh empty directory. The
/// lines up to `exit N` are the expected stderr, line by line; stdout must be empty.
struct ExpectationFile {
    static let suffix = ".expected"

    struct Case {
        /// Comment and blank lines before the case.
        var preamble: [String]
        /// The command line after `$ codingscan `.
        var command: String
        var stderr: [String]
        var status: Int32

        var arguments: [String] { Self.split(command).arguments }
        var stdin: String? { Self.split(command).stdin }

        private static func split(_ command: String) -> (arguments: [String], stdin: String?) {
            var words = command.split(separator: " ").map(String.init)
            if words.count >= 2, words[words.count - 2] == "<" {
                let file = words.removeLast()
                words.removeLast()
                return (words, file)
            }
            return (words, nil)
        }
    }

    struct FormatError: Error, CustomStringConvertible {
        let description: String
    }

    var cases: [Case] = []
    /// Comment and blank lines after the last case.
    var trailer: [String] = []

    init(contentsOf url: URL) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        var pending: [String] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            index += 1
            guard line.hasPrefix("$ ") else {
                guard line.isEmpty || line.hasPrefix("#") else {
                    throw FormatError(description: "\(url.path): line \(index): expected '$ codingscan …', "
                        + "a comment or a blank line, found '\(line)'")
                }
                pending.append(line)
                continue
            }
            guard line.hasPrefix("$ codingscan ") else {
                throw FormatError(description: "\(url.path): line \(index): a case starts with '$ codingscan '")
            }
            var stderr: [String] = []
            var status: Int32?
            while index < lines.count {
                let next = lines[index]
                index += 1
                if next.hasPrefix("exit "), let value = Int32(next.dropFirst(5)) {
                    status = value
                    break
                }
                stderr.append(next)
            }
            guard let status else {
                throw FormatError(description: "\(url.path): case '\(line)' has no 'exit N' line")
            }
            cases.append(Case(preamble: pending, command: String(line.dropFirst("$ codingscan ".count)),
                              stderr: stderr, status: status))
            pending = []
        }
        trailer = pending
    }

    /// The file's text, cases in order.
    var text: String {
        var lines: [String] = []
        for c in cases {
            lines += c.preamble
            lines.append("$ codingscan " + c.command)
            lines += c.stderr
            lines.append("exit \(c.status)")
        }
        lines += trailer
        return lines.map { $0 + "\n" }.joined()
    }

    func write(to url: URL) throws {
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
}
