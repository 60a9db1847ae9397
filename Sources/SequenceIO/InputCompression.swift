/// The outer compression of a sequence input, as detected by htslib from the content.
///
/// `gzip` is a plain (non-blocked) gzip stream, `bgzf` is blocked gzip as written by `bgzip` or
/// `samtools`. BAM is always `bgzf`. CRAM reports `none`: its internal block codecs are not an outer
/// compression layer.
public enum InputCompression: String, Sendable {
    case none, gzip, bgzf
}
