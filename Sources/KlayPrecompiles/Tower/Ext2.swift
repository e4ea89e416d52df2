/// An element c0 + c1·i of the quadratic extension F[i]/(i² + 1) of a tower's base field.
struct Ext2<F: TowerBase>: FieldElement {
    var c0: F, c1: F

    @inline(__always)
    init(_ c0: F, _ c1: F) { (self.c0, self.c1) = (c0, c1) }

    static var zero: Ext2 { Ext2(.zero, .zero) }
    static var one: Ext2 { Ext2(.one, .zero) }
    /// ξ = k + i, the non-residue that builds the sextic extension (v³ = ξ).
    static var xi: Ext2 { Ext2(F.one.timesXiReal(), .one) }

    @inline(__always)
    var isZero: Bool { c0.isZero && c1.isZero }

    @inline(__always)
    static func + (a: Ext2, b: Ext2) -> Ext2 { Ext2(a.c0 + b.c0, a.c1 + b.c1) }

    @inline(__always)
    static func - (a: Ext2, b: Ext2) -> Ext2 { Ext2(a.c0 - b.c0, a.c1 - b.c1) }

    @inline(__always)
    static prefix func - (a: Ext2) -> Ext2 { Ext2(-a.c0, -a.c1) }

    /// Karatsuba: three base-field products.
    @inline(__always)
    static func * (a: Ext2, b: Ext2) -> Ext2 {
        let v0 = a.c0 * b.c0
        let v1 = a.c1 * b.c1
        return Ext2(v0 - v1, (a.c0 + a.c1) * (b.c0 + b.c1) - v0 - v1)
    }

    @inline(__always)
    static func * (a: Ext2, b: F) -> Ext2 { Ext2(a.c0 * b, a.c1 * b) }

    @inline(__always)
    func squared() -> Ext2 {
        let product = c0 * c1
        return Ext2((c0 + c1) * (c0 - c1), product.doubled())
    }

    @inline(__always)
    func doubled() -> Ext2 { Ext2(c0.doubled(), c1.doubled()) }

    @inline(__always)
    func halved() -> Ext2 { Ext2(c0.halved(), c1.halved()) }

    /// self·ξ = (k·c0 − c1) + (c0 + k·c1)·i.
    @inline(__always)
    func timesXi() -> Ext2 { Ext2(c0.timesXiReal() - c1, c0 + c1.timesXiReal()) }

    /// The conjugate c0 − c1·i, which is also self^p.
    @inline(__always)
    func conjugate() -> Ext2 { Ext2(c0, -c1) }

    func inverse() -> Ext2 {
        let normInverse = (c0.squared() + c1.squared()).inverse()
        return Ext2(c0 * normInverse, -(c1 * normInverse))
    }

    /// self^e for e given as big-endian 64-bit words, by square-and-multiply.
    func power(_ words: [UInt64]) -> Ext2 {
        var result = Ext2.one
        for word in words {
            for bit in stride(from: 63, through: 0, by: -1) {
                result = result.squared()
                if (word >> UInt64(bit)) & 1 == 1 { result = result * self }
            }
        }
        return result
    }
}
