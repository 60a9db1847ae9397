import Windows
import XCTest
@testable import Tracks
import SeededRandom

/// Records what reaches the inner writer.
private final class RecordingWriter: TrackWriter {
    var events: [String] = []
    var windows: [ScoredWindow] = []
    func begin(sequence name: String) throws(TrackError) { events.append("begin \(name)") }
    func add(_ window: ScoredWindow) throws(TrackError) { windows.append(window); events.append("add \(window.index)") }
    func end(sequenceLength length: Int) throws(TrackError) { events.append("end \(length)") }
    func finish() throws(TrackError) { events.append("finish") }
}

/// `SmoothingWriter` against a plain reference: the mean of the scored neighbours within the radius,
/// per strand and per sequence, nil kept nil, coordinates untouched.
final class SmoothingWriterTests: XCTestCase {
    /// The reference: for each window, the mean over windows i-r...i+r of the same sequence.
    func reference(_ windows: [ScoredWindow], radius: Int) -> [ScoredWindow] {
        windows.indices.map { i in
            let range = max(0, i - radius)...min(windows.count - 1, i + radius)
            func mean(_ values: [Float?]) -> Float {
                let present = values.compactMap { $0 }
                return Float(present.reduce(0.0) { $0 + Double($1) } / Double(present.count))
            }
            let w = windows[i]
            return ScoredWindow(index: w.index, start: w.start, end: w.end,
                                plus: w.plus.map { _ in mean(range.map { windows[$0].plus }) },
                                minus: w.minus.map { _ in mean(range.map { windows[$0].minus }) })
        }
    }

    fileprivate func run(_ sequences: [[ScoredWindow]], radius: Int) throws -> RecordingWriter {
        let inner = RecordingWriter()
        let writer = SmoothingWriter(inner, radius: radius)
        for (n, windows) in sequences.enumerated() {
            try writer.begin(sequence: "s\(n)")
            for w in windows { try writer.add(w) }
            try writer.end(sequenceLength: (windows.last?.end ?? 0) + 5)
        }
        try writer.finish()
        return inner
    }

    func testMatchesReferenceForEveryRadiusAndLength() throws {
        var rng = SeededGenerator(state: 7)
        for radius in 0...5 {
            for count in [0, 1, 2, 3, 4, 7, 11, 30] {
                let plan = WindowPlan(window: 30, step: 10, minLength: 10)
                let sequences: [[ScoredWindow]] = (0..<2).map { _ in
                    (0..<count).map { i in
                        let scored = Int.random(in: 0..<5, using: &rng) != 0
                        return ScoredWindow(index: i, start: plan.windowStart(i), end: plan.windowStart(i) + 30,
                                            plus: scored ? Float.random(in: 0...1, using: &rng) : nil,
                                            minus: scored ? Float.random(in: 0...1, using: &rng) : nil)
                    }
                }
                let inner = try run(sequences, radius: radius)
                XCTAssertEqual(inner.windows, sequences.flatMap { reference($0, radius: radius) },
                               "radius \(radius), \(count) windows")
                let expectedEvents = sequences.enumerated().flatMap { n, ws in
                    ["begin s\(n)"] + ws.map { "add \($0.index)" } + ["end \((ws.last?.end ?? 0) + 5)"]
                } + ["finish"]
                XCTAssertEqual(inner.events, expectedEvents, "every window once, in order, inside its sequence")
            }
        }
    }

    func testKnownValuesAndOneStrand() throws {
        let ws = [Float(0), 0.3, 0.6, 0.9].enumerated().map { i, p in
            ScoredWindow(index: i, start: i * 10, end: i * 10 + 30, plus: p, minus: nil)
        }
        let out = try run([ws], radius: 1).windows
        XCTAssertEqual(out.map { $0.plus! }, [0.15, 0.3, 0.6, 0.75].map { Float($0) }, accuracy: 1e-6)
        XCTAssertTrue(out.allSatisfy { $0.minus == nil }, "a strand not asked for stays nil")
        XCTAssertEqual(out.map(\.start), [0, 10, 20, 30])
        // An unscored window stays unscored and does not count in its neighbours' means.
        var gap = ws
        gap[1] = ScoredWindow(index: 1, start: 10, end: 40, plus: nil, minus: nil)
        let gapped = try run([gap], radius: 1).windows
        XCTAssertNil(gapped[1].plus)
        XCTAssertEqual(gapped.map { $0.plus ?? -1 }, [0, -1, 0.75, 0.75].map { Float($0) }, accuracy: 1e-6)
    }

    /// Smoothing keeps each window's own ORF gates; `GatingWriter` then multiplies them in (nil stays
    /// nil) and hands the window on with gates 1.
    func testGatesPassSmoothingAndApplyAfterIt() throws {
        let gates: [Float] = [1, 0.5, 0.1, 0.8]
        let ws = [Float(0), 0.3, 0.6, 0.9].enumerated().map { i, p in
            ScoredWindow(index: i, start: i * 10, end: i * 10 + 30, plus: p, minus: i == 2 ? nil : 1 - p,
                         gatePlus: gates[i], gateMinus: 1 - gates[i] / 2, framePlus: i % 3, frameMinus: i == 1 ? nil : 2 - i % 3)
        }
        let smoothed = try run([ws], radius: 1).windows
        XCTAssertEqual(smoothed.map(\.gatePlus), gates)
        // A read's best frames pass both writers unchanged.
        XCTAssertEqual(smoothed.map(\.framePlus), [0, 1, 2, 0])
        XCTAssertEqual(smoothed.map(\.frameMinus), [2, nil, 0, 2])
        let inner = RecordingWriter()
        let gating = GatingWriter(inner)
        try gating.begin(sequence: "s")
        for w in ws { try gating.add(w) }
        try gating.end(sequenceLength: 60)
        try gating.finish()
        XCTAssertEqual(inner.events, ["begin s", "add 0", "add 1", "add 2", "add 3", "end 60", "finish"])
        XCTAssertEqual(inner.windows.map { $0.plus! }, [0, 0.15, 0.06, 0.72], accuracy: 1e-6)
        XCTAssertEqual(inner.windows.map { $0.minus ?? -1 }, [0.5, 0.525, -1, 0.06], accuracy: 1e-6)
        XCTAssertTrue(inner.windows.allSatisfy { $0.gatePlus == 1 && $0.gateMinus == 1 })
        XCTAssertEqual(inner.windows.map(\.start), ws.map(\.start))
        XCTAssertEqual(inner.windows.map(\.framePlus), ws.map(\.framePlus))
        XCTAssertEqual(inner.windows.map(\.frameMinus), ws.map(\.frameMinus))
    }
}

private func XCTAssertEqual(_ a: [Float], _ b: [Float], accuracy: Float, file: StaticString = #filePath,
                            line: UInt = #line) {
    XCTAssertEqual(a.count, b.count, file: file, line: line)
    for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: accuracy, file: file, line: line) }
}
