import Foundation
import XCTest

/// Compares stdout, stderr and exit status of the binary with the golden files under
/// `fixtures/golden/`, case by case as listed in every `fixtures/golden/*.tsv` (cases.tsv and one file per
/// topic): `name <TAB> stdin file or - <TAB> arguments separated by spaces`. Case names are unique across files.
/// `CODINGSCAN_UPDATE_GOLDEN=1 swift test --filter GoldenTests` rewrites all golden files, and
/// `CODINGSCAN_UPDATE_GOLDEN=name1,name2` only those cases (then review the diff).
final class GoldenTests: XCTestCase {
    struct Case {
        let name: String
        let stdin: String?
        let args: [String]
    }

    static func cases() throws -> [Case] {
        let dir = CLIRunner.root.appendingPathComponent("fixtures/golden")
        let lists = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            .filter { $0.hasSuffix(".tsv") }.sorted()
        let text = try lists.map { try String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8) }
            .joined(separator: "\n")
        let cases: [Case] = text.split(separator: "\n").compactMap { line in
            if line.hasPrefix("#") || line.isEmpty { return nil }
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            precondition(cols.count == 3, "bad cases.tsv line: \(line)")
            return Case(name: cols[0], stdin: cols[1] == "-" ? nil : cols[1],
                        args: cols[2].split(separator: " ").map(String.init))
        }
        precondition(Set(cases.map(\.name)).count == cases.count, "duplicate golden case names")
        return cases
    }

    /// TSV tracks and GFF3 calls name the codingscan version (`##source=codingscan 0.1.0`,
    /// `# source=codingscan 0.1.0`); golden files hold `VERSION` instead, so a release does not change
    /// every such golden file.
    static func versionFree(_ data: Data) -> Data {
        let text = String(decoding: data, as: UTF8.self)
        guard text.contains("source=codingscan ") else { return data }
        let replaced = text.replacingOccurrences(of: #"(?m)^(##|# )source=codingscan [^\n]*$"#,
                                                 with: "$1source=codingscan VERSION", options: .regularExpression)
        return Data(replaced.utf8)
    }

    func testGoldenFiles() throws {
        let updateList = ProcessInfo.processInfo.environment["CODINGSCAN_UPDATE_GOLDEN"] ?? ""
        let selected = Set(updateList.split(separator: ",").map(String.init))
        let dir = CLIRunner.root.appendingPathComponent("fixtures/golden")
        let cases = try Self.cases()
        XCTAssertGreaterThan(cases.count, 10)
        for c in cases {
            var result = try CLIRunner.run(c.args, stdinFile: c.stdin)
            result.stdout = Self.versionFree(result.stdout)
            let out = dir.appendingPathComponent("\(c.name).stdout")
            let err = dir.appendingPathComponent("\(c.name).stderr")
            let status = dir.appendingPathComponent("\(c.name).status")
            if updateList == "1" || selected.contains(c.name) {
                try result.stdout.write(to: out)
                try result.stderr.write(to: err)
                try "\(result.status)\n".write(to: status, atomically: true, encoding: .utf8)
                continue
            }
            XCTAssertEqual(result.stdoutText, try String(contentsOf: out, encoding: .utf8), "\(c.name): stdout")
            XCTAssertEqual(result.stderrText, try String(contentsOf: err, encoding: .utf8), "\(c.name): stderr")
            XCTAssertEqual("\(result.status)\n", try String(contentsOf: status, encoding: .utf8), "\(c.name): status")
        }
    }
}
