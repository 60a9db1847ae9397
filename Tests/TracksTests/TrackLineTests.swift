import Windows
import XCTest
@testable import Tracks

/// Track line settings: defaults, overrides, quoting and what is refused.
final class TrackLineTests: XCTestCase {
    let plan = WindowPlan(window: 10, step: 4, minLength: 5)
    let w = [ScoredWindow(index: 0, start: 0, end: 7, plus: 0.7, minus: 0.2)]

    func testBedGraphDefaultsAndOverrides() throws {
        let plain = try render(.bedgraph, settings: TrackSettings(plan: plan, trackLine: true, modelName: "m"),
                               sequences: [("r", 7, w)])
        XCTAssertEqual(plain.split(separator: "\n").first, """
            track type=bedGraph name="codingscan" description="P(coding) (m)" visibility=full autoScale=off \
            viewLimits=0:1 yLineMark=0.5 yLineOnOff=on
            """)
        let line = TrackLine(name: "my scores", description: "p coding", visibility: .dense, color: [0, 100, 200],
                             options: [("viewLimits", "0.2:1"), ("graphType", "points"), ("label", "a b")])
        let custom = try render(.bedgraph, settings: TrackSettings(plan: plan, threshold: 0.7, trackLine: true,
                                                                   modelName: "m", line: line),
                                sequences: [("r", 7, w)])
        XCTAssertEqual(custom.split(separator: "\n").first, """
            track type=bedGraph name="my scores" description="p coding" visibility=dense autoScale=off \
            viewLimits=0.2:1 yLineMark=0.7 yLineOnOff=on color=0,100,200 graphType=points label="a b"
            """)
    }

    func testBedLine() throws {
        let text = try render(.bed, settings: TrackSettings(plan: plan, threshold: 0.4, trackLine: true, modelName: "m",
                                                            line: TrackLine(visibility: .pack)),
                              sequences: [("r", 7, w)])
        XCTAssertEqual(text.split(separator: "\n").first, """
            track name="codingscan-calls" description="coding calls, p >= 0.4 (m)" useScore=1 visibility=pack
            """)
    }

    func testParsingAndRefusals() {
        XCTAssertEqual(TrackLine.color("0,128,255"), [0, 128, 255])
        XCTAssertNil(TrackLine.color("0,128"))
        XCTAssertNil(TrackLine.color("0,128,256"))
        XCTAssertNil(TrackLine.color("a,b,c"))
        XCTAssertEqual(TrackLine.option("maxHeightPixels=64:32:16")?.value, "64:32:16")
        XCTAssertEqual(TrackLine.option("x=")?.value, "")
        XCTAssertNil(TrackLine.option("=1"))
        XCTAssertNil(TrackLine.option("1a=1"))
        XCTAssertNil(TrackLine.option("a b=1"))
        XCTAssertNil(TrackLine.option("novalue"))
        XCTAssertNil(TrackLine.problem(in: "fine, with spaces"))
        XCTAssertNotNil(TrackLine.problem(in: "say \"hi\""))
        XCTAssertNotNil(TrackLine.problem(in: "two\nlines"))
        XCTAssertNotNil(TrackLine.problem(in: "cr\r"))
    }

    func testTSVProvenanceLines() throws {
        let text = try render(.tsv, settings: TrackSettings(plan: plan, provenance: ["source=codingscan 1", "model=m"]),
                              sequences: [("r", 7, w)])
        XCTAssertEqual(text, "##source=codingscan 1\n##model=m\n#chrom\tstart\tend\tp_plus\tp_minus\tframe_plus\tframe_minus\nr\t0\t7\t0.7000\t0.2000\tNA\tNA\n")
    }
}
