import GenomeCore

extension Model {
    /// Human-readable multi-line description for `codingscan model-info`: name, source, SHA-256 of the file, format
    /// version, encoding, window, step, min length, max window, the network minimum, one line per
    /// layer with its parameter count, the total, and the provenance pretty-printed. Ends with "\n".
    public func infoText() -> String {
        let m = metadata
        var lines: [String] = [
            "name:              \(m.name)",
            "source:            \(ModelError.sanitized(source))",
            "sha256:            \(sha256)",
            "format version:    \(m.formatVersion)",
            "encoding:          \(m.encoding)",
            "window:            \(m.window) bases",
            "step:              \(m.step) bases",
            "smooth:            \(m.smooth == 0 ? "none" : "\(m.smooth) bases")",
            "orf gate:          \(m.orfGate == 0 ? "none" : "midpoint \(m.orfGate) bases")",
            "min length:        \(m.minLength) bases",
            "max window:        \(m.maxWindow) bases",
            "network minimum:   \(minimumInputLength) bases (smallest input every conv/pool accepts)",
            "layers:",
        ]
        var total = 0
        let numberWidth = String(m.layers.count).count
        let summaries = m.layers.map(\.summary)
        let summaryWidth = summaries.map(\.count).max() ?? 0
        for (index, layer) in m.layers.enumerated() {
            let number = String(index + 1)
            var line = "  " + String(repeating: " ", count: numberWidth - number.count) + number + "  "
            line += summaries[index]
            let params = layer.parameterCount
            if params > 0, let names = m.tensorNames[index] {
                line += String(repeating: " ", count: summaryWidth - summaries[index].count)
                line += "  \(params) parameters (\(ModelError.sanitized(names.weight)), "
                    + "\(ModelError.sanitized(names.bias)))"
                total += params
            }
            lines.append(line)
        }
        lines.append("total parameters:  \(total)")
        if let gene = m.geneModel {
            let text = { (value: Double) in FixedPoint.text(value, digits: 2) ?? "?" }
            let starts = AdaptedGeneModel.startCodons.map { "\($0) \(text(gene.startScores[$0] ?? 0))" }
            lines.append("gene model:        \(gene.prior ? "prior" : "adapted") (codingscan adapt): hexamer weight \(text(gene.hexamerWeight)), "
                + "starts \(starts.joined(separator: ", ")), motif \(text(gene.motifScore)), start context weight "
                + "\(text(gene.upstreamWeight))")
            for line in gene.adaptedTo.serialized(pretty: true).split(separator: "\n", omittingEmptySubsequences: false) {
                lines.append("  " + line)
            }
        }
        if let reads = m.readHexamers {
            let text = { (value: Double) in FixedPoint.text(value, digits: 2) ?? "?" }
            lines.append("read hexamers:     \(reads.tables.count) tables at GC \(text(reads.gc.first!)) to \(text(reads.gc.last!)), "
                + "weight \(text(reads.weight)) at \(reads.length) bases, stop codon \(text(-reads.stopPenalty)) (codingscan train --read-hexamers)")
            for line in reads.source.serialized(pretty: true).split(separator: "\n", omittingEmptySubsequences: false) {
                lines.append("  " + line)
            }
        }
        lines.append("provenance:")
        let provenance = m.provenance.serialized(pretty: true)
        for line in provenance.split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append("  " + line)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
