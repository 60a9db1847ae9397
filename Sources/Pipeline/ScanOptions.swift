import GeneCalling
import Inference
import ReadingFrames
import SequenceIO
import Tracks

/// What `codingscan scan` was asked to do. nil window/step mean the model's defaults.
public struct ScanOptions: Sendable {
    /// Window length in bases; nil = the model's `window`.
    public var window: Int?
    /// Step between window starts in bases; nil = the model's `step` (capped at the window).
    public var step: Int?
    /// Smoothing span in bases (see `SmoothingWriter`); nil = the model's `smooth`, 0 = none.
    public var smooth: Int?
    /// ORF-gate midpoint in bases (see `ORFGate`); nil = the model's `orfGate`, 0 = no gate.
    public var orfGate: Int?
    /// Records shorter than this many bases are skipped; nil = the shortest the scoring models accept
    /// (the read model's `min_length` with one, else the model's). Never below that.
    public var minLength: Int?
    /// Whose stop codons the ORF gate uses (a property of the genome, not of the model).
    public var geneticCode = GeneticCode.standard
    /// The arithmetic of the network's convolutions after the first (both models).
    public var precision = Precision.fp32
    public var format: TrackFormat
    /// The gene model that decodes `-f gff` and `-f bed` into gene calls (its genetic code is replaced by
    /// `geneticCode`); nil = no decoding (BED is then the thresholded bins).
    public var geneModel: GeneModel? = GeneModel()
    /// `-f bed` writes the thresholded bins (the track before decoding) instead of gene calls.
    public var raw = false
    /// `-f bedgraph` writes the decoder's posterior P(coding) per base instead of the window track.
    public var decodedTrack = false
    public var strand: StrandChoice
    /// `--raw` BED calls: p ≥ threshold is coding. In [0, 1].
    public var threshold: Float
    /// Gene calls: the gene model's threshold (`GeneModel.threshold`) when given; nil = the model's own.
    public var callThreshold: Float?
    public var trackLine: Bool
    /// Track line settings beyond the defaults (`--track-name` …), used with `trackLine`.
    public var line = TrackLine()
    /// TSV provenance lines (each written after `##`).
    public var provenance: [String] = []
    /// bigWig: sequence names and lengths known before the scan (`FastaIndexSizes`); nil = spool.
    public var sequenceSizes: SequenceSizes?
    /// Scan only these regions of each (indexed) input, in this order; empty = whole inputs.
    /// FASTA regions keep genomic coordinates (see `RegionReaders`).
    public var regions: [GenomicRegion] = []
    /// The reference FASTA of CRAM inputs; nil leaves htslib to find it (UR/M5 tags, `REF_PATH`, `REF_CACHE`).
    public var reference: String?

    public init(window: Int? = nil, step: Int? = nil, smooth: Int? = nil, orfGate: Int? = nil, format: TrackFormat = .bedgraph,
                strand: StrandChoice = .both, threshold: Float = 0.5, trackLine: Bool = false) {
        self.window = window
        self.step = step
        self.smooth = smooth
        self.orfGate = orfGate
        self.format = format
        self.strand = strand
        self.threshold = threshold
        self.trackLine = trackLine
    }

    /// Checks what was asked against the bounds that hold whatever the model (`TrackScanner` adds the
    /// model's own): windows, steps and minimum lengths of at least 1 base, a step no longer than the window, smoothing
    /// of at least 0, an ORF gate within `ORFGate.lengthCap`, thresholds (BED bins, gene calls) in [0, 1] and, when given,
    /// 1 to `TrackScanner.maxThreads` threads. The one place these ranges are checked.
    public func check(threads: Int? = nil) throws(ScanError) {
        if let window, window < 1 { throw .outOfRange(.window, "must be at least 1 (got \(window))") }
        if let step, step < 1 { throw .outOfRange(.step, "must be at least 1 (got \(step))") }
        if let smooth, smooth < 0 { throw .outOfRange(.smooth, "must be at least 0 (got \(smooth))") }
        if let orfGate, orfGate < 0 || orfGate > ORFGate.lengthCap {
            throw .outOfRange(.orfGate, "must be between 0 and \(ORFGate.lengthCap) (got \(orfGate))")
        }
        if let minLength, minLength < 1 { throw .outOfRange(.minLength, "must be at least 1 (got \(minLength))") }
        if let window, let step, step > window { throw .stepAboveWindow(step: step, window: window) }
        let outside = ([threshold] + (callThreshold.map { [$0] } ?? [])).first { !($0 >= 0 && $0 <= 1) }
        if let outside { throw .outOfRange(.threshold, "must be between 0 and 1 (got \(outside))") }
        if let threads, threads < 1 || threads > TrackScanner.maxThreads {
            throw .outOfRange(.threads, "must be between 1 and \(TrackScanner.maxThreads) (got \(threads))")
        }
    }
}
