// libFuzzer target for Annotation: GFF3/GTF/BED (plain or gzip/BGZF) through AnnotationReader.read.
// The first byte also picks a forced format for a quarter of the inputs each, so every line parser
// sees every input shape. A thrown AnnotationError is the expected outcome for bad input.
import Annotation

private let formats: [AnnotationFormat?] = [nil, .gff3, .gtf, .bed]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnnotation(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard FuzzInput.write(data, size) else { return 0 }
    let format = size > 0 ? formats[Int(data![0] >> 6)] : nil
    do {
        let set = try AnnotationReader.read(path: FuzzInput.path, format: format)
        _ = "\(set)"
    } catch {
        let text = "\(error)"
        precondition(FuzzInput.isOneLine(text), "error message is not one printable line: \(text.debugDescription)")
    }
    return 0
}
