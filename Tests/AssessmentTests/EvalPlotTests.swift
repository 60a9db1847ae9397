import Assessment
import Foundation
import XCTest

/// `--plot`: the SVG file with ROC and precision-recall panels, written atomically.
final class EvalPlotTests: XCTestCase {
    func testPlotHasBothPanelsAndOneSeriesPerGenome() throws {
        let scratch = try ScratchDirectory()
        let assessor = try Assessor(model: AssessmentFixtures.tinyModel)
        let annotation = try Assessor.readAnnotation(path: AssessmentFixtures.path("fixtures/real/pPCP1.gff3.gz"))
        let genome = AssessmentFixtures.path("fixtures/real/pPCP1.fa.gz")
        let first = try assessor.assess(genome: genome, annotation: annotation)
        let second = try assessor.assess(genome: genome, annotation: annotation, label: "copy")
        let svg = EvalPlot.svg([first, second], model: "tiny-fixture", window: 60, step: 20)
        let path = scratch.path("curves.svg")
        try EvalPlot.write(svg, to: path)
        XCTAssertEqual(try scratch.listing(), ["curves.svg"], "no temporary file left behind")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertEqual(text, svg)
        XCTAssertTrue(text.hasPrefix("<?xml"))
        XCTAssertTrue(text.hasSuffix("</svg>\n"))
        XCTAssertEqual(text.components(separatedBy: "<g class=\"panel\">").count - 1, 2)
        XCTAssertTrue(text.contains(">ROC</text>"))
        XCTAssertTrue(text.contains(">Precision-recall (non-coding)</text>"))
        XCTAssertEqual(text.components(separatedBy: "<polyline class=\"curve\"").count - 1, 4, "2 series x 2 panels")
        XCTAssertTrue(text.contains("pPCP1.fa.gz (AUC 0."))
        XCTAssertTrue(text.contains("copy (AP 0."))
        XCTAssertTrue(text.contains("model tiny-fixture, window 60 bp, step 20 bp"))
    }

    func testUnwritablePlotIsAnErrorAndLeavesNothing() throws {
        XCTAssertThrowsError(try EvalPlot.write("<svg/>", to: "/nonexistent-dir/curves.svg")) { error in
            XCTAssertTrue("\(error)".hasPrefix("/nonexistent-dir/curves.svg: cannot create output: "), "\(error)")
        }
    }
}
