/// The container format of a sequence input, as detected from its content (never from its name).
///
/// `fasta` and `fastq` are plain text records; `sam` is SAM text; `bam` and `cram` are the binary
/// alignment formats read through htslib. The raw value is the lowercase format name used in messages.
public enum InputFormat: String, Sendable {
    case fasta, fastq, sam, bam, cram
}
