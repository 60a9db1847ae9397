/// What the UCSC `track` header line of a bedGraph or BED track says (UCSC Genome Browser and IGV
/// both read it).
///
/// Every field is optional: nil keeps the writer's default (name `codingscan`, description
/// `P(coding) (MODEL)`, visibility `full` for bedGraph and `dense` for BED). `options` are further
/// `key=value` pairs; a key the writer already sets (e.g. `viewLimits`) takes the given value in
/// place, a new key is appended in order. Values never contain `"` or a line break (`problem(in:)`
/// checks); a value with white space is written in double quotes.
public struct TrackLine: Sendable, Equatable {
    /// UCSC display modes.
    public enum Visibility: String, Sendable, CaseIterable {
        case hide, dense, squish, pack, full
    }

    public var name: String?
    public var description: String?
    public var visibility: Visibility?
    /// `R,G,B`, each 0–255.
    public var color: [Int]?
    /// Extra or overriding `key=value` settings, in order.
    public var options: [(key: String, value: String)]

    public init(name: String? = nil, description: String? = nil, visibility: Visibility? = nil,
                color: [Int]? = nil, options: [(key: String, value: String)] = []) {
        self.name = name
        self.description = description
        self.visibility = visibility
        self.color = color
        self.options = options
    }

    public static func == (a: TrackLine, b: TrackLine) -> Bool {
        a.name == b.name && a.description == b.description && a.visibility == b.visibility && a.color == b.color
            && a.options.map(\.key) == b.options.map(\.key) && a.options.map(\.value) == b.options.map(\.value)
    }

    /// Why `value` cannot go into a track line (nil when it can): a double quote or a line break would
    /// end the value or the line early.
    public static func problem(in value: String) -> String? {
        if value.contains("\"") { return "contains a double quote (\"), which a track line cannot hold" }
        if value.contains(where: { $0 == "\n" || $0 == "\r" }) { return "contains a line break" }
        if value.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" }) {
            return "contains a control character"
        }
        return nil
    }

    /// Parses `R,G,B` (each 0–255); nil when malformed.
    public static func color(_ text: String) -> [Int]? {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        let values = parts.compactMap { Int($0.filter { $0 != " " }) }
        guard values.count == 3, values.allSatisfy({ (0...255).contains($0) }) else { return nil }
        return values
    }

    /// Parses `key=value` for `options`; the key is a letter followed by letters, digits or `_`.
    public static func option(_ text: String) -> (key: String, value: String)? {
        guard let eq = text.firstIndex(of: "=") else { return nil }
        let key = String(text[..<eq])
        let value = String(text[text.index(after: eq)...])
        guard let first = key.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII,
              key.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") })
        else { return nil }
        return (key, value)
    }

    /// The whole line, ending in "\n": `track` then `defaults` (in order; `name` and `description`
    /// always quoted) with this line's fields and options applied.
    func render(defaults: [(key: String, value: String)]) -> String {
        var pairs = defaults
        func set(_ key: String, _ value: String) {
            if let i = pairs.firstIndex(where: { $0.key == key }) { pairs[i].value = value } else { pairs.append((key, value)) }
        }
        if let name { set("name", name) }
        if let description { set("description", description) }
        if let visibility { set("visibility", visibility.rawValue) }
        if let color { set("color", color.map(String.init).joined(separator: ",")) }
        for (key, value) in options { set(key, value) }
        var line = "track"
        for (key, value) in pairs {
            let quoted = key == "name" || key == "description" || value.isEmpty
                || value.contains(where: { $0 == " " || $0 == "\t" })
            line += " \(key)=" + (quoted ? "\"\(value)\"" : value)
        }
        return line + "\n"
    }
}
