/// Parses BED data lines (0-based half-open coordinates, the strand in column 6).
///
/// Columns are tab-separated; a line without any tab is split at runs of spaces. A line of 3 to 5
/// columns (BED3: no strand) is one CDS with no known strand, counted in `unstrandedCDS` and kept on
/// the plus strand: enough for `eval`, which ignores strands, and refused by training. A line of 6 to 11
/// columns is one CDS `[chromStart, chromEnd)` (empty when the two are equal). A BED12 line is a gene
/// model: its CDS are the parts of its blocks inside `[thickStart, thickEnd)` (none when
/// `thickStart == thickEnd`, a non-coding transcript).
struct BEDLineParser {
    /// Display path for error messages.
    let path: String
    private var fields = LineFields()

    init(path: String) {
        self.path = path
    }

    /// Parses data line `number` (1-based) into `builder`.
    mutating func parse(_ line: UnsafeBufferPointer<UInt8>, number: Int,
                        into builder: inout AnnotationBuilder) throws(AnnotationError) {
        if line.contains(0x09) {
            fields.split(line, limit: 64)
        } else {
            fields.splitWhitespace(line)
        }
        guard fields.count >= 3 else {
            throw .tooFewColumns(path: path, line: number, format: .bed, found: fields.count, needed: 3)
        }
        guard !fields.bytes(0).isEmpty else {
            throw .invalidLine(path: path, line: number, reason: "empty chrom (column 1)")
        }
        let start = try integer(1, "start", number)
        let end = try integer(2, "end", number)
        guard start <= end else { throw .startAfterEnd(path: path, line: number, start: start, end: end) }
        if fields.count < 6 {
            if start < end {
                builder.add(seqidBytes: fields.bytes(0), decode: false, start: start, end: end, strand: .plus,
                            group: .single)
                builder.addUnstranded()
            }
            return
        }
        let strand: Strand
        if fields.equals(5, "+") {
            strand = .plus
        } else if fields.equals(5, "-") {
            strand = .minus
        } else {
            throw .unknownStrand(path: path, line: number, text: fields.string(5))
        }
        guard fields.count >= 12 else {
            if start < end {
                builder.add(seqidBytes: fields.bytes(0), decode: false, start: start, end: end,
                            strand: strand, group: .single)
            }
            return
        }
        let thickStart = try integer(6, "thickStart", number)
        let thickEnd = try integer(7, "thickEnd", number)
        let blockCount = try integer(9, "blockCount", number)
        let sizes = try list(10, "blockSizes", number)
        let offsets = try list(11, "blockStarts", number)
        guard blockCount >= 1, sizes.count == blockCount, offsets.count == blockCount else {
            throw .invalidLine(path: path, line: number, reason: "blockCount \(blockCount) does not match "
                + "\(sizes.count) blockSizes and \(offsets.count) blockStarts")
        }
        var group: FeatureGroup? = .single
        for block in 0..<blockCount {
            let blockStart = start + offsets[block]
            let blockEnd = blockStart + sizes[block]
            guard blockEnd <= end else {
                throw .invalidLine(path: path, line: number, reason: "block \(block + 1) ends at \(blockEnd), "
                    + "past chromEnd \(end)")
            }
            let codingStart = max(blockStart, thickStart)
            let codingEnd = min(blockEnd, thickEnd)
            if codingStart < codingEnd {
                builder.add(seqidBytes: fields.bytes(0), decode: false, start: codingStart, end: codingEnd,
                            strand: strand, group: group)
                group = nil
            }
        }
    }

    /// Column `index` as a non-negative integer, or a `notANumber` error naming `column`.
    private func integer(_ index: Int, _ column: String, _ number: Int) throws(AnnotationError) -> Int {
        guard let value = fields.integer(index) else {
            throw .notANumber(path: path, line: number, column: column, text: fields.string(index))
        }
        return value
    }

    /// Column `index` as a comma-separated list of non-negative integers (a trailing comma allowed).
    private func list(_ index: Int, _ column: String, _ number: Int) throws(AnnotationError) -> [Int] {
        var values: [Int] = []
        var items = fields.bytes(index).split(separator: 0x2C, omittingEmptySubsequences: false)
        if items.count > 1, items.last?.isEmpty == true { items.removeLast() }
        for item in items {
            guard let value = LineFields.parseInteger(item) else {
                throw .notANumber(path: path, line: number, column: column, text: fields.string(index))
            }
            values.append(value)
        }
        return values
    }
}
