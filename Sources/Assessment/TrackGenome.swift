import SequenceIO
import GenomeCore

/// Builds a `ScoredGenome` from an existing bedGraph track instead of a model, so any track (another
/// tool's scores, gene calls as 0/1) is evaluated exactly as codingscan's own.
///
/// The genome file gives the record names and lengths; the bedGraph (`chrom start end value`, 0-based
/// half-open; `track`, `browser` and `#` lines skipped) gives the bins. Intervals of one chrom must
/// be sorted and must not overlap; bases outside every interval count with score 0 like unscored bins.
public enum TrackGenome {
    /// Reads `genomePath` for lengths and `trackPath` for scores.
    public static func load(track trackPath: String, genome genomePath: String) throws(AssessmentError) -> ScoredGenome {
        var sequences = try lengths(of: genomePath)
        var index: [String: Int] = [:]
        for (i, s) in sequences.enumerated() { index[s.name] = i }
        let text: String
        do { text = String(decoding: try WholeFile.read(trackPath), as: UTF8.self) } catch {
            throw .track(path: trackPath, line: 0, message: error.reason)
        }
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("track") || line.hasPrefix("browser") {
                continue
            }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count >= 4, let start = Int(f[1]), let end = Int(f[2]), let value = Float(f[3]),
                  value.isFinite else {
                throw .track(path: trackPath, line: lineNumber, message: "expected 'chrom start end value'")
            }
            guard let i = index[String(f[0])] else {
                throw .track(path: trackPath, line: lineNumber,
                             message: "chrom '\(f[0])' is not a record of \(genomePath)")
            }
            guard start >= 0, start < end, end <= sequences[i].length else {
                throw .track(path: trackPath, line: lineNumber,
                             message: "interval \(start)-\(end) is not within 0-\(sequences[i].length)")
            }
            if let last = sequences[i].bins.last, start < last.end {
                throw .track(path: trackPath, line: lineNumber, message: "intervals of '\(f[0])' overlap or are unsorted")
            }
            sequences[i].bins.append(ScoredBin(start: start, end: end, score: value))
        }
        return ScoredGenome(path: genomePath, sequences: sequences, window: 0, step: 0, minLength: 0)
    }

    /// Record names and lengths of a sequence file, with no bins.
    private static func lengths(of path: String) throws(AssessmentError) -> [ScoredSequence] {
        var sequences: [ScoredSequence] = []
        do {
            let reader = try SequenceReader(path: path)
            defer { reader.close() }
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while let record = try reader.nextRecord() {
                let length = try reader.forEachBlock(of: &buffer) { _ in true }
                sequences.append(ScoredSequence(name: record.name, length: length, bins: []))
            }
        } catch {
            throw .scan(.input(error))
        }
        return sequences
    }
}
