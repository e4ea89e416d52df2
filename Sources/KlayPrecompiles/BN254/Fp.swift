import KlayPrimitives

/// An element of the base field Fp of the alt_bn128 (BN254) curve,
/// p = 0x30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47.
///
/// Kept in Montgomery form (the value times 2^256 mod p) as four 64-bit limbs, least significant
/// first, always fully reduced, so equality is limb equality. Multiplication is CIOS Montgomery
/// multiplication without the extra carry word, which is sound because p's top limb is below 2^62.
struct Fp: FieldElement {
    var l0: UInt64, l1: UInt64, l2: UInt64, l3: UInt64

    @inline(__always)
    init(montgomery l0: UInt64, _ l1: UInt64, _ l2: UInt64, _ l3: UInt64) {
        (self.l0, self.l1, self.l2, self.l3) = (l0, l1, l2, l3)
    }

    /// The modulus p as a plain integer.
    static let modulus = UInt256(limbs: (0x3c20_8c16_d87c_fd47, 0x9781_6a91_6871_ca8d, 0xb850_45b6_8181_585d, 0x3064_4e72_e131_a029))
    private static let p0: UInt64 = 0x3c20_8c16_d87c_fd47
    private static let p1: UInt64 = 0x9781_6a91_6871_ca8d
    private static let p2: UInt64 = 0xb850_45b6_8181_585d
    private static let p3: UInt64 = 0x3064_4e72_e131_a029
    /// −p⁻¹ mod 2^64.
    private static let pInverse: UInt64 = 0x87d2_0782_e486_6389
    /// 2^512 mod p: multiplying by it converts into Montgomery form.
    private static let r2 = Fp(montgomery: 0xf32c_fc5b_538a_fa89, 0xb5e7_1911_d445_01fb, 0x47ab_1eff_0a41_7ff6, 0x06d8_9f71_cab8_351f)

    static let zero = Fp(montgomery: 0, 0, 0, 0)
    /// 1, that is 2^256 mod p.
    static let one = Fp(montgomery: 0xd35d_438d_c58f_0d9d, 0x0a78_eb28_f5c7_0b3d, 0x666e_a36f_7879_462c, 0x0e0a_77c1_9a07_df2f)

    /// The element whose value is `value`, which must be below p.
    init(_ value: UInt256) {
        self = Fp(montgomery: value.limbs.0, value.limbs.1, value.limbs.2, value.limbs.3) * Fp.r2
    }

    /// The element's value as a plain integer below p.
    var value: UInt256 {
        let plain = self * Fp(montgomery: 1, 0, 0, 0)
        return UInt256(limbs: (plain.l0, plain.l1, plain.l2, plain.l3))
    }

    @inline(__always)
    var isZero: Bool { (l0 | l1 | l2 | l3) == 0 }

    /// Subtracts p when the 256-bit value (`t0`…`t3`) is at least p; branch-free, since the
    /// outcome is unpredictable.
    @inline(__always)
    private static func reduceOnce(_ t0: UInt64, _ t1: UInt64, _ t2: UInt64, _ t3: UInt64) -> Fp {
        let (s0, b0) = subtractBorrowing(t0, p0, 0)
        let (s1, b1) = subtractBorrowing(t1, p1, b0)
        let (s2, b2) = subtractBorrowing(t2, p2, b1)
        let (s3, b3) = subtractBorrowing(t3, p3, b2)
        // All ones when the subtraction went below zero, that is when the value was below p.
        let keep = 0 &- b3
        return Fp(montgomery: t0 & keep | s0 & ~keep, t1 & keep | s1 & ~keep, t2 & keep | s2 & ~keep, t3 & keep | s3 & ~keep)
    }

    @inline(__always)
    static func + (a: Fp, b: Fp) -> Fp {
        // Both are below p < 2^254, so the sum cannot leave 256 bits.
        let (t0, c0) = addCarrying(a.l0, b.l0, 0)
        let (t1, c1) = addCarrying(a.l1, b.l1, c0)
        let (t2, c2) = addCarrying(a.l2, b.l2, c1)
        let t3 = a.l3 &+ b.l3 &+ c2
        return reduceOnce(t0, t1, t2, t3)
    }

    @inline(__always)
    static func - (a: Fp, b: Fp) -> Fp {
        let (t0, b0) = subtractBorrowing(a.l0, b.l0, 0)
        let (t1, b1) = subtractBorrowing(a.l1, b.l1, b0)
        let (t2, b2) = subtractBorrowing(a.l2, b.l2, b1)
        let (t3, b3) = subtractBorrowing(a.l3, b.l3, b2)
        // When it went below zero, add p back (the carry out of the top limb cancels the borrow).
        let mask = 0 &- b3
        let (u0, c0) = addCarrying(t0, p0 & mask, 0)
        let (u1, c1) = addCarrying(t1, p1 & mask, c0)
        let (u2, c2) = addCarrying(t2, p2 & mask, c1)
        let u3 = t3 &+ (p3 & mask) &+ c2
        return Fp(montgomery: u0, u1, u2, u3)
    }

    @inline(__always)
    static prefix func - (a: Fp) -> Fp { Fp.zero - a }

    @inline(__always)
    static func += (a: inout Fp, b: Fp) { a = a + b }

    @inline(__always)
    static func -= (a: inout Fp, b: Fp) { a = a - b }

    @inline(__always)
    static func *= (a: inout Fp, b: Fp) { a = a * b }

    @inline(__always)
    func doubled() -> Fp { self + self }

    /// self / 2: add p when odd (the sum stays below 2p < 2^255), then shift.
    @inline(__always)
    func halved() -> Fp {
        let mask = 0 &- (l0 & 1)
        let (t0, c0) = addCarrying(l0, Fp.p0 & mask, 0)
        let (t1, c1) = addCarrying(l1, Fp.p1 & mask, c0)
        let (t2, c2) = addCarrying(l2, Fp.p2 & mask, c1)
        let t3 = l3 &+ (Fp.p3 & mask) &+ c2
        return Fp(montgomery: t0 >> 1 | t1 << 63, t1 >> 1 | t2 << 63, t2 >> 1 | t3 << 63, t3 >> 1)
    }

    /// Montgomery product: a·b·2^−256 mod p, which is the Montgomery form of the product.
    @inline(__always)
    static func * (a: Fp, b: Fp) -> Fp {
        var t0: UInt64 = 0, t1: UInt64 = 0, t2: UInt64 = 0, t3: UInt64 = 0
        step(a, b.l0, &t0, &t1, &t2, &t3)
        step(a, b.l1, &t0, &t1, &t2, &t3)
        step(a, b.l2, &t0, &t1, &t2, &t3)
        step(a, b.l3, &t0, &t1, &t2, &t3)
        return reduceOnce(t0, t1, t2, t3)
    }

    /// One outer iteration of CIOS: t = (t + a·word + m·p) / 2^64 with m chosen to clear the low limb.
    @inline(__always)
    private static func step(_ a: Fp, _ word: UInt64, _ t0: inout UInt64, _ t1: inout UInt64, _ t2: inout UInt64, _ t3: inout UInt64) {
        var carryA: UInt64, carryM: UInt64
        (carryA, t0) = mulAdd(a.l0, word, t0, 0)
        let m = t0 &* pInverse
        (carryM, _) = mulAdd(m, p0, t0, 0)
        (carryA, t1) = mulAdd(a.l1, word, t1, carryA)
        (carryM, t0) = mulAdd(m, p1, t1, carryM)
        (carryA, t2) = mulAdd(a.l2, word, t2, carryA)
        (carryM, t1) = mulAdd(m, p2, t2, carryM)
        (carryA, t3) = mulAdd(a.l3, word, t3, carryA)
        (carryM, t2) = mulAdd(m, p3, t3, carryM)
        t3 = carryM &+ carryA
    }

    @inline(__always)
    func squared() -> Fp { self * self }

    /// self^exponent, by square-and-multiply from the top bit.
    func power(_ exponent: UInt256) -> Fp {
        var result = Fp.one
        var bit = exponent.bitLength - 1
        while bit >= 0 {
            result = result.squared()
            if (exponent[limb: bit >> 6] >> UInt64(bit & 63)) & 1 == 1 { result *= self }
            bit -= 1
        }
        return result
    }

    /// The multiplicative inverse (Fermat: self^(p−2)); zero stays zero.
    func inverse() -> Fp { power(Fp.modulus &- UInt256(2)) }
}
