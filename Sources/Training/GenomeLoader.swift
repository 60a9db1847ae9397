import Annotation
import SequenceIO
import Windows

/// Loads a genome FASTA (any format `SequenceReader` reads, gzip included) wholly into memory with
/// the per-base CDS coverage of its annotation.
public enum GenomeLoader {
    /// Reads `genome` and `annotation`. CDS on seqids absent from the genome are counted in
    /// `missingSeqids`; a CDS ending past its sequence is an error naming the annotation and seqid.
    public static func load(genome: String, annotation: String) throws(TrainingError) -> GenomeData {
        let named = try readSequences(genome)
        let set: AnnotationSet
        do { set = try AnnotationReader.read(path: annotation) } catch { throw .annotation(error) }
        if set.unstrandedCDS > 0 { throw .unstrandedAnnotation(path: annotation, count: set.unstrandedCDS) }
        return try load(genome: genome, cds: set, named: named)
    }

    /// A genome labelled by `cds` given in memory (`--adapt`: a first pass's gene calls, named
    /// `cds.path`), its records read up to `limit` bases in all (the record that reaches it cut
    /// there, later ones left out); `reference` for CRAM; `name` is the genome's path in the result
    /// (e.g. `stdin` for a spooled copy; default `genome`).
    public static func load(genome: String, cds: AnnotationSet, reference: String? = nil, limit: Int = .max,
                            name: String? = nil) throws(TrainingError) -> GenomeData {
        try load(genome: name ?? genome, cds: cds, named: try readSequences(genome, reference: reference, limit: limit),
                 cut: true)
    }

    /// The genome of records `named` labelled by `set`; with `cut`, CDS of records read in part or not at
    /// all are first cut to what was read (else one ending past its record is an error).
    private static func load(genome: String, cds set: AnnotationSet, named: [(String, [UInt8], Int)],
                             cut: Bool = false) throws(TrainingError) -> GenomeData {
        var lengths: [String: Int] = [:]
        for (name, masks, _) in named { lengths[name] = masks.count }
        var set = set
        if cut {
            let kept = set.intervals.values.joined().compactMap { cds -> CDSInterval? in
                guard let length = lengths[cds.seqid], cds.start < length else { return nil }
                return CDSInterval(seqid: cds.seqid, start: cds.start, end: min(cds.end, length), strand: cds.strand)
            }
            set = AnnotationSet(path: set.path, format: set.format, intervals: kept)
        }
        do { try GenomeMismatch.check(set, fits: lengths, genome: genome) } catch { throw .mismatch(error) }
        let records = named.map { name, masks, _ in
            GenomeRecord(name: name, masks: masks,
                         plusCoverage: set.coverage(seqid: name, length: masks.count, strand: .plus),
                         minusCoverage: set.coverage(seqid: name, length: masks.count, strand: .minus))
        }
        return GenomeData(path: genome, annotationPath: set.path, records: records, cdsCount: set.cdsCount,
                          missingSeqids: set.seqidsMissing(from: Set(lengths.keys)), translationTable: set.translationTable)
    }

    /// Every record of `path` as (name, IUPAC masks, header line).
    static func readSequences(_ path: String, reference: String? = nil,
                              limit: Int = .max) throws(TrainingError) -> [(String, [UInt8], Int)] {
        var result: [(String, [UInt8], Int)] = []
        var seen: [String: Int] = [:]
        var total = 0
        var duplicate: (String, Int)?
        var displayName = path
        do throws(SequenceIOError) {
            let reader = try SequenceReader(path: path, reference: reference)
            defer { reader.close() }
            displayName = reader.displayName
            var ascii = [UInt8](repeating: 0, count: 1 << 16)
            let table = BaseEncoding.maskOfASCII
            while total < limit, let info = try reader.nextRecord() {
                if seen[info.name] != nil {
                    duplicate = (info.name, info.line)
                    break
                }
                seen[info.name] = info.line
                var masks: [UInt8] = []
                try reader.forEachBlock(of: &ascii) { block in
                    for letter in block.prefix(limit - total - masks.count) { masks.append(table[Int(letter)]) }
                    return total + masks.count < limit
                }
                total += masks.count
                result.append((info.name, masks, info.line))
            }
        } catch {
            throw .sequence(error)
        }
        if let (name, line) = duplicate {
            throw .mismatch(.duplicateRecord(genome: displayName, name: name, line: line))
        }
        if total == 0 { throw .emptyGenome(path: path) }
        return result
    }
}
