// libFuzzer target for SequenceIO: FASTA/FASTQ/SAM text (and whatever else htslib detects: BAM,
// CRAM, gzip/BGZF) through SequenceReader, reading every record to its end. Any crash, hang or
// huge allocation is a finding; a thrown SequenceIOError is the expected outcome for bad input.
@testable import SequenceIO

/// Block sizes the reader is driven with, chosen by the first input byte, so block-boundary paths
/// (a record or line split across blocks) are exercised as well as the default 1 MiB block.
private let blockSizes = [1, 2, 3, 7, 64, 4096, 1 << 20]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSequence(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    _ = FuzzInput.isolateHtslib
    guard FuzzInput.write(data, size) else { return 0 }
    let blockSize = size > 0 ? blockSizes[Int(data![0]) % blockSizes.count] : 1 << 20
    let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 97)
    defer { buffer.deallocate() }
    do {
        let reader = try SequenceReader(path: FuzzInput.path, blockSize: blockSize)
        var records = 0
        while let info = try reader.nextRecord() {
            records += 1
            precondition(info.index >= 0 && info.line >= 0, "bad record info")
            // Read every other record to its end; skip the rest (nextRecord validates them).
            if records % 2 == 1 {
                while case let n = try reader.readBases(into: buffer), n > 0 {
                    precondition(n <= buffer.count, "readBases overran its buffer")
                    for k in 0..<n {
                        precondition("ACGTNRYSWKMBDHV".utf8.contains(buffer[k]), "unvalidated base \(buffer[k])")
                    }
                }
            }
        }
        // After the end, reading stays at the end.
        let after = try reader.nextRecord()
        precondition(after == nil, "record after end of input")
    } catch {
        // A typed error must render as one non-empty line.
        let text = "\(error)"
        precondition(FuzzInput.isOneLine(text), "error message is not one printable line: \(text.debugDescription)")
    }
    return 0
}
