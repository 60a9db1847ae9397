import XCTest
@testable import Windows

final class WindowStreamTests: XCTestCase {
    private func masks(_ text: String) -> [UInt8] { text.utf8.map { BaseEncoding.maskOfASCII[Int($0)] } }

    /// Feeds `seq` in pieces of the given sizes and collects (start, bases, unambiguous).
    private func windows(_ seq: [UInt8], plan: WindowPlan, pieces: [Int]) -> [(Int, [UInt8], Int)] {
        var stream = WindowStream(plan: plan)
        var out: [(Int, [UInt8], Int)] = []
        var offset = 0
        var p = 0
        let collect = { (w: WindowStream.Window) in
            XCTAssertEqual(w.index, out.count)
            out.append((w.start, Array(w.masks), w.unambiguous))
        }
        while offset < seq.count {
            let n = min(pieces[p % pieces.count], seq.count - offset)
            p += 1
            seq[offset..<(offset + n)].withUnsafeBufferPointer { stream.append($0, collect) }
            offset += n
        }
        let count = stream.finish(collect)
        XCTAssertEqual(count, out.count)
        XCTAssertEqual(stream.length, seq.count)
        return out
    }

    func testPiecesDoNotChangeWindows() {
        var rng = SystemRandomNumberGenerator()
        let letters = Array("ACGTNacgtRY".utf8)
        let seq = (0..<997).map { _ in BaseEncoding.maskOfASCII[Int(letters.randomElement(using: &rng)!)] }
        let plan = WindowPlan(window: 60, step: 7, minLength: 20)
        let whole = windows(seq, plan: plan, pieces: [seq.count])
        XCTAssertEqual(whole.count, plan.windowCount(length: seq.count))
        for pieces in [[1], [3, 17], [59, 60, 61], [200]] {
            let cut = windows(seq, plan: plan, pieces: pieces)
            XCTAssertEqual(cut.count, whole.count)
            for (a, b) in zip(cut, whole) {
                XCTAssertEqual(a.0, b.0); XCTAssertEqual(a.1, b.1); XCTAssertEqual(a.2, b.2)
            }
        }
        for (i, w) in whole.enumerated() {
            XCTAssertEqual(w.0, i * 7)
            XCTAssertEqual(w.1, Array(seq[(i * 7)..<(i * 7 + 60)]))
            XCTAssertEqual(w.2, w.1.filter { BaseEncoding.isUnambiguous($0) }.count)
        }
    }

    func testShortSequences() {
        let plan = WindowPlan(window: 60, step: 20, minLength: 20)
        XCTAssertEqual(windows(masks(String(repeating: "A", count: 19)), plan: plan, pieces: [5]).count, 0)
        let short = windows(masks(String(repeating: "ACGN", count: 6)), plan: plan, pieces: [5])
        XCTAssertEqual(short.count, 1)
        XCTAssertEqual(short[0].0, 0)
        XCTAssertEqual(short[0].1.count, 24)
        XCTAssertEqual(short[0].2, 18)
        let exact = windows(masks(String(repeating: "ACGT", count: 15)), plan: plan, pieces: [7])
        XCTAssertEqual(exact.count, 1)
        XCTAssertEqual(exact[0].1.count, 60)
    }

    func testResetStartsOver() {
        let plan = WindowPlan(window: 4, step: 2, minLength: 2)
        var stream = WindowStream(plan: plan)
        var starts: [Int] = []
        masks("ACGTACGTA").withUnsafeBufferPointer { stream.append($0) { starts.append($0.start) } }
        stream.finish { starts.append($0.start) }
        XCTAssertEqual(starts, [0, 2, 4])
        stream.reset()
        starts = []
        masks("ACG").withUnsafeBufferPointer { stream.append($0) { starts.append($0.start) } }
        XCTAssertEqual(stream.finish { starts.append($0.start) }, 1)
        XCTAssertEqual(starts, [0])
    }
}
