import Foundation
import XCTest

/// One command language: `-t`, `-w`, `-s`, `-o`, `-q` mean the same in scan, eval and train.
final class CommandOptionsTests: XCTestCase {
    let model = "fixtures/models/tiny.safetensors"
    let pair = ["--genome", "fixtures/real/pPCP1.fa.gz", "--annotation", "fixtures/real/pPCP1.gff3.gz"]

    func testEvalWritesItsReportWithOutputAndTakesThreads() throws {
        let dir = NSTemporaryDirectory() + "codingscan-evalo-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let stdout = try CLIRunner.run(["eval", "-m", model] + pair)
        XCTAssertEqual(stdout.status, 0, stdout.stderrText)
        let file = try CLIRunner.run(["eval", "-m", model, "-t", "1", "-o", dir + "/r.tsv"] + pair)
        XCTAssertEqual(file.status, 0, file.stderrText)
        XCTAssertEqual(file.stdoutText, "")
        XCTAssertEqual(try String(contentsOfFile: dir + "/r.tsv", encoding: .utf8), stdout.stdoutText)
        let same = try CLIRunner.run(["eval", "-m", model, "-o", dir + "/x", "--plot", dir + "/x"] + pair)
        XCTAssertEqual(same.status, 64)
        XCTAssertEqual(same.stderrText, "codingscan: --output \(dir)/x is the plot (--plot) \(dir)/x; refusing to overwrite it\n")
        let input = try CLIRunner.run(["eval", "-m", model, "-o", "fixtures/real/pPCP1.gff3.gz"] + pair)
        XCTAssertEqual(input.status, 64, input.stderrText)
        let threads = try CLIRunner.run(["eval", "-m", model, "-t", "0"] + pair)
        XCTAssertEqual(threads.stderrText, "codingscan: --threads must be between 1 and 1024 (got 0) "
            + "(see 'codingscan eval --help')\n")
    }

    func testTrainTakesTheShortOptions() throws {
        let dir = NSTemporaryDirectory() + "codingscan-trainw-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try CLIRunner.run(["train", "--genome", "fixtures/real/pPCP1.fa.gz", "--annotation",
                                   "fixtures/real/pPCP1.gff3.gz", "--validate-genome", "fixtures/real/pPCP1.fa.gz",
                                   "--validate-annotation", "fixtures/real/pPCP1.gff3.gz", "-w", "60", "-s", "20",
                                   "-t", "1", "--channels", "4", "--kernels", "3", "--pools", "1", "--pool-kinds", "max",
                                   "--hidden", "4", "--epochs", "1", "--windows-per-epoch", "64",
                                   "--validation-windows", "64", "-q", "-o", dir + "/m.safetensors"])
        XCTAssertEqual(r.status, 0, r.stderrText)
        XCTAssertEqual(r.stderrText, "", "-q: no progress")
        let info = try CLIRunner.run(["model-info", "-m", dir + "/m.safetensors"]).stdoutText
        XCTAssertTrue(info.contains("window:            60 bases") && info.contains("step:              20 bases"), info)
        XCTAssertTrue(info.contains("\"threads\": 1"), info)
    }

    func testUnknownKernelVariantSaysSo() throws {
        let r = try CLIRunner.run(["-m", model, "fixtures/seq/two.fa"], environment: ["CODINGSCAN_KERNELS": "avx9000"])
        XCTAssertEqual(r.status, 0)
        XCTAssertEqual(r.stderrText, "codingscan: warning: CODINGSCAN_KERNELS=avx9000 is not portable, avx2, avxvnni, avx512 or avx512vnni; "
            + "using the best the CPU has\n")
        let quiet = try CLIRunner.run(["-q", "-m", model, "fixtures/seq/two.fa"], environment: ["CODINGSCAN_KERNELS": "avx9000"])
        XCTAssertEqual(quiet.stderrText, "")
        let known = try CLIRunner.run(["-m", model, "fixtures/seq/two.fa"], environment: ["CODINGSCAN_KERNELS": "portable"])
        XCTAssertEqual(known.stderrText, "")
        XCTAssertEqual(known.stdoutText, r.stdoutText)
    }

    /// `--precision int8` where the CPU (or `CODINGSCAN_KERNELS`) leaves only the portable 8-bit kernel
    /// warns that it is slower than floats; with VNNI, or with `-q`, nothing is said.
    func testEightBitsWithoutVNNIWarns() throws {
        let warning = "codingscan: warning: --precision int8 on a CPU without VNNI runs a portable 8-bit kernel, "
            + "several times slower than fp32 here (same output)\n"
        let arguments = ["--precision", "int8", "-m", model, "fixtures/seq/two.fa"]
        let slow = try CLIRunner.run(arguments, environment: ["CODINGSCAN_KERNELS": "avx2"])
        XCTAssertEqual(slow.status, 0)
        XCTAssertEqual(slow.stderrText, warning)
        let quiet = try CLIRunner.run(["-q"] + arguments, environment: ["CODINGSCAN_KERNELS": "avx2"])
        XCTAssertEqual(quiet.stderrText, "")
        XCTAssertEqual(quiet.stdoutText, slow.stdoutText)
        let flags = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let vnni = flags.contains(" avx512_vnni") || flags.contains(" avx_vnni")
        let best = try CLIRunner.run(arguments)
        XCTAssertEqual(best.stderrText, vnni ? "" : warning)
        XCTAssertEqual(best.stdoutText, slow.stdoutText)
    }
}
