import Foundation
import XCTest
@testable import Training

/// Genome loading, labels, splits, balanced sampling, encoding and the random generators.
final class DataTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("training-data-\(getpid())-\(name.hashValue)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func testChecksumAndGeneratorsKnownValues() {
        var crc = CRC32()
        crc.update(Array("123456789".utf8))
        XCTAssertEqual(crc.hex, "cbf43926")
        var mix = SplitMix64(seed: 0)
        XCTAssertEqual(mix.next(), 0xE220_A839_7B1D_CDAF)
        var a = Xoshiro256StarStar(seed: 5)
        var b = Xoshiro256StarStar(seed: 5)
        XCTAssertEqual((0..<100).map { _ in a.next() }, (0..<100).map { _ in b.next() })
        var sum = 0.0
        var squares = 0.0
        for _ in 0..<20_000 {
            let bound = 1 + a.uniform(below: 1000)
            XCTAssert(a.uniform(below: bound) < bound)
            let u = a.unitFloat()
            XCTAssert(u >= 0 && u < 1)
            let n = a.normal()
            sum += n
            squares += n * n
        }
        XCTAssertEqual(sum / 20_000, 0, accuracy: 0.03)
        XCTAssertEqual(squares / 20_000, 1, accuracy: 0.05)
    }

    func testLoadsPlasmidFixture() throws {
        let genome = try GenomeLoader.load(genome: Self.root.appendingPathComponent("fixtures/real/pPCP1.fa.gz").path,
                                           annotation: Self.root.appendingPathComponent("fixtures/real/pPCP1.gff3.gz").path)
        XCTAssertEqual(genome.records.count, 1)
        XCTAssertEqual(genome.records[0].name, "NC_005816.1")
        XCTAssertEqual(genome.totalLength, 9609)
        XCTAssertEqual(genome.cdsCount, 10)
        XCTAssertEqual(genome.codingBases, 5809)   // union of the CDS, computed with Python
        XCTAssertEqual(genome.checksum, "6a082552")   // zlib.crc32 of the uppercase sequence
        XCTAssertEqual(genome.missingCDSCount, 0)
    }

    func testCDSOnMissingSequencesAreCountedNotFatal() throws {
        let fasta = try write("g.fa", ">chr1 test\n" + String(repeating: "ACGTTGCA", count: 25) + "\n")
        let gff = try write("a.gff3", "##gff-version 3\nchr1\tx\tCDS\t1\t90\t.\t+\t0\tID=a\n"
            + "chrX\tx\tCDS\t1\t30\t.\t-\t0\tID=b\nchrX\tx\tCDS\t40\t60\t.\t-\t0\tID=c\n")
        let genome = try GenomeLoader.load(genome: fasta, annotation: gff)
        XCTAssertEqual(genome.missingSeqids, ["chrX": 2])
        XCTAssertEqual(genome.missingCDSCount, 2)
        XCTAssertEqual(genome.records[0].flags[0..<90].filter { $0 & GenomeRecord.plusCoding != 0 }.count, 90)
        XCTAssertEqual(genome.records[0].flags[90...].filter { $0 & GenomeRecord.plusCoding != 0 }.count, 0)
        XCTAssertEqual(GenomeSummary(role: "training", genome: genome).missingSeqidCount, 1)
    }

    func testCDSPastTheEndIsAnErrorNamingAnnotationAndSeqid() throws {
        let fasta = try write("g.fa", ">chr1\n" + String(repeating: "ACGT", count: 50) + "\n")
        let gff = try write("past.gff3", "##gff-version 3\nchr1\tx\tCDS\t150\t260\t.\t+\t0\tID=a\n")
        XCTAssertThrowsError(try GenomeLoader.load(genome: fasta, annotation: gff)) { error in
            let text = "\(error)"
            XCTAssert(text.hasPrefix(gff + ":"), text)
            XCTAssert(text.contains("'chr1'") && text.contains("260") && text.contains("200 bp"), text)
            XCTAssertFalse(text.contains("\n"))
        }
    }

    func testDuplicateRecordsAndEmptyGenomesAreErrors() throws {
        let gff = try write("a.gff3", "##gff-version 3\n")
        let twice = try write("twice.fa", ">a\nACGT\n>a\nACGT\n")
        XCTAssertThrowsError(try GenomeLoader.load(genome: twice, annotation: gff)) {
            XCTAssertEqual("\($0)", "\(twice): line 3: two records are named 'a'; CDS on that seqid cannot be placed")
        }
        XCTAssertThrowsError(try GenomeLoader.load(genome: directory.path + "/none.fa", annotation: gff)) {
            XCTAssert("\($0)".contains("none.fa"))
        }
    }

    /// A record with plus CDS at [20, 45), minus CDS at [60, 72), N at [80, 88).
    private func labelledGenome() -> GenomeData {
        var bases = Array(String(repeating: "ACGGTCAT", count: 13).utf8)[0..<100].map { $0 }
        for i in 80..<88 { bases[i] = UInt8(ascii: "N") }
        var plus = [UInt8](repeating: 0, count: 100)
        var minus = plus
        for i in 20..<45 { plus[i] = 1 }
        for i in 60..<72 { minus[i] = 1 }
        let record = GenomeRecord(name: "r", sequence: String(decoding: bases, as: UTF8.self), plusCoverage: plus,
                                  minusCoverage: minus)
        return GenomeData(path: "mem", annotationPath: "mem", records: [record], cdsCount: 2)
    }

    /// `labelSpan`: only the central bases `[start + ⌊(W − S)/2⌋, … + S)` decide the label, on both
    /// strands; eligibility still looks at the whole window.
    func testLabelSpanLabelsByTheCentralBases() {
        let genome = labelledGenome()
        let window = 10
        for span in [1, 3, 4, 10] {
            let sampler = GenomeWindowSampler(genome: genome, genomeIndex: 0, regions: [(0, 0, 91)], window: window,
                                              codingFraction: 0.5, labelSpan: span)
            let offset = (window - span) / 2
            var coding: Set<[Int]> = []
            var nonCoding = 0
            for start in 0...90 {
                let unambiguous = (start..<(start + window)).filter { !(80..<88).contains($0) }.count
                guard 2 * unambiguous >= window else { continue }
                let centre = (start + offset)..<(start + offset + span)
                for (strand, range) in [(0, 20..<45), (1, 60..<72)] {
                    if 2 * centre.filter({ range.contains($0) }).count >= span {
                        coding.insert([start, strand])
                    } else {
                        nonCoding += 1
                    }
                }
            }
            XCTAssertEqual(sampler.codingCount, coding.count, "span \(span)")
            XCTAssertEqual(sampler.nonCodingCount, nonCoding, "span \(span)")
            // Soft labels: same classes, targets are the covered fraction of the span on the strand.
            let soft = GenomeWindowSampler(genome: genome, genomeIndex: 0, regions: [(0, 0, 91)], window: window,
                                           codingFraction: 0.5, labelSpan: span, softLabels: true)
            XCTAssertEqual(soft.codingCount, coding.count)
            var softRng = Xoshiro256StarStar(seed: 43)
            for _ in 0..<300 {
                for wanted in [true, false] {
                    let w = soft.draw(coding: wanted, rng: &softRng)
                    let range = w.minus ? 60..<72 : 20..<45
                    let start = Int(w.start) + offset
                    let covered = (start..<(start + span)).filter { range.contains($0) }.count
                    XCTAssertEqual(w.target, Float(covered) / Float(span), "span \(span): \(w)")
                    XCTAssertEqual(w.coding, 2 * covered >= span)
                }
            }
            var rng = Xoshiro256StarStar(seed: 42)
            for _ in 0..<300 {
                let w = sampler.draw(coding: true, rng: &rng)
                XCTAssertEqual(w.target, 1)
                XCTAssert(coding.contains([Int(w.start), w.minus ? 1 : 0]), "span \(span): \(w)")
                let n = sampler.draw(coding: false, rng: &rng)
                XCTAssertFalse(coding.contains([Int(n.start), n.minus ? 1 : 0]), "span \(span): \(n)")
            }
        }
    }

    func testLabelsEligibilityAndRareClassDraws() {
        let genome = labelledGenome()
        let window = 10
        let sampler = GenomeWindowSampler(genome: genome, genomeIndex: 0, regions: [(0, 0, 91)], window: window,
                                          codingFraction: 0.5)
        // Brute force: eligible when >= 5 of 10 bases are A/C/G/T; coding when >= 5 covered on the strand.
        var coding: Set<[Int]> = []
        var nonCoding = 0
        for start in 0...90 {
            let unambiguous = (start..<(start + window)).filter { !(80..<88).contains($0) }.count
            guard 2 * unambiguous >= window else { continue }
            for (strand, range) in [(0, 20..<45), (1, 60..<72)] {
                if (start..<(start + window)).filter({ range.contains($0) }).count >= 5 {
                    coding.insert([start, strand])
                } else {
                    nonCoding += 1
                }
            }
        }
        XCTAssertEqual(sampler.codingCount, coding.count)
        XCTAssertEqual(sampler.nonCodingCount, nonCoding)
        var rng = Xoshiro256StarStar(seed: 41)
        var seen: Set<[Int]> = []
        for _ in 0..<2000 {
            let w = sampler.draw(coding: true, rng: &rng)
            XCTAssert(w.coding)
            XCTAssert(coding.contains([Int(w.start), w.minus ? 1 : 0]), "\(w) is not a coding window")
            seen.insert([Int(w.start), w.minus ? 1 : 0])
            let n = sampler.draw(coding: false, rng: &rng)
            XCTAssertFalse(coding.contains([Int(n.start), n.minus ? 1 : 0]))
            XCTAssertFalse((76...82).contains(Int(n.start)), "window \(n.start) has more than half N")
        }
        XCTAssertEqual(seen.count, coding.count, "every coding window is drawn")

        // A rare class (under 2% of candidate windows) is drawn from an explicit list.
        let length = 10_000
        var plus = [UInt8](repeating: 0, count: length)
        for i in 5000..<5020 { plus[i] = 1 }
        let sparse = GenomeData(path: "sparse", annotationPath: "sparse", records: [GenomeRecord(
            name: "s", sequence: String(repeating: "ACGT", count: length / 4), plusCoverage: plus,
            minusCoverage: [UInt8](repeating: 0, count: length))], cdsCount: 1)
        let rare = GenomeWindowSampler(genome: sparse, genomeIndex: 0, regions: [(0, 0, length - window + 1)],
                                       window: window, codingFraction: 0.5)
        XCTAssertEqual(rare.codingCount, 21)   // starts 4995 ... 5015 on the plus strand
        for _ in 0..<200 {
            let w = rare.draw(coding: true, rng: &rng)
            XCTAssert((4995...5015).contains(Int(w.start)) && !w.minus && w.coding, "\(w)")
        }
    }

    func testHoldoutNeverOverlapsTrainingAndSplitsAreBalanced() throws {
        var rng = Xoshiro256StarStar(seed: 42)
        func record(_ name: String, _ length: Int) -> GenomeRecord {
            let bases = String((0..<length).map { _ in "ACGT".randomElement(using: &rng)! })
            let plus = (0..<length).map { UInt8(($0 / 100) % 2) }
            let minus = (0..<length).map { UInt8(($0 / 70) % 3 == 0 ? 1 : 0) }
            return GenomeRecord(name: name, sequence: bases, plusCoverage: plus, minusCoverage: minus)
        }
        let big = GenomeData(path: "big", annotationPath: "big", records: [record("a", 10_000), record("b", 537)], cdsCount: 0)
        let small = GenomeData(path: "small", annotationPath: "small", records: [record("c", 1_000)], cdsCount: 0)
        let window = 50
        let (train, validation) = try WindowDataset.split(training: [big, small], validation: [], window: window,
                                                          holdoutFraction: 0.1, codingFraction: 0.5)
        let genomes = [big, small]
        func boundary(_ w: TrainingWindow) -> Int {
            let n = genomes[Int(w.genome)].records[Int(w.record)].length
            return n - Int((Double(n) * 0.1).rounded(.up))
        }
        let trainWindows = train.draw(count: 4001, rng: &rng)
        XCTAssertEqual(trainWindows.count, 4001)
        for w in trainWindows { XCTAssertLessThanOrEqual(Int(w.start) + window, boundary(w)) }
        for w in validation.draw(count: 1000, rng: &rng) { XCTAssertGreaterThanOrEqual(Int(w.start), boundary(w)) }
        // Equal share per genome whatever its size, half of each share coding.
        let perGenome = Dictionary(grouping: trainWindows, by: \.genome).mapValues(\.count)
        XCTAssertEqual(perGenome[0], 2001)
        XCTAssertEqual(perGenome[1], 2000)
        for g in [Int32(0), 1] {
            let codingCount = trainWindows.filter { $0.genome == g && $0.coding }.count
            XCTAssertEqual(Double(codingCount), Double(perGenome[g]!) / 2, accuracy: 1)
        }
        // Validation genomes given: whole records; a genome without windows is an error.
        let tiny = GenomeData(path: "tiny.fa", annotationPath: "t", records: [record("d", 20)], cdsCount: 0)
        XCTAssertThrowsError(try WindowDataset.split(training: [big], validation: [tiny], window: window,
                                                     holdoutFraction: 0.1, codingFraction: 0.5)) {
            XCTAssertEqual("\($0)", "tiny.fa: no validation window of 50 bp with at least half A/C/G/T "
                + "(records shorter than the window, or mostly N?)")
        }
        let noCDS = GenomeData(path: "n", annotationPath: "n", records: [GenomeRecord(
            name: "e", sequence: String(repeating: "ACGT", count: 100), plusCoverage: .init(repeating: 0, count: 400),
            minusCoverage: .init(repeating: 0, count: 400))], cdsCount: 0)
        XCTAssertThrowsError(try WindowDataset.split(training: [noCDS], validation: [], window: window,
                                                     holdoutFraction: 0.1, codingFraction: 0.5)) {
            XCTAssert("\($0)".hasPrefix("no coding training windows"), "\($0)")
        }
    }

    func testEncoderReverseComplementAndMutationRate() {
        let masks: [UInt8] = [1, 2, 4, 8, 15, 5]   // A C G T N R
        var out = [Float](repeating: .nan, count: masks.count * 4)
        var rng = Xoshiro256StarStar(seed: 43)
        WindowEncoder.encode(masks: masks, length: masks.count, minus: true, mutationRate: 0, rng: &rng, into: &out)
        // Reverse complement of ACGTNR is YNACGT: Y = C/T halves.
        XCTAssertEqual(out, [0, 0.5, 0, 0.5, 0.25, 0.25, 0.25, 0.25, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1])
        let length = 20_000
        let sequence = (0..<length).map { [UInt8(1), 2, 4, 8][$0 % 4] }
        var mutated = [Float](repeating: 0, count: length * 4)
        WindowEncoder.encode(masks: sequence, length: length, minus: false, mutationRate: 0.2, rng: &rng, into: &mutated)
        var changed = 0
        for i in 0..<length {
            XCTAssertEqual(mutated[(4 * i)..<(4 * i + 4)].reduce(0, +), 1)
            if mutated[4 * i + i % 4] != 1 { changed += 1 }
        }
        XCTAssertEqual(Double(changed) / Double(length), 0.2, accuracy: 0.015)
        // The read model's recipe: 1% substitutions, each to one of the three other bases.
        let long = 400_000
        let bases = (0..<long).map { [UInt8(1), 2, 4, 8][$0 % 4] }
        var reads = [Float](repeating: 0, count: long * 4)
        WindowEncoder.encode(masks: bases, length: long, minus: false, mutationRate: 0.01, rng: &rng, into: &reads)
        let substituted = (0..<long).filter { reads[4 * $0 + $0 % 4] != 1 }.count
        XCTAssertEqual(Double(substituted) / Double(long), 0.01, accuracy: 0.0005)
    }

    /// Indels (long-read errors): with rate 0 the output and the generator are those of substitutions
    /// alone; with rate r, about r of the positions meet an insertion or a deletion, seen in a repeating
    /// ACGT pattern as a broken succession: an insertion breaks it on both sides with probability 3/4
    /// each (its base is random), a deletion once, so breaks ≈ 1.25 r of the positions for small r.
    func testEncoderIndelRate() {
        let long = 400_000
        let bases = (0..<long).map { [UInt8(1), 2, 4, 8][$0 % 4] }
        var plain = [Float](repeating: 0, count: long * 4), zero = plain
        var a = Xoshiro256StarStar(seed: 5), b = Xoshiro256StarStar(seed: 5)
        WindowEncoder.encode(masks: bases, length: long, minus: true, mutationRate: 0.02, rng: &a, into: &plain)
        WindowEncoder.encode(masks: bases, length: long, minus: true, mutationRate: 0.02, indelRate: 0, rng: &b, into: &zero)
        XCTAssertEqual(plain, zero)
        XCTAssertEqual(a.next(), b.next())
        var shifted = [Float](repeating: 0, count: long * 4)
        WindowEncoder.encode(masks: bases, length: long, minus: false, mutationRate: 0, indelRate: 0.02, rng: &a,
                             into: &shifted)
        let code = (0..<long).map { i in (0..<4).first { shifted[4 * i + $0] == 1 }! }
        XCTAssertTrue((0..<long).allSatisfy { i in shifted[(4 * i)..<(4 * i + 4)].reduce(0, +) == 1 })
        let breaks = (0..<(long - 1)).filter { code[$0 + 1] != (code[$0] + 1) % 4 }.count
        XCTAssertEqual(Double(breaks) / Double(long), 1.25 * 0.02, accuracy: 0.0015)
    }
}
