import ReadingFrames
import Tracks
import Windows

/// Decodes genes as the scan streams: a `TrackWriter` that takes the (smoothed, ungated) windows of
/// each sequence, turns them into per-base evidence and hands the genes of `GeneDecoder`'s best parse
/// to a `CallWriter` (GFF3, BED, proteins) and, when asked, each base's posterior to a
/// `BaseValueWriter` (the decoded bedGraph).
///
/// The reading thread hands it each record's bases first (`beginBases`, `appendBases`, in input
/// order; reading runs ahead of writing by the batches in flight), then the windows arrive in order.
/// P(coding) and the evidence per base are interpolated linearly between window centres (constant
/// before the first centre and after the last; `EvidenceBuffer`).
///
/// Streaming with a bounded look-back: the decoder holds the bases and evidence from the last decided
/// point (the anchor) on. Once it holds `decisionSpan` (8) × `maximumLength` bases past the anchor, it
/// decodes them, keeps the genes of the best parse that end at least 2 · `maximumLength` bases before
/// the newest base
/// (no gene is longer than `maximumLength`, so later bases reach back at most that far) and moves the
/// anchor to the end of the last kept gene (or the start of the next gene, when that comes later).
/// The decisions are made at the same bases whatever the thread count or batch size; a parse that
/// would change a decision made 2 · `maximumLength` bases back is not looked for. Each base is decoded
/// about 8/6 times. Memory: about 60 bytes per base of 8 · `maximumLength` (≈ 15 MB at the default),
/// plus the bases read ahead.
///
/// A record scored as a single window over all its bases (a read, by the read model) gets that window's
/// score as its posterior: one window's evidence cannot pay for a gene, so decoding would flatten it.
///
/// With `GeneModelKind.auto` each record's first decision (its first stretch, or the whole record when
/// shorter) decodes that stretch with both gene models (without statistics that are a prior) and keeps
/// the one `autoMargin` prefers for the whole record; a record shorter than `autoMinimum` takes the last
/// choice. The choice depends only on the input, so the output stays the same for every thread count
/// and batch size.
public final class GeneDecodingWriter: TrackWriter {
    /// The decoder of the record being written (with `GeneModelKind.auto`, the one its first stretch chose).
    public private(set) var decoder: GeneDecoder
    /// With `GeneModelKind.auto`: the two decoders `decoder` is chosen from, per record, and the two
    /// that choose (the same, without statistics that are a prior: `GeneModel.withoutStatistics`).
    private let candidates: (prokaryote: GeneDecoder, eukaryote: GeneDecoder)?
    private let choosers: (prokaryote: GeneDecoder, eukaryote: GeneDecoder)?
    /// Whether this record's decoder is chosen.
    private var chosen = true
    /// What the last record long enough to decide chose; shorter records follow it.
    private var lastChoice = GeneModelKind.prokaryote
    /// The gene model each record was decoded with so far, in input order (`auto` only).
    public private(set) var recordKinds: [GeneModelKind] = []
    /// `auto`: a record's first stretch chooses the eukaryote model when that model's best parse scores
    /// more than this per kb above the prokaryote model's (see `docs/decoder.md`).
    public static let autoMargin = -1.85
    /// `auto`: a first stretch shorter than this (bases) does not choose; the record follows the last
    /// one that did (the prokaryote model before any did).
    public static let autoMinimum = 100_000
    /// `autoMinimum` (tests set less).
    var autoMinimum = GeneDecodingWriter.autoMinimum
    private let output: CallWriter
    private let strands: (plus: Bool, minus: Bool)
    private let translate: Bool
    /// Records whose bases were handed over and whose windows are not all written, oldest first.
    private var queue: [RecordBases] = []
    /// The record the reading thread is handing over (also in `queue`, or already being written).
    private var reading: RecordBases?
    private var record: RecordBases?
    /// Record position of the first base in `evidence`.
    private var origin = 0
    /// Record position from which the parse is still open (everything before it is written).
    private var anchor = 0
    /// Whether genes were written for this record: the stretch no longer begins at the record's start.
    private var decidedAny = false
    /// P(coding) and evidence per base from `origin` on, for each strand; up to the last window centre.
    private var evidence = EvidenceBuffer()
    private var windows = 0
    /// The record's first window (a read's only one).
    private var firstWindow: ScoredWindow?
    /// Receives each base's posterior P(coding) (`GeneDecoder.posterior`; with `strands` both, the larger
    /// of the two strands'), when set.
    public var posteriorOutput: BaseValueWriter?
    /// Counts what `--adapt` learns from this pass (nil: nothing is counted).
    public var statistics: GeneStatistics?
    /// Look-backs held before the decoder decides (see the type's comment).
    static let decisionSpan = 8
    /// Bases a later gene may reach back: `maximumLength` (tests set more, to decode records whole).
    let lookBack: Int

    /// - Parameters:
    ///   - strands: the strands genes are called on (`--strand`).
    ///   - translate: fill each call's `protein`.
    public convenience init(model: GeneModel, output: CallWriter, strands: (plus: Bool, minus: Bool) = (true, true),
                            translate: Bool = false) {
        self.init(model: model, output: output, strands: strands, translate: translate, lookBack: model.maximumLength)
    }

    /// - Parameter lookBack: at least `model.maximumLength`.
    init(model: GeneModel, output: CallWriter, strands: (plus: Bool, minus: Bool), translate: Bool, lookBack: Int) {
        precondition(lookBack >= model.maximumLength, "the look-back must cover the longest gene")
        self.lookBack = lookBack
        if model.kind == .auto {
            var prokaryote = model, eukaryote = model
            prokaryote.kind = .prokaryote
            eukaryote.kind = .eukaryote
            candidates = (GeneDecoder(model: prokaryote), GeneDecoder(model: eukaryote))
            choosers = model.statisticsArePrior
                ? (GeneDecoder(model: prokaryote.withoutStatistics), GeneDecoder(model: eukaryote.withoutStatistics))
                : candidates
        } else {
            candidates = nil
            choosers = nil
        }
        decoder = candidates?.prokaryote ?? GeneDecoder(model: model)
        self.output = output
        self.strands = strands
        self.translate = translate
    }

    /// A record's bases start (reading thread, before its windows arrive).
    public func beginBases(name: String, offset: Int) {
        let bases = RecordBases(name: name, offset: offset)
        queue.append(bases)
        reading = bases
        statistics?.beginRecord()
    }

    /// More bases of the record begun last.
    public func appendBases(_ masks: UnsafeBufferPointer<UInt8>) {
        reading!.append(masks)
        statistics?.countBackground(masks)
    }

    public func begin(sequence name: String) throws(TrackError) {
        precondition(!queue.isEmpty, "windows of a record whose bases were not handed over")
        record = queue.removeFirst()
        origin = 0
        anchor = 0
        decidedAny = false
        chosen = candidates == nil
        evidence.removeAll()
        try posteriorOutput?.begin(sequence: name)
        windows = 0
        try output.begin(sequence: name)
    }

    public func add(_ window: ScoredWindow) throws(TrackError) {
        guard let record else { return }
        let threshold = decoder.model.threshold
        let centre = (window.start + window.end) / 2 - record.offset
        let p = window.plus ?? threshold, m = window.minus ?? threshold
        if windows == 0 { firstWindow = window }
        windows += 1
        evidence.add(centre: centre - origin, plus: p, minus: m, model: decoder.model)
        if centre - anchor >= GeneDecodingWriter.decisionSpan * lookBack { try decideBack(front: centre) }
    }

    public func end(sequenceLength length: Int) throws(TrackError) {
        guard let record else { return }
        let end = length - record.offset
        evidence.fill(to: end - origin)
        if windows > 0 && end > origin {
            // A record scored as one window (a read): its posterior would weigh one window's evidence
            // against the cost of a gene; its window score is the better estimate, and no posterior is run.
            var readScore: (plus: [Float], minus: [Float])?
            if posteriorOutput != nil, let window = firstWindow, windows == 1, window.start == record.offset,
               window.end == length, let p = window.plus, let m = window.minus {
                readScore = ([Float](repeating: p, count: end - origin), [Float](repeating: m, count: end - origin))
            }
            let (genes, posterior) = decode(upTo: end, rightEdge: true, posterior: readScore == nil)
            for gene in genes { try write(gene) }
            if let values = readScore ?? posterior { try writePosterior(values, decided: end) }
        }
        try posteriorOutput?.end(sequenceLength: length)
        self.record = nil
        try output.end(sequenceLength: length)
    }

    public func finish() throws(TrackError) {
        try output.finish()
        try posteriorOutput?.finish()
    }

    /// Decodes [origin, front), writes the genes decided and moves the anchor (see the type's comment).
    private func decideBack(front: Int) throws(TrackError) {
        let (genes, posterior) = decode(upTo: front, rightEdge: false)
        let limit = front - 2 * lookBack
        var lastEnd = anchor
        var next = Int.max
        for gene in genes {
            if gene.end <= limit {
                try write(gene)
                lastEnd = max(lastEnd, gene.end)
            } else {
                next = min(next, gene.start)
            }
        }
        let newAnchor = max(lastEnd, min(limit, next))
        guard newAnchor > anchor else { return }
        if let posterior { try writePosterior(posterior, decided: newAnchor) }
        decidedAny = true
        anchor = newAnchor
        let newOrigin = max(anchor - decoder.model.maximumOverlap, origin)
        evidence.removeFirst(newOrigin - origin)
        origin = newOrigin
        record?.drop(before: origin)
    }

    /// Writes the posterior of the bases [anchor, decided) (`posterior` indexed from `origin`).
    private func writePosterior(_ posterior: (plus: [Float], minus: [Float]), decided: Int) throws(TrackError) {
        guard let posteriorOutput, let record else { return }
        let (p, m) = posterior
        let range = (anchor - origin)..<(decided - origin)
        let values: [Float]
        switch (strands.plus, strands.minus) {
        case (true, false): values = Array(p[range])
        case (false, true): values = Array(m[range])
        default: values = range.map { max(p[$0], m[$0]) }
        }
        try posteriorOutput.add(values[...], from: anchor + record.offset)
    }

    /// Runs `body` on the bases and evidence of [origin, end) and whether they begin the record.
    private func withStretch<T>(upTo end: Int, _ body: (_ masks: UnsafeBufferPointer<UInt8>, _ plus: UnsafeBufferPointer<Double>,
                                                       _ minus: UnsafeBufferPointer<Double>, _ leftEdge: Bool) -> T) -> T {
        let n = end - origin, leftEdge = !decidedAny && origin == 0
        return record!.withMasks(origin..<end) { masks in
            evidence.plusEvidence.withUnsafeBufferPointer { p in
                evidence.minusEvidence.withUnsafeBufferPointer { m in
                    body(masks, UnsafeBufferPointer(rebasing: p[0..<n]), UnsafeBufferPointer(rebasing: m[0..<n]), leftEdge)
                }
            }
        }
    }

    /// The best parse of [origin, end) from the anchor on, in record coordinates, and with a
    /// `posteriorOutput` (unless `posterior` is false) each base's posterior (indexed from `origin`),
    /// from one sweep.
    private func decode(upTo end: Int, rightEdge: Bool, posterior: Bool = true) -> ([DecodedGene], (plus: [Float], minus: [Float])?) {
        guard record != nil else { return ([], nil) }
        if !chosen { choose(upTo: end) }
        let wantsPosterior = posterior && posteriorOutput != nil
        let (genes, posterior) = withStretch(upTo: end) { masks, plus, minus, leftEdge -> ([DecodedGene], (plus: [Float], minus: [Float])?) in
            if wantsPosterior {
                let both = decoder.decodeWithPosterior(masks: masks, plus: plus, minus: minus, anchor: anchor - origin,
                                                       leftEdge: leftEdge, rightEdge: rightEdge, strands: strands)
                return (both.genes, (both.plus, both.minus))
            }
            return (decoder.decode(masks: masks, plus: plus, minus: minus, anchor: anchor - origin,
                                   leftEdge: leftEdge, rightEdge: rightEdge, strands: strands), nil)
        }
        return (genes.map { gene in
            var g = gene
            g.start += origin
            g.end += origin
            return g
        }, posterior)
    }

    /// `auto`: picks this record's decoder from its first stretch [origin, end) (see `autoMargin`), by
    /// the parses of `choosers`: a prior's hexamer and start scores, pooled over other genomes, would
    /// tip the gene model's side of a margin measured without them (held out, yeast's calls lost
    /// 0.011); a genome's own (`--adapt`) are kept, and pick the gene model where it calls better.
    private func choose(upTo end: Int) {
        guard let candidates, let choosers else { return }
        chosen = true
        let n = end - origin
        if n >= autoMinimum {
            let (prokaryote, eukaryote) = withStretch(upTo: end) { masks, plus, minus, leftEdge -> (Double, Double) in
                let total = { (decoder: GeneDecoder) in
                    decoder.decode(masks: masks, plus: plus, minus: minus, anchor: self.anchor - self.origin, leftEdge: leftEdge,
                                   rightEdge: false, strands: self.strands).reduce(0) { $0 + $1.score }
                }
                return (total(choosers.prokaryote), total(choosers.eukaryote))
            }
            lastChoice = (eukaryote - prokaryote) * 1000 / Double(n) > GeneDecodingWriter.autoMargin ? .eukaryote : .prokaryote
        }
        recordKinds.append(lastChoice)
        decoder = lastChoice == .eukaryote ? candidates.eukaryote : candidates.prokaryote
    }

    /// Writes one gene (record coordinates) as a call.
    private func write(_ gene: DecodedGene) throws(TrackError) {
        guard let record else { return }
        // Summed afresh from the gene's first base, so the score does not depend on where the stretch
        // that found the gene began.
        let values = gene.minusStrand ? evidence.minusP : evidence.plusP
        let scores = gene.minusStrand ? evidence.minusEvidence : evidence.plusEvidence
        var sum = 0.0, total = 0.0
        for x in (gene.start - origin)..<(gene.end - origin) {
            sum += Double(values[x])
            total += scores[x]
        }
        if let statistics, !gene.splicedLeft && !gene.splicedRight {
            // The motif and the 20 bases before the start codon on the gene's strand (−1: outside or
            // ambiguous), read from the bases around the gene.
            let low = max(gene.start - 20, origin), high = min(gene.end + 20, origin + evidence.count)
            let (motif, before) = record.withMasks(low..<high) { stretch -> (Bool, [Int]) in
                guard gene.startCodon != nil else { return (false, []) }
                let start = (gene.minusStrand ? gene.end : gene.start) - low
                return (decoder.hasMotif(stretch, start: start, minus: gene.minusStrand),
                        (1...20).map { GeneDecoder.upstreamBase(stretch, start: start, distance: $0, minus: gene.minusStrand) ?? -1 })
            }
            record.withMasks(gene.start..<gene.end) { statistics.countGene(gene, masks: $0, motif: motif, upstream: before) }
        }
        let protein = translate ? record.withMasks(gene.start..<gene.end) { GeneDecodingWriter.translate($0, gene: gene, code: decoder.model.code) } : []
        var call = GeneCall(start: gene.start + record.offset, end: gene.end + record.offset,
                            minusStrand: gene.minusStrand, startCodon: gene.startCodon.map(GeneticCode.codonText),
                            partialLeft: gene.partialLeft, partialRight: gene.partialRight, score: total + gene.bonus,
                            meanProbability: Float(sum / Double(gene.end - gene.start)), protein: protein)
        call.phase = gene.phase
        call.splicedLeft = gene.splicedLeft
        call.splicedRight = gene.splicedRight
        try output.add(call)
    }

    /// The protein of a gene whose bases are `masks`: codons read on the gene's strand from its phase on,
    /// the start codon as M, the stop codon left out, X for a codon with an ambiguous base (an exon's
    /// bases beyond its last whole codon are left out too).
    static func translate(_ masks: UnsafeBufferPointer<UInt8>, gene: DecodedGene, code: GeneticCode) -> [UInt8] {
        let n = masks.count - gene.phase
        var codons = n / 3
        let hasStop = gene.minusStrand ? !gene.partialLeft && !gene.splicedLeft : !gene.partialRight && !gene.splicedRight
        if hasStop { codons -= 1 }
        var protein: [UInt8] = []
        protein.reserveCapacity(max(codons, 0))
        for k in 0..<max(codons, 0) {
            let index: Int?
            if gene.minusStrand {
                let e = n - 3 * k   // the phase's bases lie at the right end
                index = GeneticCode.codonIndex(BaseEncoding.complement(masks[e - 1]), BaseEncoding.complement(masks[e - 2]),
                                               BaseEncoding.complement(masks[e - 3]))
            } else {
                let x = gene.phase + 3 * k
                index = GeneticCode.codonIndex(masks[x], masks[x + 1], masks[x + 2])
            }
            if k == 0 && gene.startCodon != nil {
                protein.append(UInt8(ascii: "M"))
            } else {
                protein.append(index.map(code.aminoAcid) ?? UInt8(ascii: "X"))
            }
        }
        return protein
    }
}
