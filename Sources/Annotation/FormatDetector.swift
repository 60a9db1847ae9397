/// Tells GFF3, GTF and BED apart from the content of an annotation file.
enum FormatDetector {
    /// True for a `##gff-version 3` header line (any `3.x.y` version, space or tab after the keyword).
    static func isGFF3Header(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        let keyword = "##gff-version".utf8
        guard line.starts(with: keyword) else { return false }
        let rest = line.dropFirst(keyword.count)
        guard let separator = rest.first, separator == 0x20 || separator == 0x09 else { return false }
        return rest.drop { $0 == 0x20 || $0 == 0x09 }.first == 0x33
    }

    /// True for a UCSC `track` or `browser` line (BED headers).
    static func isTrackOrBrowser(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        for keyword in ["track", "browser"] where line.starts(with: keyword.utf8) {
            let next = line.dropFirst(keyword.utf8.count).first
            if next == nil || next == 0x20 || next == 0x09 { return true }
        }
        return false
    }

    /// The format of the first data line (not blank, not a comment), or nil when it is none of them.
    ///
    /// BED: columns 2 and 3 are integers (a GFF type column never is). GFF3/GTF: at least 9
    /// tab-separated columns; GTF when the first attribute is `key value` (space before any `=`),
    /// GFF3 otherwise (`key=value`, or `.`).
    static func detect(_ line: UnsafeBufferPointer<UInt8>) -> AnnotationFormat? {
        var fields = LineFields()
        if line.contains(0x09) {
            fields.split(line, limit: 64)
        } else {
            fields.splitWhitespace(line)
        }
        if fields.count >= 3 && fields.integer(1) != nil && fields.integer(2) != nil {
            return .bed
        }
        fields.split(line, limit: 9)
        guard fields.count >= 9 else { return nil }
        return looksLikeGTF(fields.bytes(8)) ? .gtf : .gff3
    }

    /// True when the first attribute is `key value` rather than `key=value`.
    private static func looksLikeGTF(_ attributes: UnsafeBufferPointer<UInt8>) -> Bool {
        let item = attributes.drop { $0 == 0x20 }
        guard let stop = item.firstIndex(where: { $0 == 0x20 || $0 == 0x09 || $0 == 0x3D || $0 == 0x3B }) else {
            return false
        }
        return stop > item.startIndex && item[stop] != 0x3D && item[stop] != 0x3B
    }
}
