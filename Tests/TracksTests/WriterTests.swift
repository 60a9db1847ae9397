import Foundation
import Windows
import XCTest
@testable import Tracks

final class WriterTests: XCTestCase {
    let plan = WindowPlan(window: 10, step: 4, minLength: 5)

    func testBedGraphTilesAndLeavesGapsForUnscored() throws {
        // L = 30: windows at 0,4,...,20 → 6 windows; bin offset (10-4)/2 = 3.
        let w = makeWindows(plan: plan, length: 30, plus: [0.1, 0.2, nil, 0.9, 0.5, 0.25],
                            minus: [0.3, 0.1, nil, 0.95, 0.4, 0.12345])
        let text = try render(.bedgraph, settings: TrackSettings(plan: plan), sequences: [("s1", 30, w)])
        XCTAssertEqual(text, """
            s1\t0\t7\t0.3000
            s1\t7\t11\t0.2000
            s1\t15\t19\t0.9500
            s1\t19\t23\t0.5000
            s1\t23\t30\t0.2500

            """)
        let plus = try render(.bedgraph, settings: TrackSettings(plan: plan, strand: .plus),
                              sequences: [("s1", 30, w)])
        XCTAssertEqual(plus.split(separator: "\n").last, "s1\t23\t30\t0.2500")
        let minus = try render(.bedgraph, settings: TrackSettings(plan: plan, strand: .minus),
                               sequences: [("s1", 30, w)])
        XCTAssertEqual(minus.split(separator: "\n").last, "s1\t23\t30\t0.1235")
    }

    func testBedGraphSingleShortWindowAndTrackLine() throws {
        let w = [ScoredWindow(index: 0, start: 0, end: 7, plus: 0.7, minus: 0.2)]
        let text = try render(.bedgraph, settings: TrackSettings(plan: plan, trackLine: true, modelName: "m"),
                              sequences: [("r", 7, w), ("q", 7, w)])
        XCTAssertEqual(text, """
            track type=bedGraph name="codingscan" description="P(coding) (m)" visibility=full autoScale=off viewLimits=0:1 yLineMark=0.5 yLineOnOff=on
            r\t0\t7\t0.7000
            q\t0\t7\t0.7000

            """)
    }

    func testBedMergesRunsPerStrandInStartOrder() throws {
        // plus coding at windows 1-4; minus coding at 0-1 and 3; window 5 unscored breaks nothing new.
        let w = makeWindows(plan: plan, length: 30, plus: [0.1, 0.6, 0.8, 0.7, 0.9, 0.2],
                            minus: [0.5, 0.7, 0.1, 0.6, 0.4, 0.3])
        let text = try render(.bed, settings: TrackSettings(plan: plan), sequences: [("c", 30, w)])
        // plus run bins: [7,11) [11,15) [15,19) [19,23): mean (0.6+0.8+0.7+0.9)/4 = 0.75
        // minus runs: bins 0-1 = [0,11) mean 0.6; bin 3 = [15,19) 0.6
        XCTAssertEqual(text, """
            c\t0\t11\tcoding\t600\t-
            c\t7\t23\tcoding\t750\t+
            c\t15\t19\tcoding\t600\t-

            """)
        let high = try render(.bed, settings: TrackSettings(plan: plan, strand: .plus, threshold: 0.85),
                              sequences: [("c", 30, w)])
        XCTAssertEqual(high, "c\t19\t23\tcoding\t900\t+\n")
    }

    func testBedRunBrokenByUnscoredWindowAndEndsAtSequenceEnd() throws {
        let w = makeWindows(plan: plan, length: 30, plus: [0.9, nil, 0.9, 0.9, 0.9, 0.9],
                            minus: [0, nil, 0, 0, 0, 0])
        let text = try render(.bed, settings: TrackSettings(plan: plan), sequences: [("c", 30, w)])
        XCTAssertEqual(text, "c\t0\t7\tcoding\t900\t+\nc\t11\t30\tcoding\t900\t+\n")
    }

    func testTSV() throws {
        let w = makeWindows(plan: plan, length: 18, plus: [0.5, nil, 1], minus: [0.00004, nil, 0.99999])
        // A read's row carries its best frames; a strand without one (not scored) gives NA.
        let read = [ScoredWindow(index: 0, start: 0, end: 9, plus: 0.25, minus: 0.75, framePlus: 2, frameMinus: nil)]
        let text = try render(.tsv, settings: TrackSettings(plan: plan), sequences: [("x", 18, w), ("read", 9, read)])
        XCTAssertEqual(text, """
            #chrom\tstart\tend\tp_plus\tp_minus\tframe_plus\tframe_minus
            x\t0\t10\t0.5000\t0.0000\tNA\tNA
            x\t4\t14\tNA\tNA\tNA\tNA
            x\t8\t18\t1.0000\t1.0000\tNA\tNA
            read\t0\t9\t0.2500\t0.7500\t2\tNA

            """)
        XCTAssertEqual(try render(.tsv, settings: TrackSettings(plan: plan), sequences: []),
                       "#chrom\tstart\tend\tp_plus\tp_minus\tframe_plus\tframe_minus\n")
    }

    func testNumberFormat() {
        var out: [UInt8] = []
        for p: Float in [0, 1, 0.5, 0.00006, 0.99996, 0.123449, -0.1, 1.5] {
            NumberFormat.appendProbability(p, to: &out); out.append(32)
        }
        for i in [0, 7, 10, 1234567890] { NumberFormat.append(i, to: &out); out.append(32) }
        XCTAssertEqual(String(decoding: out, as: UTF8.self),
                       "0.0000 1.0000 0.5000 0.0001 1.0000 0.1234 0.0000 1.0000 0 7 10 1234567890 ")
    }
}
