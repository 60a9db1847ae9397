import Foundation
import XCTest

/// `scripts/install.sh PREFIX` puts the binary and the man page where PATH and man look.
final class InstallTests: XCTestCase {
    func testInstallIntoAPrefix() throws {
        let dir = try CLIRunner.temporaryDirectory("codingscan-install")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try CLIRunner.run([], shell: """
            set -e
            CODINGSCAN_BINARY="$CODINGSCAN" scripts/install.sh '\(dir)/prefix' > /dev/null
            PATH='\(dir)/prefix/bin':$PATH
            command -v codingscan
            codingscan --version
            codingscan -m fixtures/models/tiny.safetensors fixtures/seq/two.fa | head -n 1
            test -s '\(dir)/prefix/share/man/man1/codingscan.1' && echo man
            """)
        XCTAssertEqual(r.status, 0, r.stderrText)
        let lines = r.stdoutText.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, dir + "/prefix/bin/codingscan")
        XCTAssertTrue(lines.count == 4 && lines[1].hasPrefix("codingscan ") && lines[2].hasPrefix("alpha\t0\t")
                      && lines[3] == "man", r.stdoutText)
    }
}
