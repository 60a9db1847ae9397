import GenomeCore
import Pipeline
import SequenceIO
import Tracks

/// Builds a `ScoredGenome` from an existing bedGraph track instead of a model, so any track (another
/// tool's scores, gene calls as 0/1) is evaluated exactly as codingscan's own.
///
/// The genome file gives the record names and lengths; the bedGraph, streamed by `Tracks.BedGraphReader`
/// (`chrom start end value`, 0-based half-open; `track`, `browser` and `#` lines skipped), gives the bins. Intervals of one chrom must
/// be sorted and must not overlap; bases outside every interval count with score 0 like unscored bins.
public enum TrackGenome {
    /// Reads `genomePath` for lengths and `trackPath` for scores.
    public static func load(track trackPath: String, genome genomePath: String) throws(AssessmentError) -> ScoredGenome {
        var sequences = try lengths(of: genomePath)
        var index: [String: Int] = [:]
        for (i, s) in sequences.enumerated() { index[s.name] = i }
        do {
            let reader = try BedGraphReader(path: trackPath)
            while let interval = try reader.next() {
                let (start, end) = (interval.start, interval.end)
                guard let i = index[interval.chrom] else {
                    throw AssessmentError.track(path: trackPath, line: interval.line,
                                                message: "chrom '\(interval.chrom)' is not a record of \(genomePath)")
                }
                guard end <= sequences[i].length else {
                    throw AssessmentError.track(path: trackPath, line: interval.line,
                                                message: "interval \(start)-\(end) is not within 0-\(sequences[i].length)")
                }
                if let last = sequences[i].bins.last, start < last.end {
                    throw AssessmentError.track(path: trackPath, line: interval.line,
                                                message: "intervals of '\(interval.chrom)' overlap or are unsorted")
                }
                sequences[i].bins.append(ScoredBin(start: start, end: end, score: interval.value))
            }
        } catch let error as TrackError {
            guard case let .unreadable(path, line, message) = error else { throw .output(error) }
            throw .track(path: path, line: line, message: message)
        } catch let error as AssessmentError {
            throw error
        } catch {
            throw .track(path: trackPath, line: 0, message: "\(error)")
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
