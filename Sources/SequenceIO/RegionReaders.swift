/// Opens the right region reader for an input file.
public enum RegionReaders {
    /// The regions of `path`, streamed as records in the order given: a FASTA region is one record
    /// named after its contig (`recordOffset` = region start); a BAM/CRAM region yields the reads
    /// overlapping it. Every region is looked up before any base is read.
    /// - Throws: `.standardInput` for `"-"`; `.input` when the file cannot be opened or recognized;
    ///   `.notIndexable` for FASTQ, SAM text and gzip (not bgzip) FASTA; `.missingIndex`, `.badIndex`,
    ///   `.unknownContig`, `.ambiguous`, `.startsPastEnd`.
    public static func open(path: String, regions: [GenomicRegion], reference: String? = nil) throws(RegionError) -> SequenceSource {
        if path == "-" { throw .standardInput }
        let probe: SequenceReader
        do { probe = try SequenceReader(path: path) } catch { throw .input(error) }
        let format = probe.format
        let compression = probe.compression
        probe.close()
        switch format {
        case .fasta:
            if compression == .gzip {
                throw .notIndexable(path: path, what: "plain gzip (not bgzip)",
                                    hint: "recompress it with bgzip and run 'samtools faidx' on the result")
            }
            return try FastaRegionReader(path: path, compression: compression, regions: regions)
        case .bam, .cram:
            return try AlignmentRegionReader(path: path, format: format, regions: regions, reference: reference)
        case .fastq:
            throw .notIndexable(path: path, what: "FASTQ",
                                hint: "use FASTA with a .fai, or sorted BAM/CRAM with an index")
        case .sam:
            throw .notIndexable(path: path, what: "SAM text",
                                hint: "sort it into BAM ('samtools sort -o FILE.bam') and run 'samtools index FILE.bam'")
        }
    }
}
