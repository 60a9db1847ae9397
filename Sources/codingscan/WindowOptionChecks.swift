import ArgumentParser

/// The range checks `scan` and `eval` share for --window, --step, --smooth and --threshold (usage errors, exit 64).
enum WindowOptionChecks {
    /// The help of `--smooth`, the same in `scan` and `eval`.
    static let smoothHelp = ArgumentHelp(
        "Average each window's probabilities (per strand) with those of the windows whose starts lie within "
            + "bp/2 of its own; 0 = off. (default: the model's smooth)", valueName: "bp")

    /// Throws a `ValidationError` naming the option when a value is out of range.
    static func validate(window: Int?, step: Int?, smooth: Int?, threshold: Float) throws {
        if let window, window < 1 { throw ValidationError("--window must be at least 1 (got \(window))") }
        if let step, step < 1 { throw ValidationError("--step must be at least 1 (got \(step))") }
        if let smooth, smooth < 0 { throw ValidationError("--smooth must be at least 0 (got \(smooth))") }
        if let window, let step, step > window {
            throw ValidationError("--step (\(step)) must not exceed --window (\(window))")
        }
        if !(threshold >= 0 && threshold <= 1) {
            throw ValidationError("--threshold must be between 0 and 1 (got \(threshold))")
        }
    }
}
