import Foundation
import Tracks
import TrackTestSupport
import XCTest

/// `-f bigwig -o FILE` through the binary: read back with libBigWig, the file holds exactly the
/// bedGraph's intervals and values, whether the sizes came from a `.fai` or the bins were spooled.
final class BigWigTests: XCTestCase {
    let model = "fixtures/models/tiny.safetensors"

    func scratch() throws -> String {
        let dir = NSTemporaryDirectory() + "codingscan-bigwig-\(UUID().uuidString)/"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A `.fai` for a plain FASTA file (name, length, offset, line bases, line width; the last three are
    /// not used by codingscan but must be there).
    func writeIndex(for fasta: String) throws {
        let text = try String(contentsOfFile: fasta, encoding: .utf8)
        var rows: [(String, Int)] = []
        for line in text.split(separator: "\n") {
            if line.hasPrefix(">") {
                rows.append((String(line.dropFirst().split(separator: " ").first ?? ""), 0))
            } else {
                rows[rows.count - 1].1 += line.count
            }
        }
        let fai = rows.map { "\($0.0)\t\($0.1)\t0\t60\t61\n" }.joined()
        try fai.write(toFile: fasta + ".fai", atomically: true, encoding: .utf8)
    }

    func intervals(ofBedGraph text: String) -> [BigWigReader.Interval] {
        text.split(separator: "\n").map { line in
            let f = line.split(separator: "\t")
            return BigWigReader.Interval(chrom: String(f[0]), start: Int(f[1])!, end: Int(f[2])!, value: Float(f[3])!)
        }
    }

    func testBigWigMatchesBedGraphWithAndWithoutIndex() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // The window track (--raw) of pPCP1 (9.6 kb) at step 3 gives blocks over libBigWig's 2,730
        // intervals; two.fa adds two records.
        let unpacked = try CLIRunner.run([], shell: "gzip -dc fixtures/real/pPCP1.fa.gz > \(dir)pPCP1.fa && "
            + "cp fixtures/seq/two.fa \(dir)two.fa")
        XCTAssertEqual(unpacked.status, 0, unpacked.stderrText)
        let inputs = [dir + "pPCP1.fa", dir + "two.fa"]
        for strand in ["both", "minus"] {
            let args = ["-m", model, "-s", "3", "--strand", strand, "--raw"]
            let bedGraph = try CLIRunner.run(args + inputs)
            XCTAssertEqual(bedGraph.status, 0, bedGraph.stderrText)
            let expected = intervals(ofBedGraph: bedGraph.stdoutText)
            XCTAssertGreaterThan(expected.count, 3000)
            for indexed in [false, true] {
                if indexed { for input in inputs { try writeIndex(for: input) } }
                let out = dir + "track-\(strand)-\(indexed).bw"
                let r = try CLIRunner.run(args + ["-f", "bigwig", "-o", out] + inputs)
                XCTAssertEqual(r.status, 0, r.stderrText)
                XCTAssertEqual(r.stdout, Data())
                XCTAssertEqual(r.stderrText, "")
                let reader = try BigWigReader(path: out)
                XCTAssertEqual(reader.sequences.map(\.name), ["NC_005816.1", "alpha", "beta"])
                XCTAssertEqual(reader.sequences.map(\.length), [9609, 1000, 383])
                let got = reader.allIntervals()
                XCTAssertEqual(got.count, expected.count)
                XCTAssertEqual(got, expected, "strand \(strand), indexed \(indexed)")
                // Region queries go through the R-tree index: every 101st interval is found by its own range.
                for e in stride(from: 0, to: expected.count, by: 101).map({ expected[$0] }) {
                    XCTAssertTrue(reader.intervals(chrom: e.chrom, start: e.start, end: e.end).contains(e), "\(e)")
                }
            }
            for input in inputs { unlink(input + ".fai") }
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: dir).filter { !$0.hasSuffix(".bw") }.sorted()
        XCTAssertEqual(left, ["pPCP1.fa", "two.fa"], "no temporary or spool file is left")
    }

    /// The decoded track (the default; `--decoded` names it) as bigWig holds exactly the decoded bedGraph's runs.
    func testDecodedBigWigMatchesDecodedBedGraph() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        XCTAssertEqual(try CLIRunner.run([], shell: "gzip -dc fixtures/real/pPCP1.fa.gz > \(dir)pPCP1.fa").status, 0)
        let bedGraph = try CLIRunner.run([dir + "pPCP1.fa"])
        XCTAssertEqual(bedGraph.status, 0, bedGraph.stderrText)
        let expected = intervals(ofBedGraph: bedGraph.stdoutText)
        XCTAssertGreaterThan(expected.count, 50)
        for indexed in [false, true] {
            if indexed { try writeIndex(for: dir + "pPCP1.fa") }
            let out = dir + "decoded-\(indexed).bw"
            let r = try CLIRunner.run(["--decoded", "-o", out, dir + "pPCP1.fa"])
            XCTAssertEqual(r.status, 0, r.stderrText)
            XCTAssertEqual(r.stderrText, "")
            XCTAssertEqual(try BigWigReader(path: out).allIntervals(), expected, "indexed \(indexed)")
        }
    }

    func testStaleOrWrongIndex() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: CLIRunner.root.path + "/fixtures/seq/two.fa", toPath: dir + "two.fa")
        // An index that disagrees with the file (beta is 383 bp) is an error naming it, and no output is left.
        try "alpha\t1000\t0\t60\t61\nbeta\t400\t0\t60\t61\n".write(toFile: dir + "two.fa.fai", atomically: true,
                                                                  encoding: .utf8)
        let wrong = try CLIRunner.run(["-m", model, "-f", "bigwig", "-o", dir + "t.bw", dir + "two.fa"])
        XCTAssertEqual(wrong.status, 1)
        XCTAssertEqual(wrong.stderrText, "codingscan: \(dir)t.bw: record 'beta' is 383 bp but 400 bp in "
            + "\(dir)two.fa.fai; re-index the input (samtools faidx)\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir).sorted(), ["two.fa", "two.fa.fai"])
        // An index older than its FASTA file is not trusted: the bins are spooled instead.
        let old = Date(timeIntervalSinceNow: -3600)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: dir + "two.fa.fai")
        let stale = try CLIRunner.run(["-m", model, "-f", "bigwig", "-o", dir + "t.bw", dir + "two.fa"])
        XCTAssertEqual(stale.status, 0, stale.stderrText)
        XCTAssertEqual(try BigWigReader(path: dir + "t.bw").sequences.map(\.length), [1000, 383])
    }

    func testDuplicateNamesAndInterrupt() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let twice = try CLIRunner.run(["-m", model, "-f", "bigwig", "-o", dir + "t.bw", "fixtures/seq/two.fa",
                                       "fixtures/seq/two.fa"])
        XCTAssertEqual(twice.status, 1)
        XCTAssertEqual(twice.stderrText, "codingscan: \(dir)t.bw: sequence name 'alpha' occurs twice; a bigWig needs "
            + "unique names (write bedGraph instead)\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), [])
        // ^C while spooling leaves neither the temporary bigWig nor the spool file.
        let r = try CLIRunner.run([], shell: """
            mkfifo \(dir)in
            "$CODINGSCAN" -m \(model) -f bigwig -o \(dir)out.bw < \(dir)in & pid=$!
            exec 3> \(dir)in
            cat fixtures/real/pPCP1.fa.gz >&3
            for i in $(seq 100); do ls -a \(dir) | grep -q tmp && break; sleep 0.1; done
            ls -a \(dir) | grep -c tmp
            kill -INT $pid; wait $pid; echo "status $?"; exec 3>&-; ls -a \(dir)
            """)
        XCTAssertEqual(r.stdoutText, "1\nstatus 130\n.\n..\nin\n", r.stderrText)
    }
}
