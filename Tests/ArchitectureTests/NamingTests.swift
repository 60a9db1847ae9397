import Foundation
import XCTest

/// Names that explain themselves: no module shares its name with a type (module `Model` exporting type
/// `Model` made `Model.Model` necessary), and no type of ours shadows a common standard-library or
/// Foundation type (a file importing both would see ours, as `Pipeline.Scanner` hid `Foundation.Scanner`).
final class NamingTests: XCTestCase {
    /// Standard-library and Foundation names a codebase like this one might reuse by accident.
    static let reserved: Set<String> = [
        "Array", "AttributedString", "Bundle", "Calendar", "Character", "Clock", "Collection", "ContinuousClock",
        "Data", "Date", "Decimal", "Decoder", "Dictionary", "Duration", "Encoder", "Error", "Expression",
        "FileHandle", "FileManager", "Formatter", "Host", "Index", "JSONDecoder", "JSONEncoder", "Locale",
        "Measurement", "Mirror", "Never", "Notification", "NumberFormatter", "Operation", "Optional", "Pipe",
        "Port", "Predicate", "Process", "Progress", "Range", "Regex", "Result", "Scanner", "Sequence", "Set",
        "Stream", "String", "Substring", "Task", "Thread", "Timer", "TimeZone", "Unit", "URL", "UUID",
    ]

    /// Every type declared in `Sources/` (struct, enum, class, protocol, actor, typealias), with its file.
    static func declaredTypes() throws -> [(name: String, file: String)] {
        let sources = LayerTests.root.appendingPathComponent("Sources")
        let pattern = try NSRegularExpression(
            pattern: #"^\s*(?:(?:public|internal|private|fileprivate|package|final|indirect)\s+)*(?:struct|enum|class|protocol|actor|typealias)\s+([A-Z][A-Za-z0-9_]*)"#,
            options: .anchorsMatchLines)
        var found: [(String, String)] = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        for case let url as URL in files where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for m in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                found.append((String(text[Range(m.range(at: 1), in: text)!]), url.path))
            }
        }
        return found
    }

    func testNoModuleIsNamedLikeATypeAndNoTypeShadowsAStandardName() throws {
        let types = try Self.declaredTypes()
        XCTAssertGreaterThan(types.count, 100, "the scan should find the project's types")
        let modules = Set(try LayerTests.manifest().map(\.name))
        for (name, file) in types {
            XCTAssertFalse(modules.contains(name), "type \(name) (\(file)) has the name of a module")
            XCTAssertFalse(Self.reserved.contains(name), "type \(name) (\(file)) shadows a standard or Foundation type")
        }
    }
}
