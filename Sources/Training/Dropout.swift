/// Inverted dropout on the pooled features, in training only: each feature is kept with
/// probability `1 − rate` and then scaled by `1 / (1 − rate)`, so inference needs no rescaling.
enum Dropout {
    /// Fills `mask` (`count` values) with `1 / (1 − rate)` (kept) or 0 (dropped), one uniform draw
    /// per value from `rng`. A rate of 0 keeps everything with factor 1.
    static func makeMask(rate: Float, count: Int, rng: inout Xoshiro256StarStar, into mask: UnsafeMutablePointer<Float>) {
        guard rate > 0 else {
            mask.update(repeating: 1, count: count)
            return
        }
        let keep = 1 / (1 - rate)
        for k in 0..<count { mask[k] = rng.unitFloat() < rate ? 0 : keep }
    }

    /// `output[k] = input[k] · mask[k]`.
    static func forward(input: UnsafePointer<Float>, mask: UnsafePointer<Float>, count: Int,
                        output: UnsafeMutablePointer<Float>) {
        for k in 0..<count { output[k] = input[k] * mask[k] }
    }

    /// Gradient: `gradInput[k] = gradOutput[k] · mask[k]` (may be the same buffer).
    static func backward(gradOutput: UnsafePointer<Float>, mask: UnsafePointer<Float>, count: Int,
                         gradInput: UnsafeMutablePointer<Float>) {
        for k in 0..<count { gradInput[k] = gradOutput[k] * mask[k] }
    }
}
