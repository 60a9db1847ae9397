import Foundation
import XCTest

/// The module graph as declared, as imported and as documented are one graph: every target in
/// `Package.swift` declares exactly the modules its sources import (a test target may also declare an
/// executable it runs), and `docs/architecture.md`'s layer table lists every module with exactly those
/// dependencies, each in the same or an earlier layer.
final class LayerTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// Modules of the toolchain and the OS, never declared (`_Builtin_intrinsics`: clang's x86 intrinsics,
    /// which the VNNI kernels call).
    static let system: Set<String> = ["Foundation", "FoundationXML", "Glibc", "Darwin", "Musl", "Dispatch", "XCTest",
                                      "PackageDescription", "_Builtin_intrinsics"]

    struct Target {
        let kind: String
        let name: String
        let dependencies: Set<String>
    }

    /// The targets of `Package.swift`: kind (`target`, `executableTarget`, ...), name and the names in
    /// `dependencies:` (products by their name).
    static func manifest() throws -> [Target] {
        let text = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let starts = try NSRegularExpression(pattern: #"\.(target|executableTarget|testTarget|systemLibrary)\(\s*name:\s*"([^"]+)""#)
        let matches = starts.matches(in: text, range: NSRange(text.startIndex..., in: text))
        return matches.enumerated().map { index, match in
            let kind = String(text[Range(match.range(at: 1), in: text)!])
            let name = String(text[Range(match.range(at: 2), in: text)!])
            let bodyStart = Range(match.range, in: text)!.upperBound
            let bodyEnd = index + 1 < matches.count ? Range(matches[index + 1].range, in: text)!.lowerBound : text.endIndex
            let body = String(text[bodyStart..<bodyEnd])
            var dependencies = Set<String>()
            if let list = body.range(of: #"dependencies:\s*\[[^\]]*\]"#, options: .regularExpression) {
                let items = String(body[list]).replacingOccurrences(of: #"package:\s*"[^"]*""#, with: "",
                                                                      options: .regularExpression)
                let quoted = try! NSRegularExpression(pattern: #""([^"]+)""#)
                for m in quoted.matches(in: items, range: NSRange(items.startIndex..., in: items)) {
                    dependencies.insert(String(items[Range(m.range(at: 1), in: items)!]))
                }
            }
            return Target(kind: kind, name: name, dependencies: dependencies)
        }
    }

    /// Modules imported by the Swift files under `directory` (system modules left out): the `import`
    /// lines at the top of each file, before its first declaration (so text in string literals, such
    /// as an embedded Python script, does not count).
    static func imports(_ directory: URL) throws -> Set<String> {
        var found = Set<String>()
        let files = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        let pattern = try NSRegularExpression(pattern: #"^(?:@testable\s+)?import\s+(?:struct\s+|class\s+|enum\s+)?(\w+)"#)
        while let url = files?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty || trimmed.hasPrefix("//") || trimmed.hasPrefix("#") { continue }
                guard let m = pattern.firstMatch(in: trimmed, range: NSRange(trimmed.startIndex..., in: trimmed)) else {
                    break
                }
                found.insert(String(trimmed[Range(m.range(at: 1), in: trimmed)!]))
            }
        }
        return found.subtracting(system)
    }

    func testEveryTargetDeclaresExactlyWhatItImports() throws {
        let targets = try Self.manifest()
        XCTAssertGreaterThan(targets.count, 20)
        let executables = Set(targets.filter { $0.kind == "executableTarget" }.map(\.name))
        for target in targets where target.kind != "systemLibrary" {
            // A test-support target lives under Tests/ (its `path:`), like the test targets.
            let inSources = FileManager.default.fileExists(atPath: Self.root.appendingPathComponent("Sources/\(target.name)").path)
            let folder = target.kind == "testTarget" || !inSources ? "Tests" : "Sources"
            let imported = try Self.imports(Self.root.appendingPathComponent("\(folder)/\(target.name)"))
            let undeclared = imported.subtracting(target.dependencies)
            var unused = target.dependencies.subtracting(imported)
            if target.kind == "testTarget" { unused.subtract(executables) }
            XCTAssertEqual(undeclared, [], "\(target.name) imports modules Package.swift does not declare")
            XCTAssertEqual(unused, [], "\(target.name) declares modules it does not import")
        }
    }

    func testArchitectureDocumentHasTheManifestsGraph() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("docs/architecture.md"), encoding: .utf8)
        // Rows: | layer | `Module` | `Dep`, `Dep` or — | what it holds |
        var documented: [String: (layer: Int, dependencies: Set<String>)] = [:]
        var layers: [String] = []
        let row = try NSRegularExpression(pattern: #"(?m)^\|\s*([^|`]+?)\s*\|\s*`([A-Za-z0-9-]+)`\s*\|([^|]*)\|"#)
        for m in row.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            let layer = String(text[Range(m.range(at: 1), in: text)!])
            if layers.last != layer { layers.append(layer) }
            let name = String(text[Range(m.range(at: 2), in: text)!])
            let column = String(text[Range(m.range(at: 3), in: text)!])
            let names = column.split(separator: "`").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
            documented[name] = (layers.count - 1, Set(names))
        }
        let targets = try Self.manifest().filter { $0.kind != "testTarget" }
        for target in targets {
            guard let entry = documented[target.name] else {
                XCTFail("docs/architecture.md has no row for \(target.name)")
                continue
            }
            XCTAssertEqual(entry.dependencies, target.dependencies, "docs/architecture.md: \(target.name)'s dependencies")
            for dependency in target.dependencies {
                guard let other = documented[dependency] else { continue }
                XCTAssertLessThanOrEqual(other.layer, entry.layer,
                                         "\(target.name) (layer \(layers[entry.layer])) depends on \(dependency) "
                                            + "(layer \(layers[other.layer])), a later layer")
            }
        }
        XCTAssertEqual(Set(documented.keys), Set(targets.map(\.name)), "docs/architecture.md lists modules that are not targets")
    }
}
