import Foundation
import XCTest
@testable import SequenceIO

/// Opening: missing, unreadable and directory paths, empty and unrecognized content, and htslib
/// staying silent on standard error.
final class OpenErrorTests: SequenceIOTestCase {
    func testMissingFile() {
        let missing = path("missing.fa")
        assertFails(missing, "\(missing): cannot open: No such file or directory")
    }

    func testUnreadableFile() throws {
        if geteuid() == 0 { throw XCTSkip("root can read any file") }
        let file = try write("locked.fa", ">a\nA\n")
        chmod(file, 0)
        assertFails(file, "\(file): cannot open: Permission denied")
    }

    func testDirectory() {
        assertFails(directory.path, "\(directory.path): is a directory, not a sequence file")
    }

    func testEmptyInputs() throws {
        let empty = try write("empty.fa", "")
        assertFails(empty, "\(empty): input is empty")
        assertFails("/dev/null", "/dev/null: input is empty")
        let blank = try write("blank.fa", "\n \r\n\t\n")
        assertFails(blank, "\(blank): input is empty")
    }

    func testUnrecognizedContent() throws {
        var generator = SequenceGenerator(seed: 9)
        let junk = try write("junk.bin", (0..<4096).map { _ in UInt8(truncatingIfNeeded: generator.next()) })
        let expectedTail = "unrecognized input format; expected FASTA, FASTQ, SAM, BAM or CRAM, optionally gzip/bgzip-compressed"
        assertFails(junk, "\(junk): not FASTA, FASTQ, SAM, BAM or CRAM: a NUL byte at byte 37 (binary data, not sequence text)")
        let text = try write("notes.txt", "hello world\nthis is not a sequence\n")
        assertFails(text, "\(text): \(expectedTail)")
        let bed = try write("x.bed", "chr1\t0\t10\nchr1\t20\t30\n")
        assertFails(bed, "\(bed): unsupported input format (BED genomic region text); expected FASTA, FASTQ, SAM, BAM or CRAM, optionally gzip/bgzip-compressed")
    }

    func testHtslibPrintsNothingOnStandardError() throws {
        let junk = try write("junk.bin", [0x1F, 0x8B, 0x08, 0x00, 0x01, 0x02, 0x03])
        let sam = try write("x.sam", "@HD\tVN:1.6\nr1\t4\t*\t0\t0\t*\t*\t0\t0\tACGT\t*\n")
        try run("samtools", ["view", "--no-PG", "-b", "-o", path("x.bam"), sam])
        let bam = path("x.bam")
        let noEOF = try truncatedCopy(of: bam, to: "noeof.bam", keeping: try size(bam) - 28)
        let cut = try truncatedCopy(of: bam, to: "cut.bam", keeping: try size(bam) / 2)
        let captured = try captureStandardError {
            for file in [junk, noEOF, cut, path("missing")] {
                XCTAssertNotNil(failure(of: file), file)
            }
        }
        XCTAssertEqual(captured, "")
    }

    /// Runs `body` with file descriptor 2 redirected to a file and returns what was written there.
    private func captureStandardError(_ body: () throws -> Void) throws -> String {
        let capturePath = path("stderr.txt")
        _ = FileManager.default.createFile(atPath: capturePath, contents: nil)
        let saved = dup(2)
        let target = open(capturePath, O_WRONLY)
        XCTAssertGreaterThanOrEqual(saved, 0)
        XCTAssertGreaterThanOrEqual(target, 0)
        fflush(stderr)
        dup2(target, 2)
        close(target)
        defer {
            fflush(stderr)
            dup2(saved, 2)
            close(saved)
        }
        try body()
        fflush(stderr)
        return try String(contentsOfFile: capturePath, encoding: .utf8)
    }
}
