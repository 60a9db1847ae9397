import GeneCalling

/// Counts of one scan, for `-v` and for warnings.
public struct ScanSummary: Sendable, Equatable {
    /// Records read (scored or skipped).
    public var sequences = 0
    /// Bases read, all records.
    public var bases = 0
    /// Windows placed (scored + unscored).
    public var windows = 0
    /// Windows not scored because fewer than half of their bases are A, C, G or T.
    public var unscoredWindows = 0
    /// Records shorter than the minimum length, not scored.
    public var skipped = 0
    /// Inputs (display names) that held no sequence record at all, e.g. a BAM with only a header.
    public var emptyInputs: [String] = []
    /// The first skipped record, as "FILE: record 'NAME' (line N)".
    public var firstSkipped: String?
    /// Window and step actually used.
    public var window = 0
    public var step = 0
    public var minLength = 0
    /// `--gene-model auto`: the gene model each decoded record was given, in input order (empty otherwise;
    /// with `--adapt`, the output pass's).
    public var geneModels: [GeneModelKind] = []

    public init() {}
}
