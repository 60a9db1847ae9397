/// The windows of one role (training or validation): genomes, the regions windows may come from,
/// and balanced drawing.
///
/// Balance: each genome with eligible windows contributes a share of every draw set by the
/// `GenomeWeighting` (equal, or growing with the square root of its size), and each share is half
/// coding, half non-coding (all of one class when the genome has windows of only that class).
final class WindowDataset: @unchecked Sendable {
    /// "training" or "validation", for messages.
    let role: String
    let genomes: [GenomeData]
    /// One sampler per genome, parallel to `genomes`.
    let samplers: [GenomeWindowSampler]
    let window: Int
    /// How draws are shared among genomes.
    let weighting: GenomeWeighting

    init(role: String, genomes: [GenomeData], samplers: [GenomeWindowSampler], window: Int,
         weighting: GenomeWeighting = .equal) {
        self.weighting = weighting
        self.role = role
        self.genomes = genomes
        self.samplers = samplers
        self.window = window
    }

    /// Splits genomes into training and validation datasets.
    ///
    /// With validation genomes, training uses every window of the training genomes and validation
    /// every window of the validation genomes. Without, the last `holdoutFraction` of every record
    /// (rounded up to whole bases) is held out for validation and training windows end before it, so
    /// no training window overlaps a validation window.
    static func split(training: [GenomeData], validation: [GenomeData], window: Int, holdoutFraction: Double,
                      codingFraction: Double, labelSpan: Int? = nil, softLabels: Bool = false,
                      weighting: GenomeWeighting = .equal) throws(TrainingError) -> (training: WindowDataset, validation: WindowDataset) {
        func whole(_ genome: GenomeData) -> [(record: Int, first: Int, count: Int)] {
            genome.records.enumerated().map { (record: $0.offset, first: 0, count: max(0, $0.element.length - window + 1)) }
        }
        var trainSamplers: [GenomeWindowSampler] = []
        var validationSamplers: [GenomeWindowSampler] = []
        for (index, genome) in training.enumerated() {
            if validation.isEmpty {
                var trainRegions: [(record: Int, first: Int, count: Int)] = []
                var heldRegions: [(record: Int, first: Int, count: Int)] = []
                for (r, record) in genome.records.enumerated() {
                    let n = record.length
                    let held = Int((Double(n) * holdoutFraction).rounded(.up))
                    let boundary = n - held
                    trainRegions.append((r, 0, max(0, boundary - window + 1)))
                    heldRegions.append((r, boundary, max(0, n - window - boundary + 1)))
                }
                trainSamplers.append(GenomeWindowSampler(genome: genome, genomeIndex: index, regions: trainRegions,
                                                         window: window, codingFraction: codingFraction,
                                                         labelSpan: labelSpan, softLabels: softLabels))
                validationSamplers.append(GenomeWindowSampler(genome: genome, genomeIndex: index, regions: heldRegions,
                                                              window: window, codingFraction: codingFraction,
                                                         labelSpan: labelSpan, softLabels: softLabels))
            } else {
                trainSamplers.append(GenomeWindowSampler(genome: genome, genomeIndex: index, regions: whole(genome),
                                                         window: window, codingFraction: codingFraction,
                                                         labelSpan: labelSpan, softLabels: softLabels))
            }
        }
        for (index, genome) in validation.enumerated() {
            validationSamplers.append(GenomeWindowSampler(genome: genome, genomeIndex: index, regions: whole(genome),
                                                          window: window, codingFraction: codingFraction,
                                                         labelSpan: labelSpan, softLabels: softLabels))
        }
        let trainSet = WindowDataset(role: "training", genomes: training, samplers: trainSamplers, window: window,
                                     weighting: weighting)
        let validationSet = WindowDataset(role: "validation", genomes: validation.isEmpty ? training : validation,
                                          samplers: validationSamplers, window: window,
                                          weighting: weighting)
        try trainSet.check(everyGenome: true, heldOut: false)
        try validationSet.check(everyGenome: !validation.isEmpty, heldOut: validation.isEmpty)
        return (trainSet, validationSet)
    }

    /// Throws when a genome (if `everyGenome`) or the whole set has no eligible windows, or the set
    /// lacks a class. `heldOut`: the set is the held-out end of the training records (no validation genomes).
    private func check(everyGenome: Bool, heldOut: Bool) throws(TrainingError) {
        for (genome, sampler) in zip(genomes, samplers) where everyGenome {
            if sampler.codingCount + sampler.nonCodingCount == 0 {
                throw .noWindows(genome: genome.path, role: role, window: window)
            }
        }
        if samplers.allSatisfy({ $0.codingCount + $0.nonCodingCount == 0 }) {
            throw .noWindows(genome: genomes.first?.path ?? "", role: role, window: window)
        }
        let classRole = heldOut ? "held-out validation" : role
        if samplers.allSatisfy({ $0.codingCount == 0 }) { throw .missingClass(role: classRole, coding: true) }
        if samplers.allSatisfy({ $0.nonCodingCount == 0 }) { throw .missingClass(role: classRole, coding: false) }
    }

    /// Eligible windows of the class over all genomes.
    func count(coding: Bool) -> Int {
        samplers.reduce(0) { $0 + $1.count(coding: coding) }
    }

    /// `count` windows drawn with replacement, balanced across genomes and classes, in random order.
    func draw(count: Int, rng: inout Xoshiro256StarStar) -> [TrainingWindow] {
        let active = samplers.filter { $0.codingCount + $0.nonCodingCount > 0 }
        var slots: [(sampler: Int, coding: Bool)] = []
        slots.reserveCapacity(count)
        let shares = weighting.shares(sizes: active.map { $0.codingCount + $0.nonCodingCount }, count: count)
        for (k, sampler) in active.enumerated() {
            let share = shares[k]
            var codingShare = share / 2 + (share % 2 == 1 && rng.next() >> 63 == 1 ? 1 : 0)
            if sampler.codingCount == 0 { codingShare = 0 }
            if sampler.nonCodingCount == 0 { codingShare = share }
            for j in 0..<share { slots.append((k, j < codingShare)) }
        }
        if slots.count > 1 {
            for i in stride(from: slots.count - 1, to: 0, by: -1) {
                slots.swapAt(i, rng.uniform(below: i + 1))
            }
        }
        return slots.map { active[$0.sampler].draw(coding: $0.coding, rng: &rng) }
    }

    /// Writes the one-hot `[window][4]` input of `w` (see `WindowEncoder`).
    func encode(_ w: TrainingWindow, mutationRate: Float, indelRate: Float = 0, rng: inout Xoshiro256StarStar,
                into out: UnsafeMutablePointer<Float>) {
        genomes[Int(w.genome)].records[Int(w.record)].masks.withUnsafeBufferPointer { masks in
            WindowEncoder.encode(masks: masks.baseAddress! + Int(w.start), length: window, minus: w.minus,
                                 mutationRate: mutationRate, indelRate: indelRate, rng: &rng, into: out)
        }
    }
}
