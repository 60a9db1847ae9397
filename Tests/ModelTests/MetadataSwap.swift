import ModelFormat

/// Model files whose metadata has one field swapped, for the tests of each metadata entry's checks.
enum MetadataSwap {
    /// Loads `metadata` (with `tensors`) after setting its field `field` to `value` (nil: removed) and its
    /// `format_version` to `version`: "loaded", or the load error's message.
    static func loadError(_ metadata: ModelMetadata, tensors: [String: (shape: [Int], values: [Float])], field: String,
                          value: JSONValue?, version: Int) throws -> String {
        guard case var .object(fields) = metadata.jsonValue else { return "" }
        fields[field] = value
        fields["format_version"] = .integer(version)
        let json = JSONValue.object(fields).serialized()
        // Serialize with the real metadata, then swap the metadata string.
        let real = Model.serialize(metadata: metadata, tensors: tensors)
        let length = real.prefix(8).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        guard case var .object(top) = JSONValue.parse(Array(real[8..<(8 + length)])) else { return "" }
        top["__metadata__"] = .object(["codingscan": .string(json)])
        var text = Array(JSONValue.object(top).serialized().utf8)
        while text.count % 8 != 0 { text.append(0x20) }
        var bytes = (0..<8).map { UInt8((text.count >> (8 * $0)) & 0xFF) }
        bytes += text + real[(8 + length)...]
        do {
            _ = try Model.load(bytes: bytes, source: "m")
            return "loaded"
        } catch {
            return error.description
        }
    }
}
