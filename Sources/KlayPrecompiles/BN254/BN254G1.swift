import KlayPrimitives

/// The group G1 of EIP-196: the points of y² = x³ + 3 over Fp. The curve's group has prime order,
/// so every point on it is in G1.
enum BN254G1 {
    typealias Point = JacobianPoint<Fp>

    static let b = Fp(3)

    /// Decodes the EIP-196 point x ‖ y (two 32-byte big-endian words) at `offset`, bytes past the
    /// end reading as zero. Returns nil for (0, 0), the point at infinity; any other point must be
    /// on the curve.
    static func decode(_ input: [UInt8], at offset: Int) throws(PrecompileError) -> (x: Fp, y: Fp)? {
        let x = try Fp(validating: input.word(at: offset))
        let y = try Fp(validating: input.word(at: offset + 32))
        if x.isZero && y.isZero { return nil }
        guard y.squared() == x.squared() * x + b else { throw .malformedPoint }
        return (x, y)
    }

    /// The 64-byte encoding x ‖ y; the point at infinity is 64 zero bytes.
    static func encode(_ point: Point) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: 64)
        guard let (x, y) = point.affine else { return output }
        output.withUnsafeMutableBytes { raw in
            x.value.storeBigEndian32(to: raw.baseAddress!)
            y.value.storeBigEndian32(to: raw.baseAddress! + 32)
        }
        return output
    }
}

extension Fp {
    /// The coordinate `value`, refused with go-ethereum's errors when it is not below p.
    init(validating value: UInt256) throws(PrecompileError) {
        if value > Fp.modulus { throw .coordinateExceedsModulus }
        if value == Fp.modulus { throw .coordinateEqualsModulus }
        self.init(value)
    }
}
