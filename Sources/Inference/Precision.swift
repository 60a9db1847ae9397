/// The arithmetic of the convolutions after the first (`--precision`).
public enum Precision: String, CaseIterable, Sendable {
    /// 32-bit floats, as the network was trained.
    case fp32
    /// 8-bit integers with exact 32-bit sums (`Int8Conv`): about 4 times the multiply-adds per
    /// instruction on CPUs with AVX-512 VNNI, the same floats out on every CPU.
    case int8
}
