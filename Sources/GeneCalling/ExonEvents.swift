import ReadingFrames
import Windows

/// What happens at each boundary of a stretch for `ExonDecoder`'s sweep, read once from the bases:
/// per boundary x (0 … n, the point before base x) a set of `Flag`s (stop and start codons ending at or
/// beginning at x, splice sites) and the scores of the splice sites there (`SpliceSites`, base score
/// included). Keeps the sweep's loop to table reads: most boundaries have no flag and cost one load.
///
/// Memory: 18 bytes per boundary (the flags and two scores), and while it is built 6 more (the
/// acceptors' prefix counts and the list of one kind of site).
struct ExonEvents {
    /// Events at a boundary x; "ends" are about the codon or site just before x, "at" about the one from x on.
    struct Flag: OptionSet {
        let rawValue: UInt16
        /// The codon [x − 3, x) is a stop codon on the plus strand / on the minus strand, or CAT (ATG on minus).
        static let plusStopEnds = Flag(rawValue: 1 << 0)
        static let minusStopEnds = Flag(rawValue: 1 << 1)
        static let catEnds = Flag(rawValue: 1 << 2)
        /// GT follows x on the plus strand (a plus exon may end at x) / AG precedes x on the minus strand
        /// (a minus exon may end at x): their score is `endSplice[x]`.
        static let plusDonor = Flag(rawValue: 1 << 3)
        static let minusAcceptor = Flag(rawValue: 1 << 4)
        /// The codon [x, x + 3) is ATG / a plus-strand stop / a minus-strand stop.
        static let atgAt = Flag(rawValue: 1 << 5)
        static let plusStopAt = Flag(rawValue: 1 << 6)
        static let minusStopAt = Flag(rawValue: 1 << 7)
        /// AG precedes x on the plus strand (a plus exon may begin at x) / GT follows x on the minus
        /// strand (a minus exon may begin at x): their score is `startSplice[x]`.
        static let plusAcceptor = Flag(rawValue: 1 << 8)
        static let minusDonor = Flag(rawValue: 1 << 9)

        /// The flags that concern exons ending at x, and those that concern exons starting at x, per strand.
        static let plusEnds: Flag = [.plusStopEnds, .plusDonor]
        static let minusEnds: Flag = [.minusStopEnds, .catEnds, .minusAcceptor]
        static let plusStarts: Flag = [.atgAt, .plusStopAt, .plusAcceptor]
        static let minusStarts: Flag = [.minusStopAt, .minusDonor]
    }

    /// n + 1 flag sets, by boundary.
    let flags: [Flag]
    /// Splice scores by boundary (0 where there is no site): an exon ending / beginning at x.
    let endSplice: [Double]
    let startSplice: [Double]

    private init(flags: [Flag], endSplice: [Double], startSplice: [Double]) {
        self.flags = flags
        self.endSplice = endSplice
        self.startSplice = startSplice
    }

    /// The events of the reverse complement of the stretch (what `init` would read from it, without
    /// reading it): boundary x becomes n − x, each flag its mirror (a plus-strand stop codon ending at x
    /// is a minus-strand stop codon beginning at n − x, CAT ending is ATG beginning, a plus donor a
    /// minus donor, …) and an end's splice score a start's.
    func mirrored() -> ExonEvents {
        let n = flags.count - 1
        let table = ExonEvents.mirrorTable
        let flags = [Flag](unsafeUninitializedCapacity: n + 1) { mirror, count in
            self.flags.withUnsafeBufferPointer { flags in
                table.withUnsafeBufferPointer { table in
                    for x in 0...n { mirror[n - x] = Flag(rawValue: table[Int(flags[x].rawValue)]) }
                }
            }
            count = n + 1
        }
        /// `values` backwards.
        func reversed(_ values: [Double]) -> [Double] {
            [Double](unsafeUninitializedCapacity: n + 1) { mirror, count in
                values.withUnsafeBufferPointer { values in
                    for x in 0...n { mirror[n - x] = values[x] }
                }
                count = n + 1
            }
        }
        return ExonEvents(flags: flags, endSplice: reversed(startSplice), startSplice: reversed(endSplice))
    }

    /// Each flag set's mirror (an involution on the ten flags).
    private static let mirrorTable: [UInt16] = {
        let pairs: [(Flag, Flag)] = [(.plusStopEnds, .minusStopAt), (.minusStopEnds, .plusStopAt), (.catEnds, .atgAt),
                                     (.plusDonor, .minusDonor), (.minusAcceptor, .plusAcceptor)]
        return (0..<1024).map { raw in
            let flags = Flag(rawValue: UInt16(raw))
            var mirror: Flag = []
            for (a, b) in pairs {
                if flags.contains(a) { mirror.insert(b) }
                if flags.contains(b) { mirror.insert(a) }
            }
            return mirror.rawValue
        }
    }()

    /// - Parameters:
    ///   - plusStop, minusStop: codon index → stop codon on that strand (64 entries).
    ///   - strands: flags of a strand left out are never set.
    init(masks: UnsafeBufferPointer<UInt8>, model: GeneModel, plusStop: [Bool], minusStop: [Bool],
         strands: (plus: Bool, minus: Bool)) {
        let n = masks.count
        var flags = [Flag](repeating: [], count: n + 1)
        var endSplice = [Double](repeating: 0, count: n + 1), startSplice = endSplice
        let sites = SpliceSites(masks: masks, weight: model.spliceConsensusWeight)
        var keep: Flag = []
        if strands.plus { keep.formUnion([.plusEnds, .plusStarts]) }
        if strands.minus { keep.formUnion([.minusEnds, .minusStarts]) }
        // What a codon (by index; 64: none) flags at its first base and just after its last, and what a
        // dinucleotide (by 2-bit codes; 16: none) flags at its first base and just after its second
        // (GT: a plus donor follows, CT: a minus acceptor; AG: a plus acceptor precedes, AC: a minus donor).
        var codonAt = [UInt16](repeating: 0, count: 65), codonEnds = codonAt
        for codon in 0..<64 {
            var at: Flag = [], ends: Flag = []
            if plusStop[codon] { at.insert(.plusStopAt); ends.insert(.plusStopEnds) }
            if minusStop[codon] { at.insert(.minusStopAt); ends.insert(.minusStopEnds) }
            if codon == ExonDecoder.atg { at.insert(.atgAt) }
            if codon == ExonDecoder.cat { ends.insert(.catEnds) }
            codonAt[codon] = at.intersection(keep).rawValue
            codonEnds[codon] = ends.intersection(keep).rawValue
        }
        var pairFrom = [UInt16](repeating: 0, count: 17), pairAfter = pairFrom
        let (a, c, g, t) = (0, 1, 2, 3)
        pairFrom[g << 2 | t] = Flag.plusDonor.intersection(keep).rawValue
        pairFrom[c << 2 | t] = Flag.minusAcceptor.intersection(keep).rawValue
        pairAfter[a << 2 | g] = Flag.plusAcceptor.intersection(keep).rawValue
        pairAfter[a << 2 | c] = Flag.minusDonor.intersection(keep).rawValue
        flags.withUnsafeMutableBufferPointer { flags in
            flags.withMemoryRebound(to: UInt16.self) { raw in
                // One pass without data-dependent branches: `code` holds the last three bases' 2-bit
                // codes, `valid` counts the unambiguous bases in a row (up to 3).
                var code = 0, valid = 0
                for x in 0..<n {
                    let m = masks[x], unambiguous = BaseEncoding.isUnambiguous(m)
                    code = (code << 2 | m.trailingZeroBitCount & 3) & 63
                    valid = unambiguous ? min(valid + 1, 3) : 0
                    let codon = valid == 3 ? code : 64, pair = valid >= 2 ? code & 15 : 16
                    raw[max(x - 2, 0)] |= codonAt[codon]
                    raw[max(x - 1, 0)] |= pairFrom[pair]
                    raw[x + 1] |= codonEnds[codon] | pairAfter[pair]
                }
            }
        }
        // Their consensus scores; an acceptor's pyrimidine tract from prefix counts of the unambiguous
        // pyrimidines (C, T: the plus strand's) and purines (A, G: the minus strand's pyrimidines),
        // modulo 256: a tract's count (at most 10) is their difference, exact in wrapping arithmetic.
        var pyrimidines = [UInt8](repeating: 0, count: n + 1), purines = pyrimidines
        for x in 0..<n {
            let m = masks[x], unambiguous: UInt8 = BaseEncoding.isUnambiguous(m) ? 1 : 0
            pyrimidines[x + 1] = pyrimidines[x] &+ (m & (2 | 8) != 0 ? unambiguous : 0)
            purines[x + 1] = purines[x] &+ (m & (1 | 4) != 0 ? unambiguous : 0)
        }
        /// Counts in [a, b) (at most 255 bases) clamped to the stretch.
        func count(_ prefix: [UInt8], _ a: Int, _ b: Int) -> Int {
            Int(prefix[min(max(b, 0), n)] &- prefix[min(max(a, 0), n)])
        }
        // Each kind of site in turn: its boundaries listed without a branch, then scored.
        var sitesAt = [Int32](repeating: 0, count: n + 1)
        for kind in [Flag.plusDonor, .minusAcceptor, .plusAcceptor, .minusDonor] {
            let siteCount = flags.withUnsafeBufferPointer { flags in
                sitesAt.withUnsafeMutableBufferPointer { sites in
                    var count = 0
                    let shift = UInt16(kind.rawValue.trailingZeroBitCount)
                    for x in 0...n {
                        sites[count] = Int32(x)
                        count &+= Int((flags[x].rawValue & kind.rawValue) >> shift)   // 0 or 1: no branch
                    }
                    return count
                }
            }
            for site in sitesAt[0..<siteCount] {
                let x = Int(site)
                switch kind {
                case .plusDonor: endSplice[x] = model.donorScore + sites.donor(x, minus: false)
                // Strand offsets −14 … −5 are forward positions x + 4 … x + 13 on the minus strand.
                case .minusAcceptor:
                    endSplice[x] = model.acceptorScore + sites.acceptor(x, minus: true, tract: count(purines, x + 4, x + 14))
                case .plusAcceptor:
                    startSplice[x] = model.acceptorScore + sites.acceptor(x, minus: false, tract: count(pyrimidines, x - 14, x - 4))
                default: startSplice[x] = model.donorScore + sites.donor(x, minus: true)
                }
            }
        }
        self.init(flags: flags, endSplice: endSplice, startSplice: startSplice)
    }
}
