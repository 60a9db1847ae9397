import Windows

/// Which strand's probability a track reports.
public enum StrandChoice: String, Sendable, CaseIterable {
    /// max(p_plus, p_minus) in bedGraph; both strands' calls in BED.
    case both
    case plus
    case minus
}

/// The output formats of `codingscan scan`.
public enum TrackFormat: String, Sendable, CaseIterable {
    case bedgraph
    case bed
    case tsv
    /// Binary bigWig of the bedGraph's bins and values (to a file only: see `BigWigWriter`).
    case bigwig
    /// GFF3 gene calls (`GFFCallWriter`): the scanner decodes genes for it.
    case gff
}

/// One window's scores as handed to a writer.
///
/// `start`/`end` are the window's 0-based half-open coordinates. `plus`/`minus` are P(coding) of the
/// forward strand and of the reverse complement; both nil when the window was not scored (fewer than
/// half of its bases are A, C, G or T). `gatePlus`/`gateMinus` are the window's ORF-gate weights
/// (`ORFGate.binGates`) not yet applied: 1 when there is no gate; `GatingWriter` multiplies them in,
/// after smoothing, before the track writers see the window. `framePlus`/`frameMinus`: a read's best
/// reading frame on each strand (0, 1 or 2: its codons start at that base of the read, or of its
/// reverse complement), nil for windows of longer sequences and reads scored without hexamers.
public struct ScoredWindow: Sendable, Equatable {
    public let index: Int
    public let start: Int
    public let end: Int
    public let plus: Float?
    public let minus: Float?
    public let gatePlus: Float
    public let gateMinus: Float
    public let framePlus: Int?
    public let frameMinus: Int?

    public init(index: Int, start: Int, end: Int, plus: Float?, minus: Float?,
                gatePlus: Float = 1, gateMinus: Float = 1, framePlus: Int? = nil, frameMinus: Int? = nil) {
        self.index = index
        self.start = start
        self.end = end
        self.plus = plus
        self.minus = minus
        self.gatePlus = gatePlus
        self.gateMinus = gateMinus
        self.framePlus = framePlus
        self.frameMinus = frameMinus
    }
}

/// Settings every writer shares.
public struct TrackSettings: Sendable {
    public var plan: WindowPlan
    public var strand: StrandChoice
    /// BED calls: bins with p ≥ threshold are coding.
    public var threshold: Float
    /// Write a UCSC `track` header line first (bedGraph and BED).
    public var trackLine: Bool
    /// Model name, for the track line.
    public var modelName: String
    /// What the track line says beyond the writer's defaults (used when `trackLine` is set).
    public var line: TrackLine
    /// TSV: lines written first, each after `##` (provenance: version, model, command).
    public var provenance: [String]
    /// bigWig: the sequences' names and lengths when known before the scan (a `.fai`); nil = the
    /// writer spools its bins and writes the file at the end.
    public var sequenceSizes: SequenceSizes?

    public init(plan: WindowPlan, strand: StrandChoice = .both, threshold: Float = 0.5,
                trackLine: Bool = false, modelName: String = "", line: TrackLine = TrackLine(),
                provenance: [String] = [], sequenceSizes: SequenceSizes? = nil) {
        self.plan = plan
        self.strand = strand
        self.threshold = threshold
        self.trackLine = trackLine
        self.modelName = modelName
        self.line = line
        self.provenance = provenance
        self.sequenceSizes = sequenceSizes
    }
}

/// Streams one track: `begin` a sequence, `add` its windows in order, `end` it; `finish` once.
public protocol TrackWriter: AnyObject {
    func begin(sequence name: String) throws(TrackError)
    func add(_ window: ScoredWindow) throws(TrackError)
    /// `length` is the sequence length in bases; the last bin is extended to it.
    func end(sequenceLength length: Int) throws(TrackError)
    func finish() throws(TrackError)
}

/// Builds the writer for a format.
public enum TrackWriters {
    public static func make(_ format: TrackFormat, settings: TrackSettings, sink: OutputSink) -> TrackWriter {
        switch format {
        case .bedgraph: return BedGraphWriter(settings: settings, sink: sink)
        case .bed: return BedWriter(settings: settings, sink: sink)
        case .tsv: return TSVWriter(sink: sink, provenance: settings.provenance)
        case .bigwig: return BigWigWriter(settings: settings, sink: sink)
        case .gff: preconditionFailure("GFF3 holds decoded calls: the scanner writes them through a CallWriter")
        }
    }
}
