import Foundation
import XCTest

/// Runs the binary over every bad input file in `fixtures/bad/` and `fixtures/models/bad/` and compares
/// stderr and exit status with the expectation file beside it, `<file>.expected` (see `ExpectationFile`).
/// A bad file without an expectation, an expectation without its file, or a case whose command does not
/// name the file fails the test, so a new bad file cannot be forgotten. Every case must fail (exit status
/// not 0), write nothing to stdout (in particular no partial track of an input that was cut short) and
/// leave no file behind in `$TMP`.
///
/// `CODINGSCAN_UPDATE_BAD=1 swift test --filter BadInputTests` rewrites the stderr and `exit` lines of every
/// expectation from what the binary does (keeping comments and commands); `CODINGSCAN_UPDATE_BAD=protein.fa,…`
/// only those files. Review the diff.
final class BadInputTests: XCTestCase {
    static let directories = ["fixtures/bad", "fixtures/models/bad"]

    func testEveryBadFileHasAnExpectation() throws {
        var total = 0
        for directory in Self.directories {
            let (files, expectations) = try Self.listing(directory)
            XCTAssertFalse(files.isEmpty, "\(directory): no bad files")
            for file in files where !expectations.contains(file + ExpectationFile.suffix) {
                XCTFail("\(directory)/\(file): no \(file)\(ExpectationFile.suffix) beside it (see BadInputTests)")
            }
            for expectation in expectations {
                let file = String(expectation.dropLast(ExpectationFile.suffix.count))
                XCTAssertTrue(files.contains(file), "\(directory)/\(expectation): \(file) does not exist")
            }
            total += files.count
        }
        XCTAssertGreaterThan(total, 30)
    }

    func testBadFilesThroughTheBinary() throws {
        let update = ProcessInfo.processInfo.environment["CODINGSCAN_UPDATE_BAD"] ?? ""
        let selected = Set(update.split(separator: ",").map(String.init))
        var cases = 0
        for directory in Self.directories {
            let (files, _) = try Self.listing(directory)
            for file in files {
                let path = "\(directory)/\(file)"
                let url = CLIRunner.root.appendingPathComponent(path + ExpectationFile.suffix)
                guard FileManager.default.fileExists(atPath: url.path) else { continue }  // reported above
                var expectation = try ExpectationFile(contentsOf: url)
                XCTAssertFalse(expectation.cases.isEmpty, "\(path)\(ExpectationFile.suffix): no '$ codingscan' case")
                for index in expectation.cases.indices {
                    let c = expectation.cases[index]
                    let label = "\(path)\(ExpectationFile.suffix), case '\(c.command)'"
                    XCTAssertTrue(c.arguments.contains(path) || c.stdin == path, "\(label): does not use \(path)")
                    let result = try Self.run(c, label: label)
                    cases += 1
                    if update == "1" || selected.contains(file) {
                        expectation.cases[index].stderr = result.stderrText.split(separator: "\n",
                            omittingEmptySubsequences: false).dropLast().map(String.init)
                        expectation.cases[index].status = result.status
                        continue
                    }
                    XCTAssertEqual(result.stderrText, c.stderr.map { $0 + "\n" }.joined(), "\(label): stderr")
                    XCTAssertEqual(result.status, c.status, "\(label): exit status")
                    XCTAssertNotEqual(result.status, 0, "\(label): a bad input must fail")
                    XCTAssertEqual(result.stdoutText, "", "\(label): stdout must stay empty")
                    XCTAssertEqual(result.stderrText.filter { $0 == "\n" }.count, c.stderr.count,
                                   "\(label): one line per message")
                }
                if update == "1" || selected.contains(file) { try expectation.write(to: url) }
            }
        }
        XCTAssertGreaterThan(cases, 30)
    }

    /// The bad files of `directory` (sorted, hidden files left out) and its expectation files.
    static func listing(_ directory: String) throws -> (files: [String], expectations: Set<String>) {
        let names = try FileManager.default.contentsOfDirectory(
            atPath: CLIRunner.root.appendingPathComponent(directory).path).filter { !$0.hasPrefix(".") }.sorted()
        // An index beside its data file (`x.fa.fai`) belongs to that file's cases.
        let companions = Set(names.filter { $0.hasSuffix(".fai") && names.contains(String($0.dropLast(4))) })
        return (names.filter { !$0.hasSuffix(ExpectationFile.suffix) && !companions.contains($0) },
                Set(names.filter { $0.hasSuffix(ExpectationFile.suffix) }))
    }

    /// Runs one case with `$TMP` replaced by a fresh directory, and checks that the failing run left
    /// nothing in it (no partial output file).
    static func run(_ c: ExpectationFile.Case, label: String) throws -> CLIRunner.Result {
        let tmp = FileManager.default.temporaryDirectory
            .appendingPathComponent("codingscan-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        let args = c.arguments.map { $0.replacingOccurrences(of: "$TMP", with: tmp.path) }
        let result = try CLIRunner.run(args, stdinFile: c.stdin)
        let left = try FileManager.default.contentsOfDirectory(atPath: tmp.path)
        XCTAssertEqual(left, [], "\(label): left files behind in $TMP")
        return result
    }
}
