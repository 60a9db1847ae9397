#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Binary cross-entropy of a sigmoid output computed from the logit, stable for any logit:
/// `loss(z, y) = max(z, 0) − z · y + log(1 + e^(−|z|))`, equal to
/// `−y · log σ(z) − (1 − y) · log(1 − σ(z))` without overflow or `log(0)`.
public enum BinaryCrossEntropy {
    /// The loss (nats) of logit `z` against label `y` in [0, 1].
    public static func loss(logit z: Float, label y: Float) -> Double {
        let zd = Double(z)
        return max(zd, 0) - zd * Double(y) + log1p(exp(-abs(zd)))
    }

    /// d loss / d z = σ(z) − y.
    public static func gradient(logit z: Float, label y: Float) -> Float {
        sigmoid(z) - y
    }

    /// σ(z) = 1 / (1 + e^(−z)) without overflow.
    public static func sigmoid(_ z: Float) -> Float {
        if z >= 0 { return 1 / (1 + expf(-z)) }
        let e = expf(z)
        return e / (1 + e)
    }
}
