/// One value per thread, each thread writing only its own slot (no shared Swift array mutation).
final class Slots<Value>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Value>
    let count: Int

    init(count: Int, initial: Value) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: initial, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    subscript(index: Int) -> Value {
        get { slots[index] }
        set { slots[index] = newValue }
    }

    var values: [Value] { Array(UnsafeBufferPointer(start: slots, count: count)) }
}
