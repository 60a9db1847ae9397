/// Which CDS feature a CDS line belongs to, for counting features rather than lines.
///
/// A CDS split over several lines (exons, ribosomal slippage, a gene across a circular origin) is one
/// feature: GFF3 lines sharing an `ID`; without an `ID`, lines sharing a `Parent` transcript; GTF
/// lines sharing a `transcript_id`. A BED line is one feature.
enum FeatureGroup {
    /// GFF3 `ID` attribute value.
    case id(String)
    /// GFF3 `Parent` values (comma-separated list, several for a CDS shared by transcripts).
    case parents([String])
    /// GTF `transcript_id` value.
    case transcript(String)
    /// A feature of its own (BED line; GFF3/GTF line without `ID`, `Parent` or `transcript_id`).
    case single
}
