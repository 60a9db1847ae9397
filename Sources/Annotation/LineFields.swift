import GenomeCore

/// The columns of one annotation line, as byte ranges into the line buffer.
///
/// Valid only while the line buffer is (until the next `LineReader.next()`). Reused between lines so
/// that splitting allocates nothing once the arrays have grown.
struct LineFields {
    /// The line last split.
    private(set) var line = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    /// `starts[i]..<ends[i]` is column `i` (0-based) within `line`.
    private var starts: [Int] = []
    private var ends: [Int] = []

    /// Number of columns found by the last split.
    var count: Int { starts.count }

    /// Splits at tabs into at most `limit` columns; the last column keeps the rest of the line, tabs
    /// included.
    mutating func split(_ line: UnsafeBufferPointer<UInt8>, limit: Int) {
        self.line = line
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        var fieldStart = 0
        var index = 0
        while index < line.count {
            if line[index] == 0x09 && starts.count < limit - 1 {
                starts.append(fieldStart)
                ends.append(index)
                fieldStart = index + 1
            }
            index += 1
        }
        starts.append(fieldStart)
        ends.append(line.count)
    }

    /// Splits at runs of spaces and tabs, ignoring leading and trailing ones (BED files written with
    /// spaces).
    mutating func splitWhitespace(_ line: UnsafeBufferPointer<UInt8>) {
        self.line = line
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        var index = 0
        while index < line.count {
            while index < line.count && (line[index] == 0x20 || line[index] == 0x09) { index += 1 }
            if index == line.count { break }
            let fieldStart = index
            while index < line.count && line[index] != 0x20 && line[index] != 0x09 { index += 1 }
            starts.append(fieldStart)
            ends.append(index)
        }
    }

    /// The bytes of column `index`.
    func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: line[starts[index]..<ends[index]])
    }

    /// Column `index` as a string (invalid UTF-8 repaired with U+FFFD).
    func string(_ index: Int) -> String {
        String(decoding: bytes(index), as: UTF8.self)
    }

    /// True when column `index` is exactly `literal` (ASCII, case-sensitive).
    func equals(_ index: Int, _ literal: StaticString) -> Bool {
        let field = bytes(index)
        guard field.count == literal.utf8CodeUnitCount else { return false }
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        return field.elementsEqual(expected)
    }

    /// Column `index` as a non-negative decimal integer: 1 to 18 ASCII digits and nothing else, so
    /// that it cannot overflow; nil otherwise.
    func integer(_ index: Int) -> Int? {
        Self.parseInteger(bytes(index))
    }

    /// `bytes` as a non-negative decimal integer of 1 to 18 digits, or nil.
    static func parseInteger<C: Collection>(_ bytes: C) -> Int? where C.Element == UInt8 {
        DecimalDigits.parse(bytes)
    }
}
