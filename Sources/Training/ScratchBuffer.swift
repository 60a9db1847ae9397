/// A fixed-size, zero-initialised heap buffer whose pointer stays valid for the buffer's lifetime.
///
/// The network keeps every activation and gradient in these so that kernels get plain pointers
/// without nested `withUnsafe...` closures. Not synchronised: each worker thread owns its own.
final class ScratchBuffer<Element: BitwiseCopyable>: @unchecked Sendable {
    /// The first element; `count` elements are initialised.
    let pointer: UnsafeMutablePointer<Element>
    /// Number of elements.
    let count: Int

    /// `count` elements, all `zero`.
    init(count: Int, zero: Element) {
        self.count = max(0, count)
        pointer = .allocate(capacity: max(1, count))
        pointer.initialize(repeating: zero, count: max(1, count))
    }

    /// A copy of `values`.
    convenience init(_ values: [Element], zero: Element) {
        self.init(count: values.count, zero: zero)
        values.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { pointer.update(from: base, count: values.count) }
        }
    }

    deinit {
        pointer.deallocate()
    }

    /// The contents as an array.
    var array: [Element] {
        Array(UnsafeBufferPointer(start: pointer, count: count))
    }
}
