#if canImport(FoundationXML)
import FoundationXML
#else
import Foundation
#endif
import XCTest
@testable import Evaluation

final class CurvePlotSVGTests: XCTestCase {
    private func series() throws -> [PlotSeries] {
        let good = try BinaryEvaluation(scores: [0.9, 0.8, 0.7, 0.4, 0.2], positiveWeights: [1, 1, 0, 1, 0],
                                        negativeWeights: [0, 0, 1, 0, 1])
        let weak = try BinaryEvaluation(scores: [0.9, 0.8, 0.7, 0.4, 0.2], positiveWeights: [0, 1, 1, 0, 1],
                                        negativeWeights: [1, 0, 0, 1, 0])
        return [PlotSeries(name: "E. coli <K-12> & \"friends\"", evaluation: good),
                PlotSeries(name: "B. subtilis", evaluation: weak, target: .negative)]
    }

    func testDocumentStructure() throws {
        let svg = CurvePlotSVG.render(try series(), title: "Held-out genomes", prLabel: "coding")
        XCTAssertTrue(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\""))
        XCTAssertTrue(svg.hasSuffix("</svg>\n"))
        XCTAssertEqual(svg.components(separatedBy: "<g class=\"panel\">").count - 1, 2)
        XCTAssertEqual(svg.components(separatedBy: "<polyline").count - 1, 4)
        XCTAssertEqual(svg.components(separatedBy: "class=\"diagonal\"").count - 1, 1)
        XCTAssertEqual(svg.components(separatedBy: "<g class=\"legend\">").count - 1, 2)
        XCTAssertTrue(svg.contains(">ROC</text>"))
        XCTAssertTrue(svg.contains(">Precision-recall (coding)</text>"))
        XCTAssertTrue(svg.contains(">False positive rate</text>"))
        XCTAssertTrue(svg.contains(">True positive rate</text>"))
        XCTAssertTrue(svg.contains(">Recall</text>"))
        XCTAssertTrue(svg.contains(">Precision</text>"))
        XCTAssertTrue(svg.contains(">0.4</text>"))
        XCTAssertTrue(svg.contains(">Held-out genomes</text>"))
        // Names escaped; AUC: 5 of 6 pairs ordered right -> 0.833, 2 of 6 -> 0.333.
        XCTAssertTrue(svg.contains("E. coli &lt;K-12&gt; &amp; &quot;friends&quot; (AUC 0.833)"), svg)
        XCTAssertTrue(svg.contains("B. subtilis (AUC 0.333)"))
        XCTAssertTrue(svg.contains("B. subtilis (AP "))
        XCTAssertFalse(svg.contains("nan"))
        XCTAssertFalse(svg.contains("\"friends\""))
        // Balanced tags.
        for tag in ["g", "svg"] {
            XCTAssertEqual(svg.components(separatedBy: "<\(tag) ").count + svg.components(separatedBy: "<\(tag)>").count - 2,
                           svg.components(separatedBy: "</\(tag)>").count - 1, tag)
        }
    }

    func testParsesAsXML() throws {
        let svg = CurvePlotSVG.render(try series(), title: "a < b\u{1}")
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = ElementCollector()
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), "\(String(describing: parser.parserError))")
        XCTAssertEqual(collector.elements.first, "svg")
        XCTAssertEqual(collector.elements.filter { $0 == "polyline" }.count, 4)
    }

    func testEmptyPlotIsStillValid() {
        let svg = CurvePlotSVG.render([])
        XCTAssertEqual(svg.components(separatedBy: "<polyline").count, 1)
        XCTAssertTrue(XMLParser(data: Data(svg.utf8)).parse())
        let missing = CurvePlotSVG.render([PlotSeries(name: "x", roc: [], rocAUC: nil, precisionRecall: [], averagePrecision: nil)])
        XCTAssertTrue(missing.contains("x (AUC n/a)"))
    }

    func testNumberFormatting() {
        XCTAssertEqual(CurvePlotSVG.number(12), "12")
        XCTAssertEqual(CurvePlotSVG.number(12.5), "12.5")
        XCTAssertEqual(CurvePlotSVG.number(12.256), "12.26")
        XCTAssertEqual(CurvePlotSVG.number(0.04), "0.04")
        XCTAssertEqual(CurvePlotSVG.number(-3.5), "-3.5")
        XCTAssertEqual(CurvePlotSVG.area(0.91249), "0.912")
        XCTAssertEqual(CurvePlotSVG.area(1), "1.000")
        XCTAssertEqual(CurvePlotSVG.area(0.0004), "0.000")
        XCTAssertEqual(CurvePlotSVG.area(nil), "n/a")
    }
}

/// Records element names in document order.
private final class ElementCollector: NSObject, XMLParserDelegate {
    var elements: [String] = []

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append(elementName)
    }
}
