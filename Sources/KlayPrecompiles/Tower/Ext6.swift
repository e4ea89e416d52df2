/// An element c0 + c1·v + c2·v² of the sextic extension Fp2[v]/(v³ − ξ).
struct Ext6<F: TowerBase>: Sendable, Equatable {
    var c0: Ext2<F>, c1: Ext2<F>, c2: Ext2<F>

    @inline(__always)
    init(_ c0: Ext2<F>, _ c1: Ext2<F>, _ c2: Ext2<F>) { (self.c0, self.c1, self.c2) = (c0, c1, c2) }

    static var zero: Ext6 { Ext6(.zero, .zero, .zero) }
    static var one: Ext6 { Ext6(.one, .zero, .zero) }

    @inline(__always)
    static func + (a: Ext6, b: Ext6) -> Ext6 { Ext6(a.c0 + b.c0, a.c1 + b.c1, a.c2 + b.c2) }

    @inline(__always)
    static func - (a: Ext6, b: Ext6) -> Ext6 { Ext6(a.c0 - b.c0, a.c1 - b.c1, a.c2 - b.c2) }

    @inline(__always)
    static prefix func - (a: Ext6) -> Ext6 { Ext6(-a.c0, -a.c1, -a.c2) }

    /// Karatsuba-style: six Fp2 products.
    @inline(__always)
    static func * (a: Ext6, b: Ext6) -> Ext6 {
        let v0 = a.c0 * b.c0
        let v1 = a.c1 * b.c1
        let v2 = a.c2 * b.c2
        let c0 = ((a.c1 + a.c2) * (b.c1 + b.c2) - v1 - v2).timesXi() + v0
        let c1 = (a.c0 + a.c1) * (b.c0 + b.c1) - v0 - v1 + v2.timesXi()
        let c2 = (a.c0 + a.c2) * (b.c0 + b.c2) - v0 - v2 + v1
        return Ext6(c0, c1, c2)
    }

    @inline(__always)
    static func * (a: Ext6, b: Ext2<F>) -> Ext6 { Ext6(a.c0 * b, a.c1 * b, a.c2 * b) }

    /// self·(b0 + b1·v), a product with a sparse element (five Fp2 products).
    @inline(__always)
    func times(_ b0: Ext2<F>, _ b1: Ext2<F>) -> Ext6 {
        let v0 = c0 * b0
        let v1 = c1 * b1
        return Ext6(
            (c2 * b1).timesXi() + v0,
            (c0 + c1) * (b0 + b1) - v0 - v1,
            c2 * b0 + v1)
    }

    /// Squaring by Chung–Hasan's second formula (two squarings and three products in Fp2).
    @inline(__always)
    func squared() -> Ext6 {
        let s0 = c0.squared()
        let s1 = (c0 * c1).doubled()
        let s2 = (c0 - c1 + c2).squared()
        let s3 = (c1 * c2).doubled()
        let s4 = c2.squared()
        return Ext6(s3.timesXi() + s0, s4.timesXi() + s1, s1 + s2 + s3 - s0 - s4)
    }

    /// self·v = ξ·c2 + c0·v + c1·v².
    @inline(__always)
    func timesV() -> Ext6 { Ext6(c2.timesXi(), c0, c1) }

    func inverse() -> Ext6 {
        let t0 = c0.squared() - (c1 * c2).timesXi()
        let t1 = c2.squared().timesXi() - c0 * c1
        let t2 = c1.squared() - c0 * c2
        let factor = (c0 * t0 + (c2 * t1 + c1 * t2).timesXi()).inverse()
        return Ext6(t0 * factor, t1 * factor, t2 * factor)
    }
}
