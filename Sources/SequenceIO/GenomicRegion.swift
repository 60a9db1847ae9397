/// A stretch of one reference sequence (contig) to scan, as `-r/--region` or a `--regions-file` line
/// gives it.
///
/// Coordinates are 0-based half-open: `start ..< end` (BED's convention). The samtools text
/// `chr:beg-end` (1-based, both ends inclusive) is `start = beg - 1`, `end = end`. `end == nil` means
/// "to the end of the contig". A region is resolved against an index only when its file is opened
/// (`FastaRegionReader`, `AlignmentRegionReader`), where an `end` past the contig is clipped to it.
public struct GenomicRegion: Sendable, Equatable {
    /// The contig name as parsed (braces removed).
    public let contig: String
    /// 0-based first base.
    public let start: Int
    /// 0-based end, exclusive; nil = the end of the contig.
    public let end: Int?
    /// The region as the user wrote it (`chr:1,000-2,000`, or `FILE line N` for a regions file), for messages.
    public let text: String
    /// The whole text, when it may also name a contig by itself (`HLA-A*01:01`): it is tried when
    /// `contig` is not in the index. nil for braced names and regions-file lines.
    public let wholeName: String?

    /// A region `start ..< end` (0-based half-open; `end == nil`: to the contig's end) of `contig`.
    public init(contig: String, start: Int, end: Int?, text: String, wholeName: String? = nil) {
        self.contig = contig
        self.start = start
        self.end = end
        self.text = text
        self.wholeName = wholeName
    }

    /// Parses samtools region syntax: `chr`, `chr:beg`, `chr:beg-`, `chr:-end`, `chr:beg-end`, with
    /// 1-based inclusive positions and optional thousands separators (`chr1:1,000,000-2,000,000`), as
    /// `samtools view`/`samtools faidx` read them. A name that itself contains `:` can be written in
    /// braces: `{HLA-A*01:01}:1-100`. Without braces, the text after the last `:` must be a position
    /// range; the whole text is also tried as a contig name (`wholeName`) at lookup.
    /// - Throws: `RegionError.malformed` (empty name, bad number, position 0, extra text) or
    ///   `RegionError.inverted` (`beg > end`).
    public static func parse(_ text: String) throws(RegionError) -> GenomicRegion {
        let bytes = Array(text.utf8)
        if bytes.isEmpty { throw .malformed(region: text, reason: "empty region") }
        var name: String
        var range: ArraySlice<UInt8>?
        var whole: String?
        if bytes[0] == UInt8(ascii: "{") {
            guard let close = bytes.firstIndex(of: UInt8(ascii: "}")) else {
                throw .malformed(region: text, reason: "'{' without a closing '}'")
            }
            name = String(decoding: bytes[1..<close], as: UTF8.self)
            let rest = bytes[(close + 1)...]
            if let first = rest.first {
                guard first == UInt8(ascii: ":") else {
                    throw .malformed(region: text, reason: "expected ':' after '}'")
                }
                range = rest.dropFirst()
            }
        } else if let colon = bytes.lastIndex(of: UInt8(ascii: ":")) {
            name = String(decoding: bytes[..<colon], as: UTF8.self)
            range = bytes[(colon + 1)...]
            whole = text
        } else {
            name = text
        }
        if name.isEmpty { throw .malformed(region: text, reason: "empty sequence name") }
        guard let range, !range.isEmpty else {
            return GenomicRegion(contig: name, start: 0, end: nil, text: text, wholeName: whole)
        }
        let (begin, end) = try parseRange(range, text: text)
        if let end, begin > end { throw .inverted(region: text) }
        return GenomicRegion(contig: name, start: begin, end: end, text: text, wholeName: whole)
    }

    /// `beg`, `beg-`, `-end` or `beg-end` (1-based inclusive) → 0-based start and exclusive end.
    private static func parseRange(_ range: ArraySlice<UInt8>, text: String) throws(RegionError) -> (Int, Int?) {
        let hyphen = range.firstIndex(of: UInt8(ascii: "-"))
        let first = hyphen.map { range[range.startIndex..<$0] } ?? range
        let second = hyphen.map { range[($0 + 1)...] }
        if first.isEmpty && (second?.isEmpty ?? true) {
            throw .malformed(region: text, reason: "no position after ':'")
        }
        let begin = first.isEmpty ? 1 : try position(first, text: text)
        let end: Int? = try second.flatMap { digits throws(RegionError) in
            digits.isEmpty ? nil : try position(digits, text: text)
        }
        return (begin - 1, end)
    }

    /// A 1-based position: digits, with `,` allowed as a thousands separator; at least 1.
    private static func position(_ digits: ArraySlice<UInt8>, text: String) throws(RegionError) -> Int {
        var value = 0
        var sawDigit = false
        for byte in digits {
            if byte == UInt8(ascii: ",") { continue }
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else {
                throw .malformed(region: text, reason: "'\(String(decoding: digits, as: UTF8.self))' is not a position")
            }
            sawDigit = true
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
            if o1 || o2 || sum > 1 << 53 { throw .malformed(region: text, reason: "position is too large") }
            value = sum
        }
        if !sawDigit {
            throw .malformed(region: text, reason: "'\(String(decoding: digits, as: UTF8.self))' is not a position")
        }
        if value == 0 { throw .malformed(region: text, reason: "positions are 1-based; 0 is not a position") }
        return value
    }
}
