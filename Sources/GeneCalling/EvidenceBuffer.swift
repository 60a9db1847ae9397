/// Per-base P(coding) and evidence of both strands for a stretch of a record, built from window scores.
///
/// Each window's score is placed at its centre; between two centres P(coding) and the evidence
/// (`GeneModel.evidence`, computed once per window) are interpolated linearly, before the first centre
/// and after the last they are constant. Index 0 is the record position `origin` of the owner.
struct EvidenceBuffer {
    private(set) var plusP: [Float] = []
    private(set) var minusP: [Float] = []
    private(set) var plusEvidence: [Double] = []
    private(set) var minusEvidence: [Double] = []
    /// The last centre (an index into the arrays) and its values.
    private var last: (index: Int, plusP: Float, minusP: Float, plus: Double, minus: Double)?

    /// Bases filled: up to the last centre (after `fill(to:)`, to its end).
    var count: Int { plusP.count }

    mutating func removeAll() {
        plusP.removeAll(keepingCapacity: true)
        minusP.removeAll(keepingCapacity: true)
        plusEvidence.removeAll(keepingCapacity: true)
        minusEvidence.removeAll(keepingCapacity: true)
        last = nil
    }

    /// Adds a window centred at `index` (≥ the previous centre) with P(coding) `p`, `m` on the two
    /// strands: fills the bases from the previous centre (or from 0) up to `index`.
    mutating func add(centre index: Int, plus p: Float, minus m: Float, model: GeneModel) {
        let e = model.evidence(p), f = model.evidence(m)
        if let last {
            let span = index - last.index
            EvidenceBuffer.extend(&plusP, span) { last.plusP + (p - last.plusP) * Float(Double($0) / Double(span)) }
            EvidenceBuffer.extend(&minusP, span) { last.minusP + (m - last.minusP) * Float(Double($0) / Double(span)) }
            EvidenceBuffer.extend(&plusEvidence, span) { last.plus + (e - last.plus) * (Double($0) / Double(span)) }
            EvidenceBuffer.extend(&minusEvidence, span) { last.minus + (f - last.minus) * (Double($0) / Double(span)) }
        } else {
            let count = max(index - plusP.count, 0)
            plusP.append(contentsOf: repeatElement(p, count: count))
            minusP.append(contentsOf: repeatElement(m, count: count))
            plusEvidence.append(contentsOf: repeatElement(e, count: count))
            minusEvidence.append(contentsOf: repeatElement(f, count: count))
        }
        last = (index, p, m, e, f)
    }

    /// Appends `value(k)` for k in 0..<count, written in place (one capacity check, not one per value).
    @inline(__always)
    private static func extend<T: BinaryFloatingPoint>(_ array: inout [T], _ count: Int, _ value: (Int) -> T) {
        guard count > 0 else { return }
        let start = array.count
        array.append(contentsOf: repeatElement(0, count: count))
        array.withUnsafeMutableBufferPointer { buffer in
            for k in 0..<count { buffer[start + k] = value(k) }
        }
    }

    /// Fills the bases after the last centre up to `end` with its values.
    mutating func fill(to end: Int) {
        guard let last else { return }
        let count = max(end - plusP.count, 0)
        plusP.append(contentsOf: repeatElement(last.plusP, count: count))
        minusP.append(contentsOf: repeatElement(last.minusP, count: count))
        plusEvidence.append(contentsOf: repeatElement(last.plus, count: count))
        minusEvidence.append(contentsOf: repeatElement(last.minus, count: count))
    }

    /// Drops the first `count` bases (every index moves down by `count`).
    mutating func removeFirst(_ count: Int) {
        guard count > 0 else { return }
        plusP.removeFirst(count)
        minusP.removeFirst(count)
        plusEvidence.removeFirst(count)
        minusEvidence.removeFirst(count)
        if let l = last { last = (l.index - count, l.plusP, l.minusP, l.plus, l.minus) }
    }

    /// Whether any window was added.
    var isEmpty: Bool { last == nil }
}
