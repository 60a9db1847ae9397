/// Renders ROC and precision-recall curves side by side as a standalone SVG 1.1 document.
///
/// Left panel: ROC (false positive rate vs true positive rate) with the chance diagonal; right panel:
/// precision-recall (recall vs precision). Both axes run 0 to 1 with ticks every 0.2. One coloured
/// polyline per series in both panels; the legends give ROC-AUC and average precision (AP).
/// Sizes are SVG user units (pixels).
public enum CurvePlotSVG {
    /// Side of one square plot area.
    static let plotSize = 320.0
    /// Space left of each plot area (tick labels, axis title).
    static let marginLeft = 64.0
    /// Space right of each plot area.
    static let marginRight = 24.0
    /// Space above the plot areas (title, panel titles).
    static let marginTop = 64.0
    /// Space below the plot areas (tick labels, axis title).
    static let marginBottom = 56.0
    /// Line colours, reused in order when there are more series.
    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
                          "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]

    /// The SVG document, ending with a newline. `prLabel` names the precision-recall target class in
    /// the panel title (e.g. "coding" or "non-coding").
    public static func render(_ series: [PlotSeries], title: String? = nil, prLabel: String? = nil) -> String {
        let panelWidth = marginLeft + plotSize + marginRight
        let width = 2 * panelWidth
        let height = marginTop + plotSize + marginBottom
        var svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(number(width))\" "
            + "height=\"\(number(height))\" viewBox=\"0 0 \(number(width)) \(number(height))\" "
            + "font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n"
        svg += "<rect x=\"0\" y=\"0\" width=\"\(number(width))\" height=\"\(number(height))\" fill=\"#ffffff\"/>\n"
        if let title {
            svg += "<text x=\"\(number(width / 2))\" y=\"20\" text-anchor=\"middle\" font-size=\"15\">\(escape(title))</text>\n"
        }
        let prTitle = prLabel.map { "Precision-recall (\($0))" } ?? "Precision-recall"
        svg += panel(originX: marginLeft, title: "ROC", xLabel: "False positive rate", yLabel: "True positive rate",
                     diagonal: true, curves: series.map(\.roc),
                     legend: series.map { "\($0.name) (AUC \(area($0.rocAUC)))" })
        svg += panel(originX: panelWidth + marginLeft, title: prTitle, xLabel: "Recall", yLabel: "Precision",
                     diagonal: false, curves: series.map(\.precisionRecall),
                     legend: series.map { "\($0.name) (AP \(area($0.averagePrecision)))" })
        svg += "</svg>\n"
        return svg
    }

    /// One panel: frame, grid ticks, labels, optional diagonal, curves and legend.
    private static func panel(originX: Double, title: String, xLabel: String, yLabel: String, diagonal: Bool,
                              curves: [[CurvePoint]], legend: [String]) -> String {
        let top = marginTop
        let bottom = marginTop + plotSize
        var out = "<g class=\"panel\">\n"
        out += "<text x=\"\(number(originX + plotSize / 2))\" y=\"\(number(top - 12))\" text-anchor=\"middle\" "
            + "font-size=\"14\">\(escape(title))</text>\n"
        for step in 0...5 {
            let fraction = Double(step) / 5
            let x = originX + fraction * plotSize
            let y = bottom - fraction * plotSize
            let shown = step == 0 ? "0" : step == 5 ? "1" : "0.\(step * 2)"
            out += "<line x1=\"\(number(x))\" y1=\"\(number(top))\" x2=\"\(number(x))\" y2=\"\(number(bottom))\" "
                + "stroke=\"#e5e5e5\" stroke-width=\"1\"/>\n"
            out += "<line x1=\"\(number(originX))\" y1=\"\(number(y))\" x2=\"\(number(originX + plotSize))\" "
                + "y2=\"\(number(y))\" stroke=\"#e5e5e5\" stroke-width=\"1\"/>\n"
            out += "<line x1=\"\(number(x))\" y1=\"\(number(bottom))\" x2=\"\(number(x))\" y2=\"\(number(bottom + 5))\" "
                + "stroke=\"#000000\" stroke-width=\"1\"/>\n"
            out += "<line x1=\"\(number(originX - 5))\" y1=\"\(number(y))\" x2=\"\(number(originX))\" y2=\"\(number(y))\" "
                + "stroke=\"#000000\" stroke-width=\"1\"/>\n"
            out += "<text x=\"\(number(x))\" y=\"\(number(bottom + 18))\" text-anchor=\"middle\">\(shown)</text>\n"
            out += "<text x=\"\(number(originX - 8))\" y=\"\(number(y + 4))\" text-anchor=\"end\">\(shown)</text>\n"
        }
        out += "<rect x=\"\(number(originX))\" y=\"\(number(top))\" width=\"\(number(plotSize))\" "
            + "height=\"\(number(plotSize))\" fill=\"none\" stroke=\"#000000\" stroke-width=\"1\"/>\n"
        out += "<text x=\"\(number(originX + plotSize / 2))\" y=\"\(number(bottom + 40))\" "
            + "text-anchor=\"middle\">\(escape(xLabel))</text>\n"
        let yLabelX = originX - 44
        let middle = top + plotSize / 2
        out += "<text x=\"\(number(yLabelX))\" y=\"\(number(middle))\" text-anchor=\"middle\" "
            + "transform=\"rotate(-90 \(number(yLabelX)) \(number(middle)))\">\(escape(yLabel))</text>\n"
        if diagonal {
            out += "<line class=\"diagonal\" x1=\"\(number(originX))\" y1=\"\(number(bottom))\" "
                + "x2=\"\(number(originX + plotSize))\" y2=\"\(number(top))\" stroke=\"#999999\" "
                + "stroke-width=\"1\" stroke-dasharray=\"4 4\"/>\n"
        }
        for (index, curve) in curves.enumerated() where !curve.isEmpty {
            let points = curve.map { point -> String in
                let x = originX + clamp(point.x) * plotSize
                let y = bottom - clamp(point.y) * plotSize
                return number(x) + "," + number(y)
            }
            out += "<polyline class=\"curve\" fill=\"none\" stroke=\"\(color(index))\" stroke-width=\"1.5\" "
                + "points=\"\(points.joined(separator: " "))\"/>\n"
        }
        out += legendBlock(originX: originX, entries: legend)
        out += "</g>\n"
        return out
    }

    /// Legend entries stacked upwards from the lower right corner of the plot area, on a white box.
    private static func legendBlock(originX: Double, entries: [String]) -> String {
        guard !entries.isEmpty else { return "" }
        let lineHeight = 16.0
        let longest = entries.map(\.count).max() ?? 0
        let boxWidth = min(plotSize - 8, 34 + Double(longest) * 6.6)
        let boxHeight = Double(entries.count) * lineHeight + 8
        let boxX = originX + plotSize - 4 - boxWidth
        let boxY = marginTop + plotSize - 4 - boxHeight
        var out = "<g class=\"legend\">\n"
        out += "<rect x=\"\(number(boxX))\" y=\"\(number(boxY))\" width=\"\(number(boxWidth))\" "
            + "height=\"\(number(boxHeight))\" fill=\"#ffffff\" fill-opacity=\"0.85\" stroke=\"#cccccc\"/>\n"
        for (index, entry) in entries.enumerated() {
            let y = boxY + 4 + lineHeight * (Double(index) + 0.5)
            out += "<line x1=\"\(number(boxX + 6))\" y1=\"\(number(y))\" x2=\"\(number(boxX + 26))\" y2=\"\(number(y))\" "
                + "stroke=\"\(color(index))\" stroke-width=\"2\"/>\n"
            out += "<text x=\"\(number(boxX + 30))\" y=\"\(number(y + 4))\">\(escape(entry))</text>\n"
        }
        out += "</g>\n"
        return out
    }

    /// The colour of series `index`.
    private static func color(_ index: Int) -> String {
        palette[index % palette.count]
    }

    /// An area as three decimals ("0.912"), or "n/a".
    static func area(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "n/a" }
        let thousandths = Int((min(1, max(0, value)) * 1000).rounded())
        let fraction = String(thousandths % 1000)
        return "\(thousandths / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    /// `value` clamped to [0, 1]; NaN becomes 0.
    private static func clamp(_ value: Double) -> Double {
        value.isNaN ? 0 : min(1, max(0, value))
    }

    /// A coordinate with at most two decimals and no exponent ("12", "12.5", "12.25").
    static func number(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let whole = magnitude / 100
        let fraction = magnitude % 100
        if fraction == 0 { return sign + String(whole) }
        if fraction % 10 == 0 { return sign + "\(whole).\(fraction / 10)" }
        return sign + "\(whole)." + (fraction < 10 ? "0" : "") + String(fraction)
    }

    /// `text` with the XML special characters escaped and control characters (invalid in XML 1.0)
    /// replaced by spaces.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                let value = scalar.value
                let invalid = (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D)
                    || value == 0xFFFE || value == 0xFFFF
                out.unicodeScalars.append(invalid ? " " : scalar)
            }
        }
        return out
    }
}
