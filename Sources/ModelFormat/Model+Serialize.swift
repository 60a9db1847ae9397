extension Model {
    /// Serialises tensors and metadata to safetensors bytes:
    /// `[u64 LE header length N][N bytes header JSON][data]`.
    ///
    /// Deterministic: tensors are laid out in the buffer in ascending name order (by Unicode scalar
    /// values) with no gaps; the header is canonical compact JSON with sorted keys
    /// (`__metadata__` holds `{"codingscan": metadata.jsonString}`), padded with trailing spaces so
    /// that `8 + N` is a multiple of 8. Values are written as little-endian F32.
    /// No validation: `Model.load` of the result performs it.
    /// - Precondition: each tensor's `values.count` equals the product of its `shape`.
    public static func serialize(metadata: ModelMetadata, tensors: [String: (shape: [Int], values: [Float])]) -> [UInt8] {
        let names = tensors.keys.sorted { $0.unicodeScalars.map(\.value).lexicographicallyPrecedes($1.unicodeScalars.map(\.value)) }
        var header: [String: JSONValue] = [
            "__metadata__": .object([SafetensorsContainer.metadataKey: .string(metadata.jsonString)]),
        ]
        var offset = 0
        for name in names {
            let tensor = tensors[name]!
            let (count, overflow) = LayerSpec.product(tensor.shape)
            precondition(!overflow && count == tensor.values.count, "tensor '\(name)' values do not match its shape")
            header[name] = .object([
                "dtype": "F32",
                "shape": .array(tensor.shape.map { .integer($0) }),
                "data_offsets": .array([.integer(offset), .integer(offset + 4 * count)]),
            ])
            offset += 4 * count
        }
        var headerBytes = Array(JSONValue.object(header).serialized().utf8)
        while (8 + headerBytes.count) % 8 != 0 { headerBytes.append(0x20) }

        var out: [UInt8] = []
        out.reserveCapacity(8 + headerBytes.count + offset)
        let n = UInt64(headerBytes.count)
        for k in 0..<8 { out.append(UInt8(truncatingIfNeeded: n >> (8 * UInt64(k)))) }
        out.append(contentsOf: headerBytes)
        for name in names {
            for value in tensors[name]!.values {
                let bits = value.bitPattern
                out.append(UInt8(truncatingIfNeeded: bits))
                out.append(UInt8(truncatingIfNeeded: bits >> 8))
                out.append(UInt8(truncatingIfNeeded: bits >> 16))
                out.append(UInt8(truncatingIfNeeded: bits >> 24))
            }
        }
        return out
    }

    /// This model's metadata and tensors serialised again with `serialize(metadata:tensors:)`.
    public func serialized() -> [UInt8] {
        Model.serialize(metadata: metadata, tensors: tensors)
    }
}
