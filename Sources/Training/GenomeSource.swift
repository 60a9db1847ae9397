/// A genome FASTA and its CDS annotation (GFF3, GTF or BED; plain or gzip), as paths.
public struct GenomeSource: Sendable, Equatable {
    public let genome: String
    public let annotation: String

    public init(genome: String, annotation: String) {
        self.genome = genome
        self.annotation = annotation
    }
}
