import KlayPrimitives

/// The group G2 of EIP-197: the points of order r on the twist y² = x³ + 3/ξ over Fp2.
///
/// Unlike G1, the twist's group is larger than G2 (cofactor ≈ p), so decoding checks the subgroup.
enum BN254G2 {
    typealias Point = JacobianPoint<Fp2>

    /// b' = 3/ξ, the twist's constant.
    static let b = Fp2(Fp(3), .zero) * Fp2.xi.inverse()

    /// r, the order of G1 and G2.
    static let order = UInt256(limbs: (0x43e1_f593_f000_0001, 0x2833_e848_79b9_7091, 0xb850_45b6_8181_585d, 0x3064_4e72_e131_a029))

    /// Decodes the EIP-197 point at `offset`: x and y as (imaginary, real) pairs of 32-byte words,
    /// 128 bytes in all. Returns nil for the point at infinity (all zero); any other point must be on
    /// the twist and in the subgroup of order r.
    static func decode(_ input: [UInt8], at offset: Int) throws(PrecompileError) -> (x: Fp2, y: Fp2)? {
        let xImaginary = try Fp(validating: input.word(at: offset))
        let xReal = try Fp(validating: input.word(at: offset + 32))
        let yImaginary = try Fp(validating: input.word(at: offset + 64))
        let yReal = try Fp(validating: input.word(at: offset + 96))
        let x = Fp2(xReal, xImaginary)
        let y = Fp2(yReal, yImaginary)
        if x.isZero && y.isZero { return nil }
        guard y.squared() == x.squared() * x + b else { throw .malformedPoint }
        guard Point((x, y)).multiplied(by: order).isInfinity else { throw .malformedPoint }
        return (x, y)
    }
}
