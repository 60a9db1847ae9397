import ModelFormat
import GenomeCore

/// Renders `EvalMetrics` rows as TSV or JSON text.
///
/// Fractions, areas, correlations and thresholds have exactly 4 decimals (rounded half away from
/// zero), counts and bases are integers. Keys and columns, in order: see `columns`.
public enum EvalReport {
    /// Column names (TSV header) and JSON keys, in order.
    public static let columns = [
        "genome", "model", "window", "step", "bases", "coding_fraction", "roc_auc", "pr_auc_noncoding",
        "best_mcc", "best_mcc_threshold", "threshold", "precision", "recall", "f1", "mcc",
    ]

    /// The columns added when gene calls were evaluated (`eval --calls`, `CallAccuracy`): the calls'
    /// base-level MCC and F1, the fractions of annotated CDS with an exact stop and an exact start, and
    /// the numbers of annotated CDS and of calls.
    public static let callColumns = ["calls_mcc", "calls_f1", "stops_exact", "starts_exact", "annotated_cds", "calls"]

    /// The calibration columns, last in every report (after the call columns, so that the columns
    /// before them keep their places): `EvalMetrics.logLoss` and `brier`.
    public static let calibrationColumns = ["log_loss", "brier"]

    /// The columns of a report of `rows`: `columns`, then `callColumns` when any row has calls, then
    /// `calibrationColumns`.
    static func columns(for rows: [EvalMetrics]) -> [String] {
        (rows.contains { $0.calls != nil } ? columns + callColumns : columns) + calibrationColumns
    }

    /// The whole report, ending with a newline.
    public static func render(_ rows: [EvalMetrics], format: EvalFormat) -> String {
        switch format {
        case .tsv: return tsv(rows)
        case .json: return json(rows)
        }
    }

    /// A header line, then one line per row, tab-separated; NA for undefined values. Tabs and
    /// newlines in names become spaces.
    public static func tsv(_ rows: [EvalMetrics]) -> String {
        let withCalls = rows.contains { $0.calls != nil }
        var out = columns(for: rows).joined(separator: "\t") + "\n"
        for row in rows {
            out += cells(row, withCalls: withCalls).map { cell -> String in
                switch cell {
                case let .text(text):
                    return String(text.map { $0 == "\t" || $0.isNewline ? " " : $0 })
                case let .number(text): return text ?? "NA"
                }
            }.joined(separator: "\t") + "\n"
        }
        return out
    }

    /// A JSON array, one object per line; null for undefined values.
    public static func json(_ rows: [EvalMetrics]) -> String {
        guard !rows.isEmpty else { return "[]\n" }
        var lines: [String] = []
        let withCalls = rows.contains { $0.calls != nil }
        for row in rows {
            let pairs = zip(columns(for: rows), cells(row, withCalls: withCalls)).map { key, cell -> String in
                switch cell {
                case let .text(text): return "\"\(key)\": \(JSONValue.quote(text))"
                case let .number(text): return "\"\(key)\": \(text ?? "null")"
                }
            }
            lines.append("  {" + pairs.joined(separator: ", ") + "}")
        }
        return "[\n" + lines.joined(separator: ",\n") + "\n]\n"
    }

    /// A cell: text, or a number already formatted (nil when undefined).
    private enum Cell {
        case text(String)
        case number(String?)
    }

    /// The cells of `row` in `columns(for:)` order (NA/null call cells for a row without calls).
    private static func cells(_ row: EvalMetrics, withCalls: Bool) -> [Cell] {
        var cells: [Cell] = [
            .text(row.genome), .text(row.model), .number(String(row.window)), .number(String(row.step)),
            .number(String(row.bases)), .number(decimal(row.codingFraction)), .number(decimal(row.rocAUC)),
            .number(decimal(row.prAUCNonCoding)), .number(decimal(row.bestMCC)),
            .number(decimal(row.bestMCCThreshold.map(Double.init))), .number(decimal(Double(row.threshold))),
            .number(decimal(row.precision)), .number(decimal(row.recall)), .number(decimal(row.f1)),
            .number(decimal(row.mcc)),
        ]
        if withCalls {
            let calls = row.calls
            cells += [.number(decimal(calls?.mcc)), .number(decimal(calls?.f1)), .number(decimal(calls?.stopFraction)),
                      .number(decimal(calls?.startFraction)), .number(calls.map { String($0.annotated) }),
                      .number(calls.map { String($0.calls) })]
        }
        return cells + [.number(decimal(row.logLoss)), .number(decimal(row.brier))]
    }

    /// `value` with exactly 4 decimals ("0.9123", "-0.0500", "1.0000"); nil for nil, NaN or infinity.
    public static func decimal(_ value: Double?) -> String? {
        value.flatMap { FixedPoint.text($0, digits: 4) }
    }
}
