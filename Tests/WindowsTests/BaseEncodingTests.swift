import Windows
import XCTest

final class BaseEncodingTests: XCTestCase {
    func testMasksAndComplement() {
        let t = BaseEncoding.maskOfASCII
        XCTAssertEqual([t[65], t[67], t[71], t[84], t[85], t[78]], [1, 2, 4, 8, 8, 15])
        XCTAssertEqual(t[Int(UInt8(ascii: "a"))], 1)
        XCTAssertEqual(t[Int(UInt8(ascii: "E"))], 0)
        XCTAssertEqual(t[Int(UInt8(ascii: "-"))], 0)
        XCTAssertEqual(BaseEncoding.complement(1), 8)
        XCTAssertEqual(BaseEncoding.complement(2), 4)
        XCTAssertEqual(BaseEncoding.complement(5), 10)  // R ↔ Y
        XCTAssertEqual(BaseEncoding.complement(15), 15)
        for m in UInt8(0)...15 { XCTAssertEqual(BaseEncoding.complement(BaseEncoding.complement(m)), m) }
    }

    func testOneHot() {
        XCTAssertEqual(BaseEncoding.oneHot(1), SIMD4(1, 0, 0, 0))
        XCTAssertEqual(BaseEncoding.oneHot(8), SIMD4(0, 0, 0, 1))
        XCTAssertEqual(BaseEncoding.oneHot(15), SIMD4(repeating: 0.25))
        XCTAssertEqual(BaseEncoding.oneHot(5), SIMD4(0.5, 0, 0.5, 0))
        XCTAssertTrue(BaseEncoding.isUnambiguous(4))
        XCTAssertFalse(BaseEncoding.isUnambiguous(5))
        XCTAssertFalse(BaseEncoding.isUnambiguous(0))
    }

    func testEncodeReverseComplement() {
        let masks: [UInt8] = [1, 2, 5]  // A C R
        var out = [Float](repeating: -1, count: 12)
        masks.withUnsafeBufferPointer { m in
            out.withUnsafeMutableBufferPointer { BaseEncoding.encode(m, reverseComplement: true, into: $0) }
        }
        // reverse complement of ACR is YGT
        XCTAssertEqual(out, [0, 0.5, 0, 0.5, 0, 0, 1, 0, 0, 0, 0, 1])
    }
}
