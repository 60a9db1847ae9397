/// A SIMD vector of Float with the two lane-wise selections the fast kernels need, implemented on
/// each concrete type: generic code that compares `V: SIMD` lanes gets the stdlib's lane-by-lane
/// fallback (scalar compares), while the concrete `SIMD4/8/16<Float>` comparisons become one
/// vector compare and blend.
public protocol FloatVector: SIMD where Scalar == Float {
    /// `x >= 0 ? x : 0` per lane: the reference ReLU `max(0, x)`, NaN and −0 included.
    func rectified() -> Self
    /// `other >= self ? other : self` per lane: the reference `max(self, other)` of max pooling.
    func maxFolding(_ other: Self) -> Self
}

extension SIMD4: FloatVector where Scalar == Float {
    @inlinable @inline(__always)
    public func rectified() -> Self { Self().replacing(with: self, where: self .>= Self()) }

    @inlinable @inline(__always)
    public func maxFolding(_ other: Self) -> Self { replacing(with: other, where: other .>= self) }
}

extension SIMD8: FloatVector where Scalar == Float {
    @inlinable @inline(__always)
    public func rectified() -> Self { Self().replacing(with: self, where: self .>= Self()) }

    @inlinable @inline(__always)
    public func maxFolding(_ other: Self) -> Self { replacing(with: other, where: other .>= self) }
}

extension SIMD16: FloatVector where Scalar == Float {
    @inlinable @inline(__always)
    public func rectified() -> Self { Self().replacing(with: self, where: self .>= Self()) }

    @inlinable @inline(__always)
    public func maxFolding(_ other: Self) -> Self { replacing(with: other, where: other .>= self) }
}
