import KlayPrimitives

/// The optimal ate pairing on BN254 and the product check of EIP-197.
///
/// Points of the twist are mapped into E(Fp12) by (x, y) ↦ (x·w², y·w³). Lines are evaluated at
/// the G1 point and kept as l0 + l1·w + l3·w³ (coefficients in Fp2), each scaled by some factor in
/// Fp2, which the final exponentiation removes.
enum BN254Pairing {
    /// A pairing's input: a G1 point and a G2 point, both affine and not at infinity.
    struct Pair {
        let p: (x: Fp, y: Fp)
        let q: (x: Fp2, y: Fp2)
    }

    /// Whether e(P1, Q1)·…·e(Pn, Qn) = 1 (true for no pairs).
    static func productIsOne(_ pairs: [Pair]) -> Bool {
        finalExponentiation(millerLoop(pairs)).isOne
    }

    /// BN parameter u; the curve has p = 36u⁴ + 36u³ + 24u² + 6u + 1.
    static let u: UInt64 = 0x44e9_92b4_4a69_09f1

    /// 6u + 2 in non-adjacent form, most significant digit first.
    private static let loopDigits: [Int8] = [
        1, 0, -1, 0, 1, 0, 0, 0, -1, 0, -1, 0, 0, 0, -1, 0, 1, 0, -1, 0, 0, -1, 0, 0, 0, 0, 0, 1, 0, 0, -1, 0, 1,
        0, 0, -1, 0, 0, 0, 0, -1, 0, 1, 0, 0, 0, -1, 0, -1, 0, 0, 1, 0, 0, 0, -1, 0, 0, -1, 0, 1, 0, 1, 0, 0, 0,
    ]

    /// 3b', used by the doubling step.
    private static let threeB = BN254G2.b.doubled() + BN254G2.b

    /// A point of the twist in homogeneous projective coordinates (X/Z, Y/Z).
    private struct Projective {
        var x: Fp2, y: Fp2, z: Fp2
    }

    /// The Miller loop of the optimal ate pairing, shared by all pairs (one squaring per step).
    static func millerLoop(_ pairs: [Pair]) -> Fp12 {
        var f = Fp12.one
        var points = pairs.map { Projective(x: $0.q.x, y: $0.q.y, z: .one) }
        for digit in loopDigits.dropFirst() {
            f = f.squared()
            for index in pairs.indices {
                f = double(&points[index], at: pairs[index].p, into: f)
            }
            guard digit != 0 else { continue }
            for index in pairs.indices {
                let q = pairs[index].q
                f = add(digit > 0 ? q : (q.x, -q.y), to: &points[index], at: pairs[index].p, into: f)
            }
        }
        // The two extra lines of the optimal ate pairing, through π(Q) and −π²(Q).
        let first = Fp.frobenius.first, second = Fp.frobenius.second
        for index in pairs.indices {
            let q = pairs[index].q
            let q1 = (q.x.conjugate() * first.w2, q.y.conjugate() * first.w3)
            let q2 = (q.x * second.w2, -(q.y * second.w3))
            f = add(q1, to: &points[index], at: pairs[index].p, into: f)
            f = add(q2, to: &points[index], at: pairs[index].p, into: f)
        }
        return f
    }

    /// T ← 2T; returns f times the tangent line at T evaluated at `p`.
    @inline(__always)
    private static func double(_ t: inout Projective, at p: (x: Fp, y: Fp), into f: Fp12) -> Fp12 {
        let a = (t.x * t.y).halved()
        let b = t.y.squared()
        let c = t.z.squared()
        let e = threeB * c
        let f3 = e.doubled() + e
        let g = (b + f3).halved()
        let h = (t.y + t.z).squared() - b - c
        let i = e - b
        let j = t.x.squared()
        let e2 = e.squared()
        t = Projective(x: a * (b - f3), y: g.squared() - (e2.doubled() + e2), z: b * h)
        return f.times(w0: -h * p.y, w1: (j.doubled() + j) * p.x, w3: i)
    }

    /// T ← T + Q for an affine Q; returns f times the line through T and Q evaluated at `p`.
    @inline(__always)
    private static func add(_ q: (x: Fp2, y: Fp2), to t: inout Projective, at p: (x: Fp, y: Fp), into f: Fp12) -> Fp12 {
        let theta = t.y - q.y * t.z
        let lambda = t.x - q.x * t.z
        let c = theta.squared()
        let d = lambda.squared()
        let e = lambda * d
        let ff = t.z * c
        let g = t.x * d
        let h = e + ff - g.doubled()
        t = Projective(x: lambda * h, y: theta * (g - h) - t.y * e, z: t.z * e)
        return f.times(w0: lambda * p.y, w1: -theta * p.x, w3: theta * q.x - lambda * q.y)
    }

    /// f^((p¹² − 1)/r): the easy part (p⁶ − 1)(p² + 1), then the hard part (p⁴ − p² + 1)/r written
    /// in base p with coefficients that are polynomials in u (Scott et al.):
    /// λ0 = −36u³ − 30u² − 18u − 2, λ1 = −36u³ − 18u² − 12u + 1, λ2 = 6u² + 1, λ3 = 1.
    static func finalExponentiation(_ f: Fp12) -> Fp12 {
        let f1 = f.conjugate() * f.inverse()
        let m = f1.frobeniusSquared() * f1
        // m is now in the cyclotomic subgroup: squarings are cheaper there, conjugates are inverses.
        let a = powerU(m), b = powerU(a), c = powerU(b)
        let a2 = a.cyclotomicSquared()
        let a6 = a2.cyclotomicSquared() * a2
        let a12 = a6.cyclotomicSquared()
        let a18 = a12 * a6
        let b6 = (b.cyclotomicSquared() * b).cyclotomicSquared()
        let b12 = b6.cyclotomicSquared()
        let b18 = b12 * b6
        let c9 = c.cyclotomicSquared().cyclotomicSquared().cyclotomicSquared() * c
        let c36 = c9.cyclotomicSquared().cyclotomicSquared()
        let c36b18 = c36 * b18
        let term0 = (c36b18 * b12 * a18 * m.cyclotomicSquared()).conjugate()
        let term1 = ((c36b18 * a12).conjugate() * m).frobenius()
        let term2 = (b6 * m).frobeniusSquared()
        let term3 = m.frobeniusCubed()
        return term0 * term1 * term2 * term3
    }

    /// x^u for x in the cyclotomic subgroup, by square-and-multiply.
    private static func powerU(_ x: Fp12) -> Fp12 {
        var result = x
        for bit in stride(from: 62 - u.leadingZeroBitCount, through: 0, by: -1) {
            result = result.cyclotomicSquared()
            if (u >> UInt64(bit)) & 1 == 1 { result = result * x }
        }
        return result
    }
}
