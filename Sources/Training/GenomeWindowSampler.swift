/// Draws windows of one genome, by class, from allowed regions of its records.
///
/// A region is a range of allowed window starts on one record. A window is eligible when at least
/// half its bases are A/C/G/T; on a strand it is coding when at least `codingThreshold` of the bases
/// of its label span (the central `labelSpan` bases, `[start + labelOffset, … + labelSpan)`; by default
/// the whole window) are covered by a CDS on that strand (the minus-strand window is read
/// reverse-complemented; its label span is the same forward interval).
/// Classes are counted exactly on construction (sliding sums). Draws use rejection sampling
/// (uniform start and strand, retried until the class matches); a class rarer than 2% of all
/// candidate windows is listed explicitly and drawn from the list instead, so a draw never needs
/// more than ~50 tries on average.
final class GenomeWindowSampler {
    /// Index of the genome among its set.
    let genomeIndex: Int
    /// Window length, bases.
    let window: Int
    /// Covered bases of the label span needed on a strand for the coding label.
    let codingThreshold: Int
    /// The label span: `labelSpan` bases from `labelOffset` = ⌊(window − labelSpan) / 2⌋ into the window,
    /// the bin the scanner gives the window's score when `labelSpan` equals the scan step.
    let labelSpan: Int
    let labelOffset: Int
    /// Targets are the covered fraction of the label span instead of 0/1 (the class, for balanced
    /// sampling and ROC-AUC, is still the threshold rule).
    let softLabels: Bool
    /// Region `k`: record `regionRecord[k]`, starts `regionFirst[k] ..< regionFirst[k] + count`.
    private let regionRecord: [Int]
    private let regionFirst: [Int]
    /// `cumulative[k]`: allowed starts in regions before `k`; last element = all starts.
    private let cumulative: [Int]
    private let flags: [[UInt8]]
    /// Eligible windows (start × strand) of each class.
    private(set) var codingCount = 0
    private(set) var nonCodingCount = 0
    /// Explicit lists of a rare class, or nil.
    private var codingList: [TrainingWindow]?
    private var nonCodingList: [TrainingWindow]?

    /// - Parameter regions: `(record, firstStart, count)` triples; empty counts are skipped.
    /// - Parameter labelSpan: bases that decide the label (nil or ≥ window: the whole window).
    init(genome: GenomeData, genomeIndex: Int, regions: [(record: Int, first: Int, count: Int)], window: Int,
         codingFraction: Double, labelSpan: Int? = nil, softLabels: Bool = false) {
        self.softLabels = softLabels
        self.genomeIndex = genomeIndex
        self.window = window
        let span = min(max(1, labelSpan ?? window), window)
        self.labelSpan = span
        labelOffset = (window - span) / 2
        codingThreshold = max(0, Int((codingFraction * Double(span)).rounded(.up)))
        flags = genome.records.map(\.flags)
        var records: [Int] = []
        var firsts: [Int] = []
        var cumulative = [0]
        for region in regions where region.count > 0 {
            records.append(region.record)
            firsts.append(region.first)
            cumulative.append(cumulative.last! + region.count)
        }
        regionRecord = records
        regionFirst = firsts
        self.cumulative = cumulative
        var coding = 0
        var nonCoding = 0
        forEachEligible { _, _, _, isCoding, _ in
            if isCoding { coding += 1 } else { nonCoding += 1 }
        }
        codingCount = coding
        nonCodingCount = nonCoding
        let candidates = 2 * totalStarts
        let rareCoding = coding > 0 && coding * 50 < candidates
        let rareNonCoding = nonCoding > 0 && nonCoding * 50 < candidates
        if rareCoding || rareNonCoding {
            var codingList: [TrainingWindow] = []
            var nonCodingList: [TrainingWindow] = []
            forEachEligible { record, start, minus, isCoding, covered in
                let w = TrainingWindow(genome: Int32(genomeIndex), record: Int32(record), start: Int32(start),
                                       minus: minus, coding: isCoding, target: target(isCoding, covered))
                if isCoding && rareCoding { codingList.append(w) }
                if !isCoding && rareNonCoding { nonCodingList.append(w) }
            }
            if rareCoding { self.codingList = codingList }
            if rareNonCoding { self.nonCodingList = nonCodingList }
        }
    }

    /// Allowed window starts over all regions.
    var totalStarts: Int { cumulative.last ?? 0 }

    /// Eligible windows of the class.
    func count(coding: Bool) -> Int { coding ? codingCount : nonCodingCount }

    /// A random eligible window of the class.
    /// - Precondition: `count(coding:) > 0`.
    func draw(coding: Bool, rng: inout Xoshiro256StarStar) -> TrainingWindow {
        precondition(count(coding: coding) > 0)
        if let list = coding ? codingList : nonCodingList {
            return list[rng.uniform(below: list.count)]
        }
        while true {
            let position = rng.uniform(below: totalStarts)
            let minus = rng.next() >> 63 == 1
            // Region holding `position`: last k with cumulative[k] <= position.
            var low = 0
            var high = regionRecord.count - 1
            while low < high {
                let mid = (low + high + 1) / 2
                if cumulative[mid] <= position { low = mid } else { high = mid - 1 }
            }
            let record = regionRecord[low]
            let start = regionFirst[low] + position - cumulative[low]
            var unambiguous = 0
            var covered = 0
            let bit: UInt8 = minus ? GenomeRecord.minusCoding : GenomeRecord.plusCoding
            flags[record].withUnsafeBufferPointer { f in
                for i in start..<(start + window) where f[i] & GenomeRecord.unambiguous != 0 { unambiguous += 1 }
                for i in (start + labelOffset)..<(start + labelOffset + labelSpan) where f[i] & bit != 0 { covered += 1 }
            }
            guard 2 * unambiguous >= window else { continue }
            if (covered >= codingThreshold) == coding {
                return TrainingWindow(genome: Int32(genomeIndex), record: Int32(record), start: Int32(start),
                                      minus: minus, coding: coding, target: target(coding, covered))
            }
        }
    }

    /// The target of a window of the class with `covered` CDS bases in its label span.
    private func target(_ coding: Bool, _ covered: Int) -> Float {
        softLabels ? Float(covered) / Float(labelSpan) : (coding ? 1 : 0)
    }

    /// Calls `body(record, start, minus, coding, covered)` for every eligible window (both strands) of every
    /// region, in order, with sliding sums.
    private func forEachEligible(_ body: (Int, Int, Bool, Bool, Int) -> Void) {
        for k in regionRecord.indices {
            let record = regionRecord[k]
            let first = regionFirst[k]
            let count = cumulative[k + 1] - cumulative[k]
            flags[record].withUnsafeBufferPointer { f in
                var unambiguous = 0
                var plus = 0
                var minus = 0
                func add(_ i: Int, _ sign: Int) {
                    if f[i] & GenomeRecord.unambiguous != 0 { unambiguous += sign }
                }
                func addLabel(_ i: Int, _ sign: Int) {
                    if f[i] & GenomeRecord.plusCoding != 0 { plus += sign }
                    if f[i] & GenomeRecord.minusCoding != 0 { minus += sign }
                }
                for i in first..<(first + window) { add(i, 1) }
                let o = labelOffset
                for i in (first + o)..<(first + o + labelSpan) { addLabel(i, 1) }
                for start in first..<(first + count) {
                    if start > first {
                        add(start - 1, -1)
                        add(start + window - 1, 1)
                        addLabel(start + o - 1, -1)
                        addLabel(start + o + labelSpan - 1, 1)
                    }
                    if 2 * unambiguous >= window {
                        body(record, start, false, plus >= codingThreshold, plus)
                        body(record, start, true, minus >= codingThreshold, minus)
                    }
                }
            }
        }
    }
}
