/// A heap buffer of trivial values (Float, Int32, Double, SIMD vectors) whose pointer stays valid until
/// the buffer grows or dies: kernels get plain pointers without nested `withUnsafe...` closures.
///
/// Two uses, one type: a fixed buffer (`init(count:zero:)`, every element initialised, as the trainer
/// keeps its activations and gradients) and a grow-only scratch area reused across calls
/// (`init()` then `reserve(_:)`, contents undefined, as the scanner's workers use). Not synchronised:
/// each thread owns its own.
public final class ScratchBuffer<Element: BitwiseCopyable>: @unchecked Sendable {
    /// The first element.
    public private(set) var pointer: UnsafeMutablePointer<Element>
    /// Usable elements: the fixed size, or the capacity after the last `reserve`.
    public private(set) var count: Int

    /// `count` elements, all `zero`.
    public init(count: Int, zero: Element) {
        self.count = max(0, count)
        pointer = .allocate(capacity: max(1, count))
        pointer.initialize(repeating: zero, count: max(1, count))
    }

    /// A copy of `values`.
    public convenience init(_ values: [Element], zero: Element) {
        self.init(count: values.count, zero: zero)
        values.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { pointer.update(from: base, count: values.count) }
        }
    }

    /// An empty grow-only scratch area (room for 16 elements).
    public init() {
        count = 16
        pointer = .allocate(capacity: count)
    }

    deinit {
        pointer.deallocate()
    }

    /// At least `needed` elements; growing (to at least twice the old size) moves the buffer and
    /// leaves its contents undefined.
    public func reserve(_ needed: Int) -> UnsafeMutablePointer<Element> {
        if needed > count {
            pointer.deallocate()
            count = max(needed, count * 2)
            pointer = .allocate(capacity: count)
        }
        return pointer
    }

    /// The contents as an array.
    public var array: [Element] {
        Array(UnsafeBufferPointer(start: pointer, count: count))
    }
}
