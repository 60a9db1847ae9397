/// A dynamic program that `ExonDecoder.sweep` feeds, boundary by boundary: F[x] = best (or log-sum) of
/// F[x − 1] and, over the exons [s, x), F[s] + score.
protocol ExonSweepState {
    /// Moves to boundary x: F[x] starts as F[x − 1], and the starts old enough to end here open.
    mutating func step(to x: Int)
    /// The exons of aggregate `q` ending at x with an end of `kind` scoring `bonus`.
    mutating func end(_ q: Int, at x: Int, _ kind: ExonDecoder.Boundary, _ bonus: Double)
    /// An in-frame stop codon of aggregate `q` ends at x.
    func kill(_ q: Int, at x: Int)
    /// Every exon ending at x was offered.
    mutating func settle(_ x: Int)
    /// Whether a parse reaches x (F[x] > −∞).
    func isReachable(_ x: Int) -> Bool
    /// An exon may start at x for aggregate q, with a start of `kind` scoring `bonus`; unless an
    /// in-frame stop codon at x (`stopHere`) ends it too soon.
    mutating func push(_ q: Int, at x: Int, _ kind: ExonDecoder.Boundary, _ bonus: Double, stopHere: Bool)
}

extension ExonDecoder {
    /// One dynamic program of a sweep (the Viterbi with `maximum`, the forward sums without): its arrays
    /// (n + 1 entries each, by boundary), per aggregate q = 3 · strand + frame (strand 0 plus, 1 minus)
    /// the open starts at least `minimumExonLength` back, and one queue of the newer starts of all six,
    /// in the order pushed (by position): a ring of `capacity`, which holds the at most 10 starts per
    /// position of the last `minimumExonLength` positions. A stop codon ending at x in q's frame
    /// empties q's aggregate and drops q's queued starts before x − 3: `killed[q]` remembers the
    /// latest such x, and a start is dropped when it leaves the queue. Raw storage, freed by `deallocate`.
    struct Sweep: ExonSweepState {
        let count: Int
        let anchor: Int
        let maximum: Bool
        let minimumLength: Int
        let cost: Double
        /// The forward sums' 1 / T (`GeneModel.posteriorTemperature`): each exon's score counts divided by
        /// T, as in the gene model's posterior; unused by the Viterbi.
        let scale: Double
        /// F, the Viterbi's exon index per boundary (−1: none) and the forward pass's log-sums over the
        /// exons ending at x per strand (the Viterbi's `endsPlus`/`endsMinus` and the forward pass's
        /// `back` are not there).
        let total, endsPlus, endsMinus: UnsafeMutablePointer<Double>
        let back: UnsafeMutablePointer<Int32>
        /// The stretch's prefix sums (not owned).
        let sumPlus, sumMinus: UnsafePointer<Double>
        let sums: Sums
        /// `LogSum.table`, read once.
        let logTable = LogSum.table
        /// The aggregates (value −∞: empty), the queue (with each start's aggregate) and the last stop per aggregate.
        let open, queue: UnsafeMutablePointer<Start>
        let owner: UnsafeMutablePointer<UInt8>
        let killed: UnsafeMutablePointer<Int>
        let capacity: Int
        /// Starts taken from / put into the queue so far.
        var head = 0, tail = 0
        /// Viterbi: the best exon ending at the boundary being swept (aggregate −1: none yet).
        var best: (score: Double, start: Start, q: Int, kind: Boundary, bonus: Double)
        /// Viterbi: the exons that won a boundary, indexed by `back`.
        var exons: [DecodedGene] = []

        /// - Parameter sums: the stretch's prefix sums, alive as long as the sweep runs.
        init(count n: Int, anchor: Int, model: GeneModel, maximum: Bool, sums: Sums) {
            count = n
            self.anchor = anchor
            self.maximum = maximum
            minimumLength = model.minimumExonLength
            cost = model.exonCost
            scale = 1 / model.posteriorTemperature
            (sumPlus, sumMinus) = (UnsafePointer(sums.plus), UnsafePointer(sums.minus))
            self.sums = sums
            // The Viterbi keeps back-pointers, the forward sums the ends (each allocates only its own).
            let arrays = UnsafeMutablePointer<Double>.allocate(capacity: (maximum ? 1 : 3) * (n + 1))
            arrays.initialize(repeating: -.infinity, count: (maximum ? 1 : 3) * (n + 1))
            total = arrays
            (endsPlus, endsMinus) = maximum ? (arrays, arrays) : (arrays + (n + 1), arrays + 2 * (n + 1))
            total[anchor] = 0
            back = .allocate(capacity: maximum ? n + 1 : 0)
            back.initialize(repeating: -1, count: maximum ? n + 1 : 0)
            var capacity = 64
            while capacity < 10 * (minimumLength + 1) { capacity <<= 1 }
            self.capacity = capacity
            let none = Start(position: 0, value: -.infinity, kind: .edge, bonus: 0)
            open = .allocate(capacity: 6)
            open.initialize(repeating: none, count: 6)
            queue = .allocate(capacity: capacity)
            queue.initialize(repeating: none, count: capacity)
            owner = .allocate(capacity: capacity)
            owner.initialize(repeating: 0, count: capacity)
            killed = .allocate(capacity: 6)
            killed.initialize(repeating: Int.min / 2, count: 6)
            best = (0, none, -1, .edge, 0)
        }

        func deallocate() {
            total.deallocate()
            back.deallocate()
            open.deallocate()
            queue.deallocate()
            owner.deallocate()
            killed.deallocate()
        }

        /// Viterbi: the exons of the best parse, by increasing end.
        func path() -> [DecodedGene] {
            Viterbi.traceBack(back: Array(UnsafeBufferPointer(start: back, count: count + 1)), genes: exons, anchor: anchor)   // an exon's predecessor is its start
        }

        @inline(__always)
        func isReachable(_ x: Int) -> Bool { total[x] > -.infinity }

        /// Moves the queued starts that are `minimumLength` or more before x into their aggregates: the
        /// better one (the earlier on ties), or the log-sum.
        @inline(__always)
        mutating func step(to x: Int) {
            if x > anchor { total[x] = total[x - 1] }
            let wrap = capacity - 1
            while head < tail {
                let start = queue[head & wrap]
                guard start.position <= x - minimumLength else { break }
                let q = Int(owner[head & wrap])
                head += 1
                guard start.position >= killed[q] - 3 else { continue }
                if open[q].value == -.infinity || (maximum && start.value > open[q].value) {
                    open[q] = start
                } else if !maximum {
                    open[q].value = LogSum.sum(open[q].value, start.value, table: logTable)
                }
            }
        }

        @inline(__always)
        mutating func end(_ q: Int, at x: Int, _ kind: Boundary, _ bonus: Double) {
            let start = open[q]
            guard start.value > -.infinity else { return }
            if maximum {
                let score = start.value + (q >= 3 ? sumMinus[x] : sumPlus[x]) + sums.hexamerEnd(q, at: x) + bonus - cost
                if score > (best.q >= 0 ? best.score : total[x]) { best = (score, start, q, kind, bonus) }
            } else {
                // Into the strand's log-sum of the exons ending at x; `settle` adds both to F[x].
                let score = start.value + scale * ((q >= 3 ? sumMinus[x] : sumPlus[x]) + sums.hexamerEnd(q, at: x) + bonus - cost)
                let ends = q >= 3 ? endsMinus : endsPlus
                ends[x] = LogSum.sum(ends[x], score, table: logTable)
            }
        }

        /// No exon holding the stop codon whole begins before it (q's starts from x − 3 on stay: the
        /// minus strand's stop codon itself begins one).
        @inline(__always)
        func kill(_ q: Int, at x: Int) {
            open[q].value = -.infinity
            killed[q] = x
        }

        /// Viterbi: makes the best exon ending at x (if any beat the parse without one) x's choice. Forward
        /// sums: F[x] gains the exons ending at x, per strand.
        @inline(__always)
        mutating func settle(_ x: Int) {
            guard maximum else {
                if endsPlus[x] > -.infinity { total[x] = LogSum.sum(total[x], endsPlus[x], table: logTable) }
                if endsMinus[x] > -.infinity { total[x] = LogSum.sum(total[x], endsMinus[x], table: logTable) }
                return
            }
            guard best.q >= 0 else { return }
            let (start, q, kind) = (best.start, best.q, best.kind)
            let isMinus = q >= 3, phi = q % 3, s = start.position
            let evidence = isMinus ? sumMinus[x] - sumMinus[s] : sumPlus[x] - sumPlus[s]
            let hexamers = sums.hexamerEnd(q, at: x) - sums.hexamerStart(q, at: s)
            var exon = DecodedGene(
                start: s, end: x, minusStrand: isMinus, startCodon: (isMinus ? kind : start.kind) == .codon ? ExonDecoder.atg : nil,
                partialLeft: start.kind == .edge, partialRight: kind == .edge,
                score: evidence + hexamers + start.bonus + best.bonus - cost, bonus: start.bonus + best.bonus - cost, predecessor: s)
            exon.phase = isMinus ? ((x - phi) % 3 + 3) % 3 : ((phi - s) % 3 + 3) % 3
            exon.splicedLeft = start.kind == .splice
            exon.splicedRight = kind == .splice
            total[x] = best.score
            back[x] = Int32(exons.count)
            exons.append(exon)
            best.q = -1
        }

        /// Queues a start at x for aggregate q, valued F[x] − C[x] + bonus (the forward sums: F[x] + (bonus −
        /// C[x]) / T), unless an in-frame stop codon
        /// at x would end it before it is `minimumLength` long (then no exon can begin there in that frame).
        @inline(__always)
        mutating func push(_ q: Int, at x: Int, _ kind: Boundary, _ bonus: Double, stopHere: Bool) {
            if stopHere && q % 3 == x % 3 { return }
            let value = maximum ? total[x] - (q >= 3 ? sumMinus[x] : sumPlus[x]) - sums.hexamerStart(q, at: x) + bonus
                : total[x] + scale * (bonus - (q >= 3 ? sumMinus[x] : sumPlus[x]) - sums.hexamerStart(q, at: x))
            queue[tail & (capacity - 1)] = Start(position: x, value: value, kind: kind, bonus: bonus)
            owner[tail & (capacity - 1)] = UInt8(q)
            tail += 1
        }
    }

    /// A Viterbi and a forward sweep fed by one sweep of the events.
    struct BothSweeps: ExonSweepState {
        var viterbi: Sweep
        var forward: Sweep

        @inline(__always) mutating func step(to x: Int) { viterbi.step(to: x); forward.step(to: x) }
        @inline(__always) mutating func end(_ q: Int, at x: Int, _ kind: Boundary, _ bonus: Double) {
            viterbi.end(q, at: x, kind, bonus)
            forward.end(q, at: x, kind, bonus)
        }
        @inline(__always) func kill(_ q: Int, at x: Int) { viterbi.kill(q, at: x); forward.kill(q, at: x) }
        @inline(__always) mutating func settle(_ x: Int) { viterbi.settle(x); forward.settle(x) }
        @inline(__always) func isReachable(_ x: Int) -> Bool { forward.isReachable(x) }
        @inline(__always) mutating func push(_ q: Int, at x: Int, _ kind: Boundary, _ bonus: Double, stopHere: Bool) {
            viterbi.push(q, at: x, kind, bonus, stopHere: stopHere)
            forward.push(q, at: x, kind, bonus, stopHere: stopHere)
        }
    }
}
