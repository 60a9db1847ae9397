/// The validated container layer of a safetensors file:
/// `[u64 little-endian header length N][N bytes JSON header][data buffer]`.
///
/// Parsing checks every size claim against the real byte count before using it, so a file claiming
/// a 2^60-byte header or tensor fails fast without allocating.
struct SafetensorsContainer {
    /// Largest accepted header, in bytes.
    static let maxHeaderLength = 16 << 20
    /// Key of the codingscan metadata string inside `__metadata__`.
    static let metadataKey = "codingscan"

    /// Tensor entries by name; all F32, inside the buffer, sizes consistent with shapes.
    let entries: [String: TensorEntry]
    /// The string under `__metadata__.codingscan` (itself JSON, parsed by the metadata layer).
    let metadataText: String
    /// Offset of the data buffer in the file: `8 + N`.
    let bufferStart: Int

    /// Parses and validates the container; tensor data is not copied.
    static func parse(_ bytes: [UInt8], source: String) throws(ModelError) -> SafetensorsContainer {
        func fail(_ message: String, _ kind: ModelError.Kind = .container) -> ModelError {
            ModelError(source: source, kind: kind, message: message)
        }
        guard bytes.count >= 8 else {
            throw fail("file is \(bytes.count) bytes, too short for a safetensors file (needs at least 8)")
        }
        var claimed: UInt64 = 0
        for k in 0..<8 { claimed |= UInt64(bytes[k]) << (8 * UInt64(k)) }
        let available = bytes.count - 8
        // A safetensors file is an 8-byte length, then a JSON object. When the length does not fit and no
        // '{' follows it, the file is not a model at all (a FASTA, a gzip file, a GFF given to -m).
        let opensObject = bytes[8...].first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D } == UInt8(ascii: "{")
        if (claimed > UInt64(maxHeaderLength) || claimed > UInt64(available)) && !opensObject {
            throw fail("not a codingscan model (safetensors) file: no JSON header after the 8-byte length prefix")
        }
        guard claimed <= UInt64(maxHeaderLength) else {
            throw fail("header length \(claimed) exceeds the 16 MiB limit")
        }
        guard claimed <= UInt64(available) else {
            throw fail("header length \(claimed) exceeds the \(available) bytes after the length prefix (truncated file?)")
        }
        let headerLength = Int(claimed)
        let bufferStart = 8 + headerLength
        let bufferSize = bytes.count - bufferStart
        let header: JSONValue
        switch JSONValue.parseOrExplain(bytes[8..<bufferStart]) {
        case let .success(value): header = value
        case let .failure(failure):
            // Offsets count from the file's first byte: the header starts after the 8-byte length.
            throw fail("header \(failure.message(offsetBy: 8))")
        }
        guard case var .object(members) = header else {
            throw fail("header is not a JSON object")
        }
        guard let meta = members.removeValue(forKey: "__metadata__") else {
            throw fail("header has no __metadata__ (not a codingscan model?)", .metadata)
        }
        guard let metaObject = meta.objectValue, metaObject.values.allSatisfy({ $0.stringValue != nil }) else {
            throw fail("__metadata__ must be an object of string values", .metadata)
        }
        guard let metadataText = metaObject[metadataKey]?.stringValue else {
            throw fail("__metadata__ has no '\(metadataKey)' entry (not a codingscan model?)", .metadata)
        }
        var entries: [String: TensorEntry] = [:]
        for name in members.keys.sorted() {
            entries[name] = try parseEntry(name: name, members[name]!, bufferSize: bufferSize, fail: fail)
        }
        return SafetensorsContainer(entries: entries, metadataText: metadataText, bufferStart: bufferStart)
    }

    /// Validates one tensor entry `{"dtype": "F32", "shape": [...], "data_offsets": [begin, end]}`.
    private static func parseEntry(
        name: String, _ value: JSONValue, bufferSize: Int,
        fail: (String, ModelError.Kind) -> ModelError
    ) throws(ModelError) -> TensorEntry {
        let q = ModelError.quoted(name)
        guard let object = value.objectValue else {
            throw fail("tensor \(q) entry is not a JSON object", .tensor)
        }
        guard let dtype = object["dtype"]?.stringValue else {
            throw fail("tensor \(q) has no dtype string", .tensor)
        }
        guard dtype == "F32" else {
            throw fail("tensor \(q) has dtype \(ModelError.sanitized(dtype)); only F32 is supported", .tensor)
        }
        guard let shapeItems = object["shape"]?.arrayValue,
              case let shape = shapeItems.compactMap({ $0.intValue }),
              shape.count == shapeItems.count, shape.allSatisfy({ $0 >= 0 })
        else {
            throw fail("tensor \(q) has an invalid shape (needs an array of non-negative integers)", .tensor)
        }
        guard let offsetItems = object["data_offsets"]?.arrayValue, offsetItems.count == 2,
              let begin = offsetItems[0].intValue, let end = offsetItems[1].intValue,
              begin >= 0, end >= begin
        else {
            throw fail("tensor \(q) has invalid data_offsets (needs [begin, end] integers, begin <= end)", .tensor)
        }
        guard end <= bufferSize else {
            throw fail("tensor \(q) data_offsets [\(begin),\(end)] exceed the \(bufferSize)-byte data buffer",
                       .tensor)
        }
        let (elements, overflow) = LayerSpec.product(shape)
        let (bytes, overflow2) = elements.multipliedReportingOverflow(by: 4)
        guard !overflow, !overflow2, bytes == end - begin else {
            throw fail("tensor \(q) has \(end - begin) data bytes, but F32 shape \(ModelError.shapeText(shape)) "
                       + "needs \(overflow || overflow2 ? "more than 2^63" : String(bytes))", .tensor)
        }
        return TensorEntry(name: name, shape: shape, begin: begin, end: end)
    }
}
