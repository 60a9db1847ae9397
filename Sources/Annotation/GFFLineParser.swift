/// Parses GFF3 and GTF data lines (9 tab-separated columns, 1-based inclusive coordinates).
///
/// Every data line must have 9 columns. Only lines whose type (column 3) is exactly `CDS` become
/// intervals; their start, end and strand are checked. GFF3 seqids are percent-decoded. GFF3 lines of
/// type `protein`/`polypeptide` only contribute their `ID` (see `AnnotationBuilder`).
struct GFFLineParser {
    /// Display path for error messages.
    let path: String
    /// `.gff3` or `.gtf`.
    let format: AnnotationFormat
    private var fields = LineFields()

    init(path: String, format: AnnotationFormat) {
        self.path = path
        self.format = format
    }

    /// Parses data line `number` (1-based) into `builder`.
    mutating func parse(_ line: UnsafeBufferPointer<UInt8>, number: Int,
                        into builder: inout AnnotationBuilder) throws(AnnotationError) {
        fields.split(line, limit: 9)
        guard fields.count >= 9 else {
            throw .tooFewColumns(path: path, line: number, format: format, found: fields.count, needed: 9)
        }
        guard fields.equals(2, "CDS") else {
            if format == .gff3 && (fields.equals(2, "protein") || fields.equals(2, "polypeptide")),
               let id = Self.gff3Attributes(fields.bytes(8)).id {
                builder.addProteinID(id)
            }
            return
        }
        guard !fields.bytes(0).isEmpty else {
            throw .invalidLine(path: path, line: number, reason: "empty seqid (column 1)")
        }
        guard let start = fields.integer(3) else {
            throw .notANumber(path: path, line: number, column: "start", text: fields.string(3))
        }
        guard let end = fields.integer(4) else {
            throw .notANumber(path: path, line: number, column: "end", text: fields.string(4))
        }
        guard start >= 1 else { throw .startBelowOne(path: path, line: number, start: start) }
        guard start <= end else { throw .startAfterEnd(path: path, line: number, start: start, end: end) }
        let strand: Strand
        if fields.equals(6, "+") {
            strand = .plus
        } else if fields.equals(6, "-") {
            strand = .minus
        } else {
            throw .unknownStrand(path: path, line: number, text: fields.string(6))
        }
        builder.add(seqidBytes: fields.bytes(0), decode: format == .gff3, start: start - 1, end: end,
                    strand: strand, group: group(fields.bytes(8)))
        if format == .gff3, let table = Self.translationTable(fields.bytes(8)) { builder.addTranslationTable(table) }
    }

    /// The feature a CDS line belongs to, from its attributes column.
    private func group(_ attributes: UnsafeBufferPointer<UInt8>) -> FeatureGroup {
        if format == .gtf {
            return Self.gtfTranscriptID(attributes).map(FeatureGroup.transcript) ?? .single
        }
        let parsed = Self.gff3Attributes(attributes)
        if let id = parsed.id { return .id(id) }
        if !parsed.parents.isEmpty { return .parents(parsed.parents) }
        return .single
    }

    /// The `ID` value and the comma-separated `Parent` values of a GFF3 attributes column (raw, not
    /// percent-decoded; empty values ignored).
    static func gff3Attributes(_ attributes: UnsafeBufferPointer<UInt8>) -> (id: String?, parents: [String]) {
        var id: String?
        var parents: [String] = []
        for item in attributes.split(separator: 0x3B) {
            let trimmed = item.drop { $0 == 0x20 }
            if trimmed.starts(with: "ID=".utf8) {
                let value = trimmed.dropFirst(3)
                if !value.isEmpty { id = String(decoding: value, as: UTF8.self) }
            } else if trimmed.starts(with: "Parent=".utf8) {
                for value in trimmed.dropFirst(7).split(separator: 0x2C) {
                    parents.append(String(decoding: value, as: UTF8.self))
                }
            }
        }
        return (id, parents)
    }

    /// The integer value of a GFF3 `transl_table=N` attribute (as NCBI writes it on CDS lines), or nil.
    static func translationTable(_ attributes: UnsafeBufferPointer<UInt8>) -> Int? {
        for item in attributes.split(separator: 0x3B) {
            let trimmed = item.drop { $0 == 0x20 }
            guard trimmed.starts(with: "transl_table=".utf8) else { continue }
            return Int(String(decoding: trimmed.dropFirst(13), as: UTF8.self))
        }
        return nil
    }

    /// The value of the `transcript_id` attribute of a GTF attributes column (`transcript_id "x";`),
    /// quotes removed; nil when absent or empty.
    static func gtfTranscriptID(_ attributes: UnsafeBufferPointer<UInt8>) -> String? {
        for item in attributes.split(separator: 0x3B) {
            let trimmed = item.drop { $0 == 0x20 || $0 == 0x09 }
            let key = "transcript_id".utf8
            guard trimmed.starts(with: key) else { continue }
            let rest = trimmed.dropFirst(key.count)
            guard let first = rest.first, first == 0x20 || first == 0x09 else { continue }
            var value = rest.drop { $0 == 0x20 || $0 == 0x09 }
            while let last = value.last, last == 0x20 || last == 0x09 { value = value.dropLast() }
            if value.first == 0x22 { value = value.dropFirst() }
            if value.last == 0x22 { value = value.dropLast() }
            return value.isEmpty ? nil : String(decoding: value, as: UTF8.self)
        }
        return nil
    }
}
