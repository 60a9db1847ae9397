import Foundation
@testable import Training

/// Generated genomes for training tests: blocks of codon-structured sequence (random sense codons,
/// no stop codons, with a skewed codon usage) annotated as CDS on the plus strand, the reverse
/// complement of such blocks annotated on the minus strand, and uniformly random non-coding blocks.
enum SyntheticGenome {
    private static let letters: [Character] = ["A", "C", "G", "T"]
    private static let stops: Set<String> = ["TAA", "TAG", "TGA"]

    /// The 61 sense codons with weights `e^(1.5·N(0,1))` drawn from `usageSeed`.
    static func codonUsage(usageSeed: UInt64) -> [(codon: String, weight: Double)] {
        var rng = Xoshiro256StarStar(seed: usageSeed)
        var usage: [(String, Double)] = []
        for a in letters { for b in letters { for c in letters {
            let codon = String([a, b, c])
            if !stops.contains(codon) { usage.append((codon, exp(1.5 * rng.normal()))) }
        } } }
        return usage
    }

    /// One record of `blocks` blocks of `blockLength` bases (a multiple of 3), types chosen at random.
    static func make(name: String, seed: UInt64, usageSeed: UInt64, blocks: Int, blockLength: Int) -> GenomeData {
        let usage = codonUsage(usageSeed: usageSeed)
        let total = usage.reduce(0) { $0 + $1.weight }
        var rng = Xoshiro256StarStar(seed: seed)
        func codon() -> String {
            var u = rng.unitDouble() * total
            for (codon, weight) in usage {
                u -= weight
                if u < 0 { return codon }
            }
            return usage[usage.count - 1].codon
        }
        var sequence = ""
        var plus: [UInt8] = []
        var minus: [UInt8] = []
        for _ in 0..<blocks {
            let kind = rng.uniform(below: 3)
            var block = ""
            if kind == 2 {
                block = String((0..<blockLength).map { _ in letters[rng.uniform(below: 4)] })
            } else {
                for _ in 0..<(blockLength / 3) { block += codon() }
                if kind == 1 { block = reverseComplement(block) }
            }
            sequence += block
            plus += [UInt8](repeating: kind == 0 ? 1 : 0, count: blockLength)
            minus += [UInt8](repeating: kind == 1 ? 1 : 0, count: blockLength)
        }
        let record = GenomeRecord(name: name, sequence: sequence, plusCoverage: plus, minusCoverage: minus)
        return GenomeData(path: name + ".fa", annotationPath: name + ".gff3", records: [record], cdsCount: blocks)
    }

    static func reverseComplement(_ s: String) -> String {
        let pairs: [Character: Character] = ["A": "T", "C": "G", "G": "C", "T": "A"]
        return String(s.reversed().map { pairs[$0]! })
    }
}
