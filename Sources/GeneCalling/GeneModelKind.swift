/// Which gene structure the decoder calls (`--gene-model`).
public enum GeneModelKind: String, Sendable, Equatable, CaseIterable {
    /// Genes are open reading frames from a start codon to the first in-frame stop codon
    /// (`GeneDecoder`'s gene sweep): bacteria, archaea, their viruses, and intron-poor eukaryotes.
    case prokaryote
    /// Calls are coding exons (`ExonDecoder`): stop-free stretches in a frame that begin at a start
    /// codon or after a splice acceptor (AG) and end at a stop codon or before a splice donor (GT).
    case eukaryote
    /// Each record's first stretch decides (`GeneDecodingWriter`): eukaryote when the eukaryote model's
    /// best parse outscores the prokaryote model's by more than `GeneDecodingWriter.autoMargin` per kb.
    /// `GeneDecoder` itself decodes it as `prokaryote`.
    case auto
}
