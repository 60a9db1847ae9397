/// How a conv block pools its positions (when its pool size is above 1).
public enum PoolKind: String, Sendable, Equatable, CaseIterable {
    /// Max over each group of `size` positions (`maxpool1d`): shift-tolerant, but loses the phase of
    /// a feature within the group, so with size 3 it cannot tell the reading frames apart.
    case max
    /// The first position of each group (`subsample1d`): a stride-`size` convolution. Every kept
    /// position sits at a multiple of `size` from the window start, so after a size-3 subsample the
    /// later layers see codons in one fixed frame and can compare the three frames.
    case subsample
}
