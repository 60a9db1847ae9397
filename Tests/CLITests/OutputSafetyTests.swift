import Foundation
import XCTest

/// `-o`, `--plot` and `train -o` never destroy what they name: devices and FIFOs are written in place,
/// inputs of every role are refused, and write errors on devices are errors. Devices are made with
/// mknod in a scratch directory (root only); the real /dev/null and /dev/full are never touched.
final class OutputSafetyTests: XCTestCase {
    let model = "fixtures/models/tiny.safetensors"
    var dir = ""

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "codingscan-safety-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: dir)
    }

    private func fileType(_ path: String) -> UInt32 {
        var s = stat()
        guard lstat(path, &s) == 0 else { return 0 }
        return UInt32(s.st_mode) & UInt32(S_IFMT)
    }

    private func devices() throws -> (null: String, full: String) {
        try XCTSkipUnless(getuid() == 0, "mknod needs root; skipped")
        let null = dir + "/null", full = dir + "/full"
        XCTAssertEqual(mknod(null, S_IFCHR | 0o666, dev_t(1 << 8 | 3)), 0)
        XCTAssertEqual(mknod(full, S_IFCHR | 0o666, dev_t(1 << 8 | 7)), 0)
        return (null, full)
    }

    func testDevicesAreWrittenInPlace() throws {
        let (null, full) = try devices()
        let ok = try CLIRunner.run(["-m", model, "-o", null, "fixtures/seq/two.fa"])
        XCTAssertEqual(ok.status, 0, ok.stderrText)
        let bad = try CLIRunner.run(["-m", model, "-o", full, "fixtures/real/pPCP1.fa.gz"])
        XCTAssertEqual(bad.status, 1)
        XCTAssertEqual(bad.stderrText, "codingscan: \(full): write failed: No space left on device\n")
        let plot = try CLIRunner.run(["eval", "-m", model, "--genome", "fixtures/real/pPCP1.fa.gz", "--annotation",
                                      "fixtures/real/pPCP1.gff3.gz", "--plot", full])
        XCTAssertEqual(plot.status, 1)
        XCTAssertEqual(plot.stderrText, "codingscan: \(full): write failed: No space left on device\n")
        let train = try CLIRunner.run(["train", "--genome", "fixtures/real/pPCP1.fa.gz", "--annotation",
                                       "fixtures/real/pPCP1.gff3.gz", "--validate-genome", "fixtures/real/pPCP1.fa.gz",
                                       "--validate-annotation", "fixtures/real/pPCP1.gff3.gz", "--epochs", "1",
                                       "--windows-per-epoch", "64", "--validation-windows", "64", "--threads", "1", "--channels", "4",
                                       "--kernels", "3", "--pools", "1", "--pool-kinds", "max", "--hidden", "4",
                                       "-q", "-o", null])
        XCTAssertEqual(train.status, 0, train.stderrText)
        let bigwig = try CLIRunner.run(["-m", model, "-f", "bigwig", "-o", null, "fixtures/seq/two.fa"])
        XCTAssertEqual(bigwig.status, 1)
        XCTAssertEqual(bigwig.stderrText, "codingscan: \(null): a bigWig is written by seeking: -o must name a "
            + "regular file, not a device or FIFO\n")
        for device in [null, full] { XCTAssertEqual(fileType(device), UInt32(S_IFCHR), "\(device) replaced") }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir).sorted(), ["full", "null"])
    }

    func testFIFOIsWrittenNotReplaced() throws {
        let fifo = dir + "/track.fifo"
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let r = try CLIRunner.run([], shell: "cat '\(fifo)' > '\(dir)/copy' & \"$CODINGSCAN\" -m \(model) -o '\(fifo)' "
            + "fixtures/seq/two.fa; status=$?; wait; exit $status")
        XCTAssertEqual(r.status, 0, r.stderrText)
        let direct = try CLIRunner.run(["-m", model, "fixtures/seq/two.fa"])
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: dir + "/copy")), direct.stdout)
        XCTAssertEqual(fileType(fifo), UInt32(S_IFIFO))
    }

    /// Every file the run reads is refused as an output, by inode: model, index, regions file, annotation,
    /// track, through a hard link and a symbolic link; the file is unchanged afterwards.
    func testEveryInputRoleIsRefused() throws {
        let fm = FileManager.default
        try fm.copyItem(atPath: model, toPath: dir + "/m.safetensors")
        try fm.copyItem(atPath: "fixtures/seq/two.fa", toPath: dir + "/two.fa")
        XCTAssertEqual(try CLIRunner.run([], shell: "samtools faidx '\(dir)/two.fa'").status, 0)
        try Data("seq1\t0\t100\n".utf8).write(to: URL(fileURLWithPath: dir + "/r.bed"))
        XCTAssertEqual(link(dir + "/m.safetensors", dir + "/hard"), 0)
        try fm.createSymbolicLink(atPath: dir + "/soft", withDestinationPath: dir + "/two.fa.fai")
        let cases: [([String], String)] = [
            (["-m", dir + "/m.safetensors", "-o", dir + "/hard", dir + "/two.fa"],
             "--output \(dir)/hard is the model file (--model) \(dir)/m.safetensors"),
            (["-m", model, "-o", dir + "/soft", dir + "/two.fa"],
             "--output \(dir)/soft is the index of \(dir)/two.fa \(dir)/two.fa.fai"),
            (["-m", model, "--regions-file", dir + "/r.bed", "-o", dir + "/./r.bed", dir + "/two.fa"],
             "--output \(dir)/./r.bed is the regions file (--regions-file) \(dir)/r.bed"),
            (["eval", "-m", dir + "/m.safetensors", "--genome", dir + "/two.fa", "--annotation",
              "fixtures/real/pPCP1.gff3.gz", "--plot", dir + "/hard"],
             "--plot \(dir)/hard is the model file (--model) \(dir)/m.safetensors"),
        ]
        let before = try cases.map { _ in try Data(contentsOf: URL(fileURLWithPath: dir + "/m.safetensors")) }
        for (args, message) in cases {
            let r = try CLIRunner.run(args)
            XCTAssertEqual(r.status, 64, args.joined(separator: " "))
            XCTAssertEqual(r.stderrText, "codingscan: \(message); refusing to overwrite it\n")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: dir + "/m.safetensors")), before[0])
        XCTAssertEqual(fileType(dir + "/soft"), UInt32(S_IFLNK))
    }

    func testStandardStreamsAreRoles() throws {
        try Data(contentsOf: URL(fileURLWithPath: "fixtures/seq/two.fa")).write(to: URL(fileURLWithPath: dir + "/in.fa"))
        let r = try CLIRunner.run([], shell: "\"$CODINGSCAN\" -m \(model) -o '\(dir)/in.fa' < '\(dir)/in.fa'")
        XCTAssertEqual(r.status, 64)
        XCTAssertEqual(r.stderrText, "codingscan: --output \(dir)/in.fa is standard input; refusing to overwrite it\n")
        let plot = try CLIRunner.run([], shell: "\"$CODINGSCAN\" eval -m \(model) --genome fixtures/seq/two.fa "
            + "--annotation fixtures/real/pPCP1.gff3.gz --plot '\(dir)/r.tsv' > '\(dir)/r.tsv'")
        XCTAssertEqual(plot.status, 64)
        XCTAssertEqual(plot.stderrText, "codingscan: --plot \(dir)/r.tsv is standard output; refusing to overwrite it\n")
    }

    /// `-o /dev/stdout` writes through standard output as it is open: into a pipe, and after what the
    /// shell already wrote to a file (never replacing that file).
    func testDevStdoutIsStandardOutput() throws {
        let direct = try CLIRunner.run(["-m", model, "fixtures/seq/two.fa"])
        let piped = try CLIRunner.run([], shell: "\"$CODINGSCAN\" -m \(model) -o /dev/stdout fixtures/seq/two.fa | cat")
        XCTAssertEqual(piped.status, 0, piped.stderrText)
        XCTAssertEqual(piped.stdout, direct.stdout)
        let file = dir + "/out.bg"
        let grouped = try CLIRunner.run([], shell: "{ echo header; \"$CODINGSCAN\" -m \(model) -o /dev/stdout "
            + "fixtures/seq/two.fa; } > '\(file)'")
        XCTAssertEqual(grouped.status, 0, grouped.stderrText)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: file)), Data("header\n".utf8) + direct.stdout)
    }

    func testDirectoriesAndMissingDirectoriesAreClearErrors() throws {
        let r = try CLIRunner.run(["-m", model, "-o", dir, "fixtures/seq/two.fa"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stderrText, "codingscan: \(dir): cannot create output: Is a directory\n")
        let missing = try CLIRunner.run(["-m", model, "-o", dir + "/no/out.bed", "fixtures/seq/two.fa"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.stderrText, "codingscan: \(dir)/no/out.bed: cannot create output: No such file or directory\n")
    }

    func testLongestOutputNameWorks() throws {
        let path = dir + "/" + String(repeating: "x", count: 250) + ".bed"
        let r = try CLIRunner.run(["-m", model, "-o", path, "fixtures/seq/two.fa"])
        XCTAssertEqual(r.status, 0, r.stderrText)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir).count, 1)
    }
}
