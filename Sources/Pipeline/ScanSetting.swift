/// A scan setting that can be out of range, named without any command-line spelling (the CLI maps
/// each to its option, e.g. `window` → `--window`).
public enum ScanSetting: String, Sendable, CaseIterable {
    case window, step, smooth, orfGate = "ORF gate", threshold, threads, minLength = "minimum length"
}
