/// Fast elementwise activations and their gradients (any shape, `count` floats).
public enum TrainingActivation {
    /// `values[k] = max(0, values[k])` in place.
    public static func reluForward(_ values: UnsafeMutablePointer<Float>, count: Int) {
        for k in 0..<count { values[k] = max(0, values[k]) }
    }

    /// ReLU gradient from the forward output: `grad[k] = output[k] > 0 ? grad[k] : 0`, in place.
    public static func reluBackward(output: UnsafePointer<Float>, grad: UnsafeMutablePointer<Float>, count: Int) {
        for k in 0..<count { grad[k] = output[k] > 0 ? grad[k] : 0 }
    }
}
