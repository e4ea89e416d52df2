/// Montgomery arithmetic modulo an odd modulus of n limbs: elements are n-limb arrays holding
/// x·R mod m with R = 2^(64n).
struct MontgomeryModulus: ModularArithmetic {
    let modulus: [UInt64]
    /// −m⁻¹ mod 2^64.
    private let inverse: UInt64
    /// R² mod m, which converts into Montgomery form.
    private let rSquared: [UInt64]
    let one: [UInt64]

    init(_ modulus: BigNat) {
        precondition(modulus.isOdd, "Montgomery arithmetic needs an odd modulus")
        let n = modulus.limbs.count
        self.modulus = modulus.limbs
        // Newton's iteration doubles the correct low bits of m⁻¹ each time: 1 → 64 bits in 6 steps.
        var inverse: UInt64 = 1
        for _ in 0..<6 { inverse = inverse &* (2 &- modulus.limbs[0] &* inverse) }
        self.inverse = 0 &- inverse
        var rSquared = [UInt64](repeating: 0, count: 2 * n + 1)
        rSquared[2 * n] = 1
        self.rSquared = MontgomeryModulus.padded(BigNat(limbs: rSquared).remainder(dividingBy: modulus), n)
        var r = [UInt64](repeating: 0, count: n + 1)
        r[n] = 1
        self.one = MontgomeryModulus.padded(BigNat(limbs: r).remainder(dividingBy: modulus), n)
    }

    /// x (below m) in Montgomery form.
    func enter(_ x: BigNat) -> [UInt64] { multiply(MontgomeryModulus.padded(x, modulus.count), rSquared) }

    /// The plain value of a Montgomery-form element.
    func leave(_ x: [UInt64]) -> BigNat {
        var unit = [UInt64](repeating: 0, count: modulus.count)
        unit[0] = 1
        return BigNat(limbs: multiply(x, unit))
    }

    /// a·b·R⁻¹ mod m (CIOS).
    func multiply(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        let n = modulus.count
        var t = [UInt64](repeating: 0, count: n + 2)
        t.withUnsafeMutableBufferPointer { t in
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    modulus.withUnsafeBufferPointer { m in
                        for i in 0..<n {
                            var carry: UInt64 = 0
                            for j in 0..<n { (carry, t[j]) = mulAdd(a[j], b[i], t[j], carry) }
                            (t[n], t[n + 1]) = addCarrying(t[n], carry, 0)
                            let q = t[0] &* inverse
                            (carry, _) = mulAdd(q, m[0], t[0], 0)
                            for j in 1..<n { (carry, t[j - 1]) = mulAdd(q, m[j], t[j], carry) }
                            let (top, topCarry) = addCarrying(t[n], carry, 0)
                            t[n - 1] = top
                            t[n] = t[n + 1] &+ topCarry
                        }
                    }
                }
            }
        }
        // t < 2m: subtract m once if t ≥ m.
        var result = Array(t[0..<n])
        var borrow: UInt64 = 0
        var difference = [UInt64](repeating: 0, count: n)
        for j in 0..<n { (difference[j], borrow) = subtractBorrowing(result[j], modulus[j], borrow) }
        if t[n] != 0 || borrow == 0 { result = difference }
        return result
    }

    private static func padded(_ x: BigNat, _ count: Int) -> [UInt64] {
        x.limbs + [UInt64](repeating: 0, count: count - x.limbs.count)
    }
}
