/// What one finished epoch reports through the progress callback.
public struct EpochProgress: Sendable, Equatable {
    /// 1-based epoch number.
    public let epoch: Int
    /// The most epochs that will run (`--epochs`).
    public let epochs: Int
    /// Mean training loss over the epoch's windows (binary cross-entropy, nats; dropout and
    /// mutations on, batch statistics).
    public let trainLoss: Double
    /// Mean loss on the validation windows (eval mode: running statistics, no dropout).
    public let validationLoss: Double
    /// Window-level ROC-AUC on the validation windows (nil if a class were missing).
    public let validationAUC: Double?
    /// Training windows per second (forward + backward + update; validation excluded).
    public let windowsPerSecond: Double
    /// Seconds since training began.
    public let elapsedSeconds: Double
    /// Estimated seconds until the last epoch ends (if no early stop).
    public let estimatedSecondsLeft: Double
    /// True when this epoch has the lowest validation loss so far (its weights are kept).
    public let isBest: Bool
}
