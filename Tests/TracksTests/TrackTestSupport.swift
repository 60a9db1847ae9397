import Foundation
import Windows
import XCTest
@testable import Tracks

/// Runs a writer over synthetic windows into a temporary file and returns the text.
func render(_ format: TrackFormat, settings: TrackSettings,
            sequences: [(name: String, length: Int, windows: [ScoredWindow])]) throws -> String {
    let path = NSTemporaryDirectory() + "codingscan-tracks-\(UUID().uuidString).txt"
    defer { unlink(path) }
    let sink = try OutputSink(path: path)
    let writer = TrackWriters.make(format, settings: settings, sink: sink)
    for s in sequences {
        try writer.begin(sequence: s.name)
        for w in s.windows { try writer.add(w) }
        try writer.end(sequenceLength: s.length)
    }
    try writer.finish()
    try sink.commit()
    return try String(contentsOfFile: path, encoding: .utf8)
}

/// Windows of the plan on a sequence of `length`, with p given per window index (nil = unscored).
func makeWindows(plan: WindowPlan, length: Int, plus: [Float?], minus: [Float?]) -> [ScoredWindow] {
    let n = plan.windowCount(length: length)
    precondition(plus.count == n && minus.count == n)
    return (0..<n).map { i in
        let start = plan.windowStart(i)
        return ScoredWindow(index: i, start: start, end: min(start + plan.window, length),
                            plus: plus[i], minus: minus[i])
    }
}
