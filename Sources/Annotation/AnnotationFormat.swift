/// The text formats the annotation reader understands.
///
/// Coordinates: GFF3 and GTF are 1-based with inclusive ends; BED is 0-based half-open. The reader
/// converts both to 0-based half-open `CDSInterval`s.
public enum AnnotationFormat: String, Sendable, CaseIterable, CustomStringConvertible {
    /// GFF3: 9 tab-separated columns, `key=value;` attributes; only type `CDS` lines count.
    case gff3
    /// GTF (GFF2.5): 9 tab-separated columns, `key "value";` attributes; only type `CDS` lines count.
    case gtf
    /// BED6 or wider (strand in column 6 required); every line is a CDS. BED12 lines count the parts
    /// of their blocks inside `[thickStart, thickEnd)`.
    case bed

    /// `"GFF3"`, `"GTF"` or `"BED"`.
    public var description: String {
        switch self {
        case .gff3: return "GFF3"
        case .gtf: return "GTF"
        case .bed: return "BED"
        }
    }
}
