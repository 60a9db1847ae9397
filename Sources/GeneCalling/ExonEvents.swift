import ReadingFrames
import Windows

/// What happens at each boundary of a stretch for `ExonDecoder`'s sweep, read once from the bases:
/// per boundary x (0 … n, the point before base x) a set of `Flag`s (stop and start codons ending at or
/// beginning at x, splice sites) and the scores of the splice sites there (`SpliceSites`, base score
/// included). Keeps the sweep's loop to table reads: most boundaries have no flag and cost one load.
///
/// Memory: 18 bytes per boundary (the flags and two scores).
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
        var flags = [Flag](repeating: [], count: n + 1)
        var endSplice = [Double](repeating: 0, count: n + 1), startSplice = endSplice
        for x in 0...n {
            flags[n - x] = Flag(rawValue: table[Int(self.flags[x].rawValue)])
            endSplice[n - x] = self.startSplice[x]
            startSplice[n - x] = self.endSplice[x]
        }
        return ExonEvents(flags: flags, endSplice: endSplice, startSplice: startSplice)
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
        var stopFlags = [Flag](repeating: [], count: 64), atFlags = stopFlags
        for codon in 0..<64 {
            if plusStop[codon] { atFlags[codon].insert(.plusStopAt); stopFlags[codon].insert(.plusStopEnds) }
            if minusStop[codon] { atFlags[codon].insert(.minusStopAt); stopFlags[codon].insert(.minusStopEnds) }
        }
        atFlags[GeneticCode.codonIndex("ATG")!].insert(.atgAt)
        stopFlags[GeneticCode.codonIndex("CAT")!].insert(.catEnds)
        var keep: Flag = []
        if strands.plus { keep.formUnion([.plusEnds, .plusStarts]) }
        if strands.minus { keep.formUnion([.minusEnds, .minusStarts]) }
        let (a, c, g, t): (UInt8, UInt8, UInt8, UInt8) = (1, 2, 4, 8)
        flags.withUnsafeMutableBufferPointer { flags in
            // Codons [x, x + 3) with no ambiguous base: flags at their first base and just after their
            // last. `code` holds the last three bases' 2-bit codes, `valid` counts the unambiguous ones.
            var code = 0, valid = 0
            for x in 0..<n {
                let m = masks[x]
                if BaseEncoding.isUnambiguous(m) {
                    code = (code << 2 | m.trailingZeroBitCount) & 63
                    valid += 1
                } else {
                    valid = 0
                }
                if valid >= 3 {
                    flags[x - 2].formUnion(atFlags[code])
                    flags[x + 1].formUnion(stopFlags[code])
                }
            }
            // Splice sites: the dinucleotide from x (GT: plus donor, CT: minus acceptor) and the one
            // before x (AG: plus acceptor, AC: minus donor); their consensus scores only where they are.
            for x in 0...n {
                let next = x + 1 < n ? (masks[x], masks[x + 1]) : (0, 0)
                if next == (g, t) {
                    flags[x].insert(.plusDonor)
                    endSplice[x] = model.donorScore + sites.donor(x, minus: false)
                } else if next == (c, t) {
                    flags[x].insert(.minusAcceptor)
                    endSplice[x] = model.acceptorScore + sites.acceptor(x, minus: true)
                }
                let previous = x >= 2 ? (masks[x - 2], masks[x - 1]) : (0, 0)
                if previous == (a, g) {
                    flags[x].insert(.plusAcceptor)
                    startSplice[x] = model.acceptorScore + sites.acceptor(x, minus: false)
                } else if previous == (a, c) {
                    flags[x].insert(.minusDonor)
                    startSplice[x] = model.donorScore + sites.donor(x, minus: true)
                }
                flags[x].formIntersection(keep)
            }
        }
        self.init(flags: flags, endSplice: endSplice, startSplice: startSplice)
    }
}
