/// The optimal ate pairing on BLS12-381 and the product check KZG verification needs.
///
/// Twist points are mapped into E(Fq12) by (x, y) ↦ (x·w⁻², y·w⁻³) (an M-type twist). Lines are
/// evaluated at the G1 point and multiplied by w³, giving a + b·w² + c·w³ with coefficients in
/// Fq2; the factors in Fq4 this introduces are removed by the final exponentiation.
enum BLS12Pairing {
    /// |x| for the curve parameter x = −0xd201000000010000.
    static let x: UInt64 = 0xd201_0000_0001_0000

    /// 3b' for the twist's b' = 4(1 + i), used by the doubling step.
    private static let threeB = BLS12.g2B.doubled() + BLS12.g2B

    /// A pair of affine points, neither at infinity.
    struct Pair {
        let p: (x: Fq, y: Fq)
        let q: (x: Fq2, y: Fq2)
    }

    /// Whether e(P1, Q1)·…·e(Pn, Qn) = 1.
    static func productIsOne(_ pairs: [Pair]) -> Bool {
        finalExponentiation(millerLoop(pairs)).isOne
    }

    private struct Projective {
        var x: Fq2, y: Fq2, z: Fq2
    }

    /// The Miller loop over the bits of |x|, shared by all pairs; x < 0, so the result is conjugated.
    static func millerLoop(_ pairs: [Pair]) -> Fq12 {
        var f = Fq12.one
        var points = pairs.map { Projective(x: $0.q.x, y: $0.q.y, z: .one) }
        for bit in stride(from: 62 - x.leadingZeroBitCount, through: 0, by: -1) {
            f = f.squared()
            for index in pairs.indices {
                f = double(&points[index], at: pairs[index].p, into: f)
            }
            if (x >> UInt64(bit)) & 1 == 1 {
                for index in pairs.indices {
                    f = add(pairs[index].q, to: &points[index], at: pairs[index].p, into: f)
                }
            }
        }
        return f.conjugate()
    }

    /// T ← 2T; returns f times the tangent line at T evaluated at `p` (see the type's note).
    private static func double(_ t: inout Projective, at p: (x: Fq, y: Fq), into f: Fq12) -> Fq12 {
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
        return f.times(w0: i, w2: (j.doubled() + j) * p.x, w3: -h * p.y)
    }

    /// T ← T + Q for an affine Q; returns f times the line through T and Q evaluated at `p`.
    private static func add(_ q: (x: Fq2, y: Fq2), to t: inout Projective, at p: (x: Fq, y: Fq), into f: Fq12) -> Fq12 {
        let theta = t.y - q.y * t.z
        let lambda = t.x - q.x * t.z
        let c = theta.squared()
        let d = lambda.squared()
        let e = lambda * d
        let ff = t.z * c
        let g = t.x * d
        let h = e + ff - g.doubled()
        t = Projective(x: lambda * h, y: theta * (g - h) - t.y * e, z: t.z * e)
        return f.times(w0: theta * q.x - lambda * q.y, w2: -theta * p.x, w3: lambda * p.y)
    }

    /// f^(3(q¹² − 1)/r), which is one exactly when f^((q¹² − 1)/r) is (3 is prime to r). The easy
    /// part (q⁶ − 1)(q² + 1), then the hard part as 3(q⁴ − q² + 1)/r = (x − 1)²(x + q)(x² + q² − 1) + 3.
    static func finalExponentiation(_ f: Fq12) -> Fq12 {
        let f1 = f.conjugate() * f.inverse()
        let m = f1.frobeniusSquared() * f1
        let a1 = powerX(m) * m.conjugate()
        let a = powerX(a1) * a1.conjugate()
        let b = powerX(a) * a.frobenius()
        let c = powerX(powerX(b)) * b.frobeniusSquared() * b.conjugate()
        return c * m.cyclotomicSquared() * m
    }

    /// y^x for y in the cyclotomic subgroup: y^|x|, conjugated because x < 0.
    private static func powerX(_ y: Fq12) -> Fq12 {
        var result = y
        for bit in stride(from: 62 - x.leadingZeroBitCount, through: 0, by: -1) {
            result = result.cyclotomicSquared()
            if (x >> UInt64(bit)) & 1 == 1 { result = result * y }
        }
        return result.conjugate()
    }
}
