import KlayPrimitives

/// An element of the base field Fq of BLS12-381, q = 0x1a0111ea…ffffaaab (381 bits).
///
/// Montgomery form (value·2^384 mod q) in six 64-bit limbs, least significant first, always fully
/// reduced. Multiplication is CIOS without the extra carry word, sound because q's top limb is
/// below 2^62.
struct Fq: FieldElement {
    typealias Limbs = (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)
    var limbs: Limbs

    @inline(__always)
    init(montgomery limbs: Limbs) { self.limbs = limbs }

    /// q, least significant limb first.
    static let modulus: Limbs = (
        0xb9fe_ffff_ffff_aaab, 0x1eab_fffe_b153_ffff, 0x6730_d2a0_f6b0_f624,
        0x6477_4b84_f385_12bf, 0x4b1b_a7b6_434b_acd7, 0x1a01_11ea_397f_e69a)
    /// q as an array, least significant limb first (for exponents derived from it).
    static let modulusWords = [modulus.0, modulus.1, modulus.2, modulus.3, modulus.4, modulus.5]
    /// −q⁻¹ mod 2^64.
    private static let qInverse: UInt64 = 0x89f3_fffc_fffc_fffd
    /// 2^768 mod q: multiplying by it converts into Montgomery form.
    private static let r2 = Fq(montgomery: (
        0xf4df_1f34_1c34_1746, 0x0a76_e6a6_09d1_04f1, 0x8de5_476c_4c95_b6d5,
        0x67eb_88a9_939d_83c0, 0x9a79_3e85_b519_952d, 0x1198_8fe5_92ca_e3aa))

    static let zero = Fq(montgomery: (0, 0, 0, 0, 0, 0))
    /// 1, that is 2^384 mod q.
    static let one = Fq(montgomery: (
        0x7609_0000_0002_fffd, 0xebf4_000b_c40c_0002, 0x5f48_9857_53c7_58ba,
        0x77ce_5853_7052_5745, 0x5c07_1a97_a256_ec6d, 0x15f6_5ec3_fa80_e493))

    static func == (a: Fq, b: Fq) -> Bool { a.limbs == b.limbs }

    /// The element of the 48 big-endian bytes `bytes`, or nil when they are not below q.
    init?(bigEndian bytes: some Collection<UInt8>) {
        precondition(bytes.count == 48)
        var words: Limbs = (0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &words) { raw in
            let words = raw.bindMemory(to: UInt64.self)
            for (index, byte) in bytes.enumerated() {
                let position = 47 - index
                words[position / 8] |= UInt64(byte) << UInt64(8 * (position % 8))
            }
        }
        guard Fq.subtract(words, Fq.modulus).borrow == 1 else { return nil }
        self = Fq(montgomery: words) * Fq.r2
    }

    /// The value (out of Montgomery form), least significant limb first.
    var plainLimbs: Limbs { (self * Fq(montgomery: (1, 0, 0, 0, 0, 0))).limbs }

    /// Whether the value exceeds (q − 1)/2, that is 2·value ≥ q: the "lexicographically largest"
    /// of ±y in the compressed encoding.
    var isLarge: Bool {
        let value = plainLimbs
        return Fq.subtract(Fq.add(value, value), Fq.modulus).borrow == 0
    }

    var isZero: Bool { (limbs.0 | limbs.1 | limbs.2 | limbs.3 | limbs.4 | limbs.5) == 0 }

    /// a − b over six limbs, with the final borrow (0 or 1).
    @inline(__always)
    private static func subtract(_ a: Limbs, _ b: Limbs) -> (difference: Limbs, borrow: UInt64) {
        let (d0, b0) = subtractBorrowing(a.0, b.0, 0)
        let (d1, b1) = subtractBorrowing(a.1, b.1, b0)
        let (d2, b2) = subtractBorrowing(a.2, b.2, b1)
        let (d3, b3) = subtractBorrowing(a.3, b.3, b2)
        let (d4, b4) = subtractBorrowing(a.4, b.4, b3)
        let (d5, b5) = subtractBorrowing(a.5, b.5, b4)
        return ((d0, d1, d2, d3, d4, d5), b5)
    }

    /// a + b over six limbs (no carry out: callers keep sums below 2^384).
    @inline(__always)
    private static func add(_ a: Limbs, _ b: Limbs) -> Limbs {
        let (s0, c0) = addCarrying(a.0, b.0, 0)
        let (s1, c1) = addCarrying(a.1, b.1, c0)
        let (s2, c2) = addCarrying(a.2, b.2, c1)
        let (s3, c3) = addCarrying(a.3, b.3, c2)
        let (s4, c4) = addCarrying(a.4, b.4, c3)
        return (s0, s1, s2, s3, s4, a.5 &+ b.5 &+ c4)
    }

    /// t − q when t ≥ q, else t.
    @inline(__always)
    private static func reduceOnce(_ t: Limbs) -> Fq {
        let (difference, borrow) = subtract(t, modulus)
        return Fq(montgomery: borrow == 1 ? t : difference)
    }

    static func + (a: Fq, b: Fq) -> Fq { reduceOnce(add(a.limbs, b.limbs)) }

    static func - (a: Fq, b: Fq) -> Fq {
        let (difference, borrow) = subtract(a.limbs, b.limbs)
        return Fq(montgomery: borrow == 1 ? add(difference, modulus) : difference)
    }

    static prefix func - (a: Fq) -> Fq { Fq.zero - a }

    func doubled() -> Fq { self + self }

    /// self / 2: add q when odd (the sum stays below 2q < 2^383), then shift.
    func halved() -> Fq {
        let mask = 0 &- (limbs.0 & 1)
        let q = Fq.modulus
        let t = Fq.add(limbs, (q.0 & mask, q.1 & mask, q.2 & mask, q.3 & mask, q.4 & mask, q.5 & mask))
        return Fq(montgomery: (
            t.0 >> 1 | t.1 << 63, t.1 >> 1 | t.2 << 63, t.2 >> 1 | t.3 << 63,
            t.3 >> 1 | t.4 << 63, t.4 >> 1 | t.5 << 63, t.5 >> 1))
    }

    /// Montgomery product (CIOS), on the stack.
    static func * (a: Fq, b: Fq) -> Fq {
        var t: Limbs = (0, 0, 0, 0, 0, 0)
        var (x, y, q) = (a.limbs, b.limbs, modulus)
        withUnsafeMutableBytes(of: &t) { tRaw in
            withUnsafeBytes(of: &x) { xRaw in
                withUnsafeBytes(of: &y) { yRaw in
                    withUnsafeBytes(of: &q) { qRaw in
                        let t = tRaw.bindMemory(to: UInt64.self), x = xRaw.bindMemory(to: UInt64.self)
                        let y = yRaw.bindMemory(to: UInt64.self), q = qRaw.bindMemory(to: UInt64.self)
                        for i in 0..<6 {
                            var carryA: UInt64, carryM: UInt64
                            (carryA, t[0]) = mulAdd(x[0], y[i], t[0], 0)
                            let m = t[0] &* qInverse
                            (carryM, _) = mulAdd(m, q[0], t[0], 0)
                            for j in 1..<6 {
                                (carryA, t[j]) = mulAdd(x[j], y[i], t[j], carryA)
                                (carryM, t[j - 1]) = mulAdd(m, q[j], t[j], carryM)
                            }
                            t[5] = carryM &+ carryA
                        }
                    }
                }
            }
        }
        return reduceOnce(t)
    }

    func squared() -> Fq { self * self }

    /// self^e for e given as little-endian 64-bit words.
    func power(_ exponent: [UInt64]) -> Fq {
        var result = Fq.one
        for word in exponent.reversed() {
            for bit in stride(from: 63, through: 0, by: -1) {
                result = result.squared()
                if (word >> UInt64(bit)) & 1 == 1 { result = result * self }
            }
        }
        return result
    }

    /// The multiplicative inverse (Fermat: self^(q−2)); zero stays zero.
    func inverse() -> Fq {
        var exponent = Fq.modulusWords
        exponent[0] -= 2
        return power(exponent)
    }

    /// A square root, or nil when there is none (q ≡ 3 mod 4, so it is self^((q+1)/4)).
    func squareRoot() -> Fq? {
        // (q + 1)/4: q's low limb ends in …aaab, so adding 1 does not carry.
        var exponent = Fq.modulusWords
        exponent[0] += 1
        for index in 0..<6 { exponent[index] = exponent[index] >> 2 | (index < 5 ? exponent[index + 1] << 62 : 0) }
        let root = power(exponent)
        return root.squared() == self ? root : nil
    }
}

extension Fq {
    /// The element `value` (a small constant).
    static func small(_ value: UInt64) -> Fq {
        Fq(bigEndian: [UInt8](repeating: 0, count: 40) + withUnsafeBytes(of: value.bigEndian, Array.init))!
    }

    /// A constant given as 96 hex digits (valid by construction).
    init(hex: String) {
        self = Fq(bigEndian: try! Hex.decode(hex))!
    }
}
