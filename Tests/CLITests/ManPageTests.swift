import Foundation
import XCTest

/// man/codingscan.1 stays in step with `--help`.
final class ManPageTests: XCTestCase {
    /// Long options (`--name`) in a text, roff escapes (`\-`) undone.
    private func longOptions(_ text: String) -> Set<String> {
        let plain = text.replacingOccurrences(of: "\\-", with: "-")
        let regex = try! NSRegularExpression(pattern: "(?<![A-Za-z0-9-])--[a-z][a-z-]*")
        let range = NSRange(plain.startIndex..., in: plain)
        return Set(regex.matches(in: plain, range: range).map { String(plain[Range($0.range, in: plain)!]) })
    }

    func testManPageCoversEveryOptionAndNoOthers() throws {
        let man = try String(contentsOf: CLIRunner.root.appendingPathComponent("man/codingscan.1"), encoding: .utf8)
        for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "OUTPUT FORMATS", "EXIT STATUS",
                        "EXAMPLES", "SEE ALSO"] {
            XCTAssertTrue(man.contains(".SH \"\(section)\"") || man.contains(".SH \(section)"), "section \(section)")
        }
        var helpOptions = Set<String>()
        for command in [["scan", "--help"], ["model-info", "--help"], ["eval", "--help"], ["train", "--help"], ["adapt", "--help"], ["--help"]] {
            let r = try CLIRunner.run(command)
            XCTAssertEqual(r.status, 0)
            helpOptions.formUnion(longOptions(r.stdoutText))
        }
        helpOptions.remove("--help")
        helpOptions.remove("--version")
        XCTAssertTrue(helpOptions.contains("--window"))
        let optionsSection = man.components(separatedBy: ".SH OPTIONS")[1].components(separatedBy: ".SH ")[0]
        let manOptions = longOptions(optionsSection)
        XCTAssertEqual(helpOptions.subtracting(manOptions), [], "in --help but not in the man page")
        XCTAssertEqual(manOptions.subtracting(helpOptions).subtracting(["--help", "--version"]), [],
                       "in the man page but not in --help")
    }

    func testHelpShowsDefaults() throws {
        let r = try CLIRunner.run(["scan", "--help"])
        let help = r.stdoutText.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        for text in ["else bedgraph)", "default: both)", "(default: 0.35; with --raw: 0.5)", "(default: the model's window)",
                     "(default: the model's step)", "(default: the built-in model)"] {
            XCTAssertTrue(help.contains(text), "help lacks \(text)")
        }
    }
}
