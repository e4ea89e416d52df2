/// An element c0 + c1·w of the dodecic extension Fp6[w]/(w² − v), where pairings take their values.
///
/// Over Fp2 the basis is 1, w, …, w⁵ with w⁶ = ξ: c0 holds the coefficients of 1, w², w⁴ and c1
/// those of w, w³, w⁵.
struct Ext12<F: TowerBase>: Sendable, Equatable {
    var c0: Ext6<F>, c1: Ext6<F>

    @inline(__always)
    init(_ c0: Ext6<F>, _ c1: Ext6<F>) { (self.c0, self.c1) = (c0, c1) }

    static var one: Ext12 { Ext12(.one, .zero) }

    var isOne: Bool { self == .one }

    /// Karatsuba: three Fp6 products.
    static func * (a: Ext12, b: Ext12) -> Ext12 {
        let v0 = a.c0 * b.c0
        let v1 = a.c1 * b.c1
        return Ext12(v0 + v1.timesV(), (a.c0 + a.c1) * (b.c0 + b.c1) - v0 - v1)
    }

    /// Complex squaring: two Fp6 products.
    func squared() -> Ext12 {
        let product = c0 * c1
        let c0Squared = (c0 + c1) * (c0 + c1.timesV()) - product - product.timesV()
        return Ext12(c0Squared, product + product)
    }

    /// The square of an element of the cyclotomic subgroup (norm 1 over Fp6, as after the final
    /// exponentiation's easy part), by Granger–Scott: see self as A0 + A1·w + A2·w² over
    /// Fp4 = Fp2[t]/(t² − ξ), t = w³; then the square is (3A0² − 2Ā0) + (3t·A2² + 2Ā1)·w +
    /// (3A1² − 2Ā2)·w², where Ā is the conjugate over Fp2. Nine Fp2 squarings.
    func cyclotomicSquared() -> Ext12 {
        let (g0, g1, g2, g3, g4, g5) = (c0.c0, c1.c0, c0.c1, c1.c1, c0.c2, c1.c2)
        let (a0, a3) = Ext12.fp4Squared(g0, g3)
        let (b0, b3) = Ext12.fp4Squared(g2, g5)
        let (d0, d3) = Ext12.fp4Squared(g1, g4)
        let b3xi = b3.timesXi()
        return Ext12(
            Ext6(Ext12.thrice(a0) - g0.doubled(), Ext12.thrice(d0) - g2.doubled(), Ext12.thrice(b0) - g4.doubled()),
            Ext6(Ext12.thrice(b3xi) + g1.doubled(), Ext12.thrice(a3) + g3.doubled(), Ext12.thrice(d3) + g5.doubled()))
    }

    /// (x + y·t)² in Fp4 = Fp2[t]/(t² − ξ): (x² + ξy², 2xy).
    @inline(__always)
    private static func fp4Squared(_ x: Ext2<F>, _ y: Ext2<F>) -> (Ext2<F>, Ext2<F>) {
        let x2 = x.squared(), y2 = y.squared()
        return (x2 + y2.timesXi(), (x + y).squared() - x2 - y2)
    }

    @inline(__always)
    private static func thrice(_ x: Ext2<F>) -> Ext2<F> { x.doubled() + x }

    /// self·(a + b·w + c·w³): the product with a line value of a D-type twist (BN254).
    func times(w0 a: Ext2<F>, w1 b: Ext2<F>, w3 c: Ext2<F>) -> Ext12 {
        let t0 = c0 * a
        let t1 = c1.times(b, c)
        let mixed = (c0 + c1).times(a + b, c) - t0 - t1
        return Ext12(t0 + t1.timesV(), mixed)
    }

    /// self·(a + b·w² + c·w³): the product with a line value of an M-type twist (BLS12-381).
    func times(w0 a: Ext2<F>, w2 b: Ext2<F>, w3 c: Ext2<F>) -> Ext12 {
        let t0 = c0.times(a, b)
        let t1 = (c1 * c).timesV()
        let mixed = (c0 + c1).times(a, b + c) - t0 - t1
        return Ext12(t0 + t1.timesV(), mixed)
    }

    /// c0 − c1·w, which is self^(p⁶); on the cyclotomic subgroup it is the inverse.
    func conjugate() -> Ext12 { Ext12(c0, -c1) }

    func inverse() -> Ext12 {
        let factor = (c0.squared() - c1.squared().timesV()).inverse()
        return Ext12(c0 * factor, -(c1 * factor))
    }

    /// self^p: conjugate every Fp2 coefficient and scale the coefficient of w^k by ξ^(k(p−1)/6).
    func frobenius() -> Ext12 { mapCoefficients(F.frobenius.first) { $0.conjugate() } }

    /// self^(p²): Fp2 coefficients are fixed, the coefficient of w^k is scaled by ξ^(k(p²−1)/6).
    func frobeniusSquared() -> Ext12 { mapCoefficients(F.frobenius.second) { $0 } }

    /// self^(p³).
    func frobeniusCubed() -> Ext12 { mapCoefficients(F.frobenius.third) { $0.conjugate() } }

    @inline(__always)
    private func mapCoefficients(_ factors: FrobeniusFactors<F>.Table, _ base: (Ext2<F>) -> Ext2<F>) -> Ext12 {
        Ext12(
            Ext6(base(c0.c0), base(c0.c1) * factors.w2, base(c0.c2) * factors.w4),
            Ext6(base(c1.c0) * factors.w1, base(c1.c1) * factors.w3, base(c1.c2) * factors.w5))
    }
}
