/// bigWig: the bedGraph track's bins and values in UCSC's indexed binary format (for IGV, UCSC
/// Genome Browser, pyBigWig, deepTools), 0-based half-open.
///
/// The bins come from the same `BinSequencer` and `BinValue` as `BedGraphWriter`, and each value is
/// the Float nearest to the bedGraph's 4-decimal text: reading the bigWig back gives exactly the
/// bedGraph's intervals and values. Unscored bins leave a gap, as in bedGraph.
///
/// A bigWig's header lists every sequence with its length before any data. With
/// `settings.sequenceSizes` (from a FASTA index) the file is written as the scan goes, and every
/// record must match the index in name, order and length. Without, bins are spooled to an unlinked
/// temporary file beside the output (12 bytes per bin; only names and lengths stay in memory) and
/// the bigWig is written in `finish`. Sequence names must be unique, at most 65,535 of them.
///
/// libBigWig writes to a path: the writer writes the sink's temporary file and the caller commits
/// the sink (rename) as for any track. A sink on stdout is refused.
///
/// As a `BaseValueWriter` it stores the decoder's per-base posterior instead (`--decoded`): runs of
/// equal 4-decimal values, exactly the decoded bedGraph's lines.
public final class BigWigWriter: TrackWriter, BaseValueWriter {
    private let settings: TrackSettings
    private let sink: OutputSink
    private var bins: BinSequencer
    /// Bins of the current sequence not yet handed on.
    private var starts: [UInt32] = []
    private var ends: [UInt32] = []
    private var values: [Float] = []
    private let batch = 4096
    /// Sequences begun so far (spooled mode: all of them; direct mode: for messages).
    private var names: [String] = []
    private var lengths: [Int] = []
    private var binCounts: [Int] = []
    private var seen = Set<String>()
    /// Direct mode: the file, and the index entry of the current sequence.
    private var file: BigWigFile?
    private var sizeIndex = -1
    private var spool: BinSpool?
    /// The decoded track's runs (`BaseValueWriter`).
    private var runs = ValueRuns()

    public init(settings: TrackSettings, sink: OutputSink) {
        self.settings = settings
        self.sink = sink
        bins = BinSequencer(plan: settings.plan)
    }

    private var target: String { sink.name }

    /// The temporary file libBigWig writes (the sink's), or an error for stdout.
    private func temporaryPath() throws(TrackError) -> String {
        guard let path = sink.temporary else {
            if sink.name == "stdout" {
                throw .bigWig(path: sink.name, message: "a bigWig needs an output file (-o FILE), not a stream")
            }
            throw .bigWig(path: sink.name, message: "a bigWig is written by seeking: -o must name a regular file, "
                + "not a device or FIFO")
        }
        return path
    }

    public func begin(sequence name: String) throws(TrackError) {
        if seen.contains(name) {
            throw .bigWig(path: target, message: "sequence name '\(name)' occurs twice; "
                + "a bigWig needs unique names (write bedGraph instead)")
        }
        seen.insert(name)
        names.append(name)
        bins.reset()
        runs = ValueRuns()
        if let sizes = settings.sequenceSizes {
            if file == nil {
                file = try BigWigFile(path: try temporaryPath(), name: target, sequences: sizes.names,
                                      lengths: sizes.lengths)
            }
            guard let i = sizes.names[(sizeIndex + 1)...].firstIndex(of: name) else {
                let known = sizes.names.contains(name)
                throw .bigWig(path: target, message: "record '\(name)' is "
                    + (known ? "out of the order of \(sizes.source)" : "not in \(sizes.source)")
                    + "; re-index the input (samtools faidx)")
            }
            sizeIndex = i
        } else if spool == nil {
            let path = try temporaryPath()
            let directory = path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
            spool = try BinSpool(directory: directory, name: target)
        }
    }

    public func add(_ window: ScoredWindow) throws(TrackError) {
        try bins.add(window, take)
    }

    /// The decoded track: values of the bases `start`, `start + 1`, …
    public func add(_ values: ArraySlice<Float>, from start: Int) throws(TrackError) {
        try runs.add(values, from: start, takeRun)
    }

    public func end(sequenceLength length: Int) throws(TrackError) {
        try bins.end(length: length, take)
        try runs.flush(takeRun)
        try handOn()
        lengths.append(length)
        if let sizes = settings.sequenceSizes, sizes.lengths[sizeIndex] != length {
            throw .bigWig(path: target, message: "record '\(names.last!)' is \(length) bp but "
                + "\(sizes.lengths[sizeIndex]) bp in \(sizes.source); re-index the input (samtools faidx)")
        }
    }

    public func finish() throws(TrackError) {
        if settings.sequenceSizes != nil {
            if file == nil, let sizes = settings.sequenceSizes {
                file = try BigWigFile(path: try temporaryPath(), name: target, sequences: sizes.names,
                                      lengths: sizes.lengths)
            }
            try file?.close()
            return
        }
        if names.isEmpty {
            // libBigWig cannot write a file without a sequence (it divides by their count).
            throw .bigWig(path: target, message: "no sequence to write: a bigWig needs at least one "
                + "(write bedGraph for an empty track)")
        }
        let output = try BigWigFile(path: try temporaryPath(), name: target, sequences: names, lengths: lengths)
        if let spool {
            for (index, count) in binCounts.enumerated() {
                var left = count
                while left > 0 {
                    let n = min(left, batch)
                    try spool.read(count: n, starts: &starts, ends: &ends, values: &values)
                    try output.add(sequence: index, starts: starts, ends: ends, values: values)
                    left -= n
                }
            }
        }
        try output.close()
    }

    private func take(_ window: ScoredWindow, _ bin: Range<Int>) throws(TrackError) {
        guard let value = BinValue.of(window, strand: settings.strand) else { return }
        try keep(bin, NumberFormat.roundedProbability(value))
    }

    /// A run of the decoded track, its value in units of 0.0001.
    private func takeRun(_ start: Int, _ end: Int, _ scaled: Int) throws(TrackError) {
        try keep(start..<end, Float(scaled) / 10000)
    }

    /// Holds one interval with its (already 4-decimal) value.
    private func keep(_ bin: Range<Int>, _ value: Float) throws(TrackError) {
        if bin.upperBound > Int(UInt32.max) {
            throw .bigWig(path: target, message: "record '\(names.last!)' is longer than a bigWig's "
                + "32-bit coordinates hold")
        }
        starts.append(UInt32(bin.lowerBound))
        ends.append(UInt32(bin.upperBound))
        values.append(value)
        if starts.count >= batch { try handOn() }
    }

    /// Passes the held bins of the current sequence to the file (direct) or the spool.
    private func handOn() throws(TrackError) {
        if file != nil {
            try file!.add(sequence: sizeIndex, starts: starts, ends: ends, values: values)
        } else if let spool {
            if binCounts.count < names.count { binCounts.append(0) }
            for i in 0..<starts.count {
                try spool.append(start: starts[i], end: ends[i], value: values[i])
            }
            binCounts[names.count - 1] += starts.count
        }
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
    }
}
