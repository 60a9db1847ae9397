#if canImport(Glibc)
import Glibc
#endif
import Inference
import Pipeline
import Tracks
import GenomeCore

/// Prints scan progress on stderr: bases done, records, rate, and % and ETA when the input size is
/// known.
///
/// - On a terminal (automatic unless `-q`): one line rewritten in place with `\r` at most 4 times a
///   second, shown only once the scan has run half a second, and erased at the end, so quick runs
///   and the `-v` summary stay clean.
/// - `--progress`: on a terminal the same line, kept at the end with its final figures; otherwise
///   (a log file, a pipeline's stderr) plain lines, one every 5 seconds and a final one, since `\r`
///   would only pile up in a file.
final class ProgressReporter {
    enum Mode { case live, liveKept, lines }

    private let mode: Mode
    /// Expected input bases, when known (FASTA index) or estimated (plain FASTA file sizes).
    private let expected: Int?
    private let exact: Bool
    private let started = MonotonicTime.now()
    private var lastShown = -1.0
    private var showing = false
    private var lineWidth = 0

    /// nil when nothing should be shown. `expected`: total bases; `exact`: from an index, not a
    /// file size estimate.
    init?(forced: Bool, quiet: Bool, expected: Int?, exact: Bool) {
        let terminal = isatty(STDERR_FILENO) == 1
        if forced {
            mode = terminal ? .liveKept : .lines
        } else if terminal && !quiet {
            mode = .live
        } else {
            return nil
        }
        self.expected = expected
        self.exact = exact
    }

    /// Input bases to expect: exact from FASTA indexes, else estimated as the byte size of plain
    /// (uncompressed) FASTA files; nil for stdin, compressed or other inputs.
    static func expectedBases(inputs: [String], indexed: SequenceSizes?) -> (bases: Int?, exact: Bool) {
        if let indexed { return (indexed.lengths.reduce(0, +), true) }
        var total = 0
        for input in inputs {
            var s = stat()
            guard input != "-", stat(input, &s) == 0, (s.st_mode & S_IFMT) == S_IFREG,
                  let file = fopen(input, "rb") else { return (nil, false) }
            let first = fgetc(file)
            fclose(file)
            guard first == Int32(UInt8(ascii: ">")) else { return (nil, false) }
            total += Int(s.st_size)
        }
        return (total, false)
    }

    /// Takes a report from the scanner (called on the scanning thread).
    func update(_ progress: ScanProgress) {
        let now = MonotonicTime.now()
        let elapsed = now - started
        if progress.finished {
            finish(progress, elapsed: elapsed)
            return
        }
        switch mode {
        case .live, .liveKept:
            guard elapsed >= (mode == .live ? 0.5 : 0), now - lastShown >= 0.25 else { return }
            lastShown = now
            rewrite(text(progress, elapsed: elapsed))
        case .lines:
            guard (lastShown < 0 ? elapsed : now - lastShown) >= 5 else { return }
            lastShown = now
            Stderr.line(text(progress, elapsed: elapsed))
        }
    }

    /// Erases a live line (before an error message or at the end).
    func clear() {
        guard showing else { return }
        showing = false
        write("\r" + String(repeating: " ", count: lineWidth) + "\r")
    }

    private func finish(_ progress: ScanProgress, elapsed: Double) {
        switch mode {
        case .live: clear()
        case .liveKept:
            rewrite(text(progress, elapsed: elapsed))
            showing = false
            write("\n")
        case .lines: Stderr.line(text(progress, elapsed: elapsed))
        }
    }

    private func rewrite(_ line: String) {
        let pad = max(0, lineWidth - line.count)
        write("\r" + line + String(repeating: " ", count: pad))
        lineWidth = line.count
        showing = true
    }

    /// e.g. `codingscan: 1.20 Mb, 3 sequences, 4.10 Mb/s, 37%, about 12 s left`; the final report
    /// `codingscan: 3.25 Mb, 9 sequences in 0.79 s (4.11 Mb/s), done`.
    private func text(_ p: ScanProgress, elapsed: Double) -> String {
        let mb = Double(p.bases) / 1e6
        let rate = elapsed > 0 ? mb / elapsed : 0
        let records = "\(p.sequences) sequence\(p.sequences == 1 ? "" : "s")"
        if p.finished {
            return "codingscan: \(Figures.format(mb)) Mb, \(records) in \(Figures.format(elapsed)) s "
                + "(\(Figures.format(rate)) Mb/s), done"
        }
        var line = "codingscan: \(Figures.format(mb)) Mb, \(records), \(Figures.format(rate)) Mb/s"
        if let expected, expected > 0 {
            let fraction = min(Double(p.bases) / Double(expected), exact ? 1 : 0.99)
            line += ", \(Int(fraction * 100))%"
            if fraction > 0.01 && rate > 0 {
                let left = Double(max(0, expected - p.bases)) / 1e6 / rate
                line += ", about \(Self.duration(left)) left"
            }
        }
        return line
    }

    /// `42 s`, `3 min 5 s`, `2 h 10 min`.
    private static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        if s < 60 { return "\(s) s" }
        if s < 3600 { return "\(s / 60) min \(s % 60) s" }
        return "\(s / 3600) h \(s % 3600 / 60) min"
    }

    private func write(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(STDERR_FILENO, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { return }
                offset += n
            }
        }
    }
}
