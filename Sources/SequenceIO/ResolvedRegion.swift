/// A `GenomicRegion` checked against one file's index: a known contig and `start ..< end` inside it
/// (0-based half-open; `end` clipped to the contig's length, as samtools clips).
struct ResolvedRegion: Equatable {
    let contig: String
    /// htslib's id of the contig (FASTA: its row in the .fai; BAM/CRAM: its header tid).
    let id: Int32
    let start: Int
    let end: Int

    /// Looks `region` up with `lookup` (contig name → id and length, nil when unknown).
    /// - Throws: `.unknownContig`, `.ambiguous` (both the parsed name and the whole text are contigs)
    ///   or `.startsPastEnd`.
    static func resolve(_ region: GenomicRegion, path: String,
                        lookup: (String) -> (id: Int32, length: Int)?) throws(RegionError) -> ResolvedRegion {
        let parsed = lookup(region.contig)
        let whole = region.wholeName.flatMap { lookup($0) }
        let name: String
        let found: (id: Int32, length: Int)
        var start = region.start
        var end = region.end
        switch (parsed, whole) {
        case let (p?, nil):
            (name, found) = (region.contig, p)
        case let (nil, w?):
            (name, found) = (region.wholeName!, w)
            (start, end) = (0, nil)
        case (.some, .some):
            throw .ambiguous(path: path, region: region.text)
        case (nil, nil):
            throw .unknownContig(path: path, region: region.text, contig: region.contig)
        }
        if start >= found.length {
            throw .startsPastEnd(path: path, region: region.text, contig: name, length: found.length)
        }
        return ResolvedRegion(contig: name, id: found.id, start: start, end: min(end ?? found.length, found.length))
    }
}
