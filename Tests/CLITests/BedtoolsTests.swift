import Foundation
import XCTest

/// Every output format is accepted by bedtools (installed by .ci/run; skipped where absent).
final class BedtoolsTests: XCTestCase {
    let model = "fixtures/models/tiny.safetensors"

    func testBedtoolsAcceptsEveryFormat() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/bedtools") else {
            throw XCTSkip("bedtools is not installed (apt-get install bedtools)")
        }
        for format in ["bedgraph", "bed", "tsv"] {
            let r = try CLIRunner.run([], shell: """
                set -e
                "$CODINGSCAN" -m \(model) -f \(format) -T 0.4 fixtures/real/pPCP1.fa.gz | grep -v '^#' > "$TMPDIR/t.\(format)"
                bedtools merge -i "$TMPDIR/t.\(format)" | wc -l
                bedtools intersect -u -a "$TMPDIR/t.\(format)" -b fixtures/seq/pPCP1-cds.bedgraph | wc -l
                """, environment: ["TMPDIR": NSTemporaryDirectory()])
            XCTAssertEqual(r.status, 0, "\(format): \(r.stderrText)")
            XCTAssertEqual(r.stderrText, "", format)
            let counts = r.stdoutText.split(separator: "\n").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            XCTAssertEqual(counts.count, 2, r.stdoutText)
            XCTAssertGreaterThan(counts.first ?? 0, 0, "\(format): bedtools merge gave no interval")
            XCTAssertGreaterThan(counts.last ?? 0, 0, "\(format): bedtools intersect found no overlap")
        }
        // bedGraph needs no sorting: sort -k1,1 -k2,2n leaves it unchanged.
        let sorted = try CLIRunner.run([], shell: """
            "$CODINGSCAN" -m \(model) -s 7 fixtures/seq/two.fa > "$TMPDIR/a.bg"
            LC_ALL=C sort -k1,1 -k2,2n "$TMPDIR/a.bg" | cmp - "$TMPDIR/a.bg" && echo same
            """, environment: ["TMPDIR": NSTemporaryDirectory()])
        XCTAssertEqual(sorted.stdoutText, "same\n", sorted.stderrText)
        // The man page's strand-aware merge keeps BED6: name, highest score, strand.
        let merged = try CLIRunner.run([], shell: """
            "$CODINGSCAN" -m \(model) -f bed --raw -T 0.4 fixtures/real/pPCP1.fa.gz |
                bedtools merge -s -d 300 -c 4,5,6 -o distinct,max,distinct -i -
            """)
        XCTAssertEqual(merged.status, 0, merged.stderrText)
        let rows = merged.stdoutText.split(separator: "\n").map { $0.split(separator: "\t") }
        XCTAssertFalse(rows.isEmpty)
        for row in rows {
            XCTAssertEqual(row.count, 6, "\(row)")
            XCTAssertEqual(row.count == 6 ? String(row[3]) : "", "coding")
            XCTAssertTrue(row.count == 6 && (row[5] == "+" || row[5] == "-"), "\(row)")
        }
    }
}
