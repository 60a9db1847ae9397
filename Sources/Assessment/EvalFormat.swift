/// The report formats of `codingscan eval`.
public enum EvalFormat: String, Sendable, CaseIterable {
    /// A header line, then one tab-separated row per genome; NA for undefined metrics.
    case tsv
    /// A JSON array of objects with the same keys as the TSV header; null for undefined metrics.
    case json
}
