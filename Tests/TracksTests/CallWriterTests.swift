import Foundation
import Tracks
import Windows
import XCTest

/// The gene-call writers' exact lines: GFF3 escaping and partial flags, BED6 calls, protein FASTA,
/// the decoded bedGraph's runs.
final class CallWriterTests: XCTestCase {
    private func written(_ body: (OutputSink) throws -> Void) throws -> String {
        let path = NSTemporaryDirectory() + "codingscan-calls-\(UUID().uuidString)"
        defer { unlink(path) }
        let sink = try OutputSink(path: path)
        try body(sink)
        try sink.commit()
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    private let calls = [
        GeneCall(start: 0, end: 9, minusStrand: false, startCodon: nil, partialLeft: true, partialRight: false,
                 score: -0.05, meanProbability: 0.5, protein: Array("MK".utf8)),
        GeneCall(start: 20, end: 152, minusStrand: true, startCodon: "GTG", partialLeft: false, partialRight: false,
                 // 0.98765 is 0.98764998 as a Float: mean_p 0.9876, BED score 988.
                 score: 12.34, meanProbability: 0.98765, protein: Array(String(repeating: "A", count: 61).utf8)),
    ]

    func testGFFLinesEscapeNamesAndMarkPartialGenes() throws {
        let text = try written { sink in
            let writer = GFFCallWriter(sink: sink, provenance: ["model=m"])
            try writer.begin(sequence: "chr 1;x=y")
            for call in calls { try writer.add(call) }
            try writer.end(sequenceLength: 200)
            try writer.finish()
        }
        XCTAssertEqual(text, """
            ##gff-version 3
            # model=m
            chr%201%3Bx%3Dy\tcodingscan\tCDS\t1\t9\t-0.1\t+\t0\tID=chr%201%3Bx%3Dy_1;partial=10;start_type=Edge;mean_p=0.5000
            chr%201%3Bx%3Dy\tcodingscan\tCDS\t21\t152\t12.3\t-\t0\tID=chr%201%3Bx%3Dy_2;partial=00;start_type=GTG;mean_p=0.9876

            """)
    }

    func testBedCallsAndProteins() throws {
        let bed = try written { sink in
            let writer = BedCallWriter(settings: TrackSettings(plan: WindowPlan(window: 10, step: 5, minLength: 10)), sink: sink)
            try writer.begin(sequence: "s")
            for call in calls { try writer.add(call) }
            try writer.end(sequenceLength: 200)
            try writer.finish()
        }
        XCTAssertEqual(bed, "s\t0\t9\ts_1\t500\t+\ns\t20\t152\ts_2\t988\t-\n")
        let fasta = try written { sink in
            let writer = ProteinWriter(sink: sink)
            try writer.begin(sequence: "s")
            for call in calls { try writer.add(call) }
            try writer.end(sequenceLength: 200)
        }
        XCTAssertEqual(fasta, ">s_1 # 1 # 9 # 1 # partial=10;start_type=Edge\nMK\n"
            + ">s_2 # 21 # 152 # -1 # partial=00;start_type=GTG\n" + String(repeating: "A", count: 60) + "\nA\n")
    }

    func testPosteriorRunsMergeAcrossStretches() throws {
        let text = try written { sink in
            let writer = PosteriorBedGraphWriter(settings: TrackSettings(plan: WindowPlan(window: 10, step: 5, minLength: 10)),
                                                 sink: sink)
            try writer.begin(sequence: "s")
            try writer.add([0, 0, 0.25, 0.25][...], from: 100)
            try writer.add([0.25, 0.99996, 1][...], from: 104)
            try writer.end(sequenceLength: 107)
            try writer.finish()
        }
        // 0.99996 prints as 1.0000: one run with the 1 after it.
        XCTAssertEqual(text, "s\t100\t102\t0.0000\ns\t102\t105\t0.2500\ns\t105\t107\t1.0000\n")
    }
}
