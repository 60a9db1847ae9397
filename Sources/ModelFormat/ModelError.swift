import GenomeCore

/// Why a model file could not be loaded.
///
/// `description` is one line naming the source first, e.g.
/// `m.safetensors: tensor 'conv1.weight' has shape [6,4,3], layer 1 (conv1d) needs [6,4,5]`.
public struct ModelError: Error, CustomStringConvertible, Equatable, Sendable {
    /// Broad category of the failure (for callers that branch; the message carries the detail).
    public enum Kind: String, Sendable, Equatable {
        /// The file could not be opened or read.
        case io
        /// The safetensors container is malformed: length prefix, header JSON, tensor entries.
        case container
        /// A tensor entry is invalid or disagrees with the layer it serves.
        case tensor
        /// The `codingscan` metadata is missing, not JSON, or has an invalid field.
        case metadata
        /// The layer chain is inconsistent (channels, order, final layers).
        case layers
    }

    /// What was being loaded: the path as given, or a caller-chosen name such as "built-in model".
    public let source: String
    /// Broad category.
    public let kind: Kind
    /// One-line explanation without the source prefix.
    public let message: String

    public init(source: String, kind: Kind, message: String) {
        self.source = source
        self.kind = kind
        self.message = message
    }

    /// `"<source>: <message>"`, one line.
    public var description: String { "\(source): \(message)" }
}

extension ModelError {
    /// `'name'` with control characters escaped, so a hostile tensor name cannot break the line.
    static func quoted(_ name: String) -> String {
        "'" + sanitized(name) + "'"
    }

    /// `text` made safe for one line of a message (`GenomeCore.PrintableText`).
    static func sanitized(_ text: String) -> String {
        PrintableText.oneLine(text)
    }

    /// A shape as `[6,4,5]`.
    static func shapeText(_ shape: [Int]) -> String {
        "[" + shape.map(String.init).joined(separator: ",") + "]"
    }
}
