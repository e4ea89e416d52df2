import KlayPrimitives

/// A point of a short Weierstrass curve y² = x³ + b (a = 0) in Jacobian coordinates: the affine
/// point is (X/Z², Y/Z³), and Z = 0 is the point at infinity.
///
/// The addition laws do not involve b, so the same code serves both curves' G1 (over the prime field)
/// and their twists (over its quadratic extension).
struct JacobianPoint<F: FieldElement>: Sendable {
    var x: F, y: F, z: F

    static var infinity: JacobianPoint { JacobianPoint(x: .one, y: .one, z: .zero) }

    /// The affine point (x, y), or the point at infinity for nil.
    init(_ affine: (x: F, y: F)?) {
        guard let affine else { self = .infinity; return }
        (x, y, z) = (affine.x, affine.y, .one)
    }

    init(x: F, y: F, z: F) { (self.x, self.y, self.z) = (x, y, z) }

    var isInfinity: Bool { z.isZero }

    /// The affine coordinates, or nil at infinity.
    var affine: (x: F, y: F)? {
        if isInfinity { return nil }
        let zInverse = z.inverse()
        let zInverse2 = zInverse.squared()
        return (x * zInverse2, y * zInverse2 * zInverse)
    }

    /// 2·self ("dbl-2009-l", Lange's explicit formulas database).
    func doubled() -> JacobianPoint {
        if isInfinity { return self }
        let a = x.squared()
        let b = y.squared()
        let c = b.squared()
        let d = ((x + b).squared() - a - c).doubled()
        let e = a.doubled() + a
        let f = e.squared()
        let x3 = f - d.doubled()
        let y3 = e * (d - x3) - c.doubled().doubled().doubled()
        let z3 = (y * z).doubled()
        return JacobianPoint(x: x3, y: y3, z: z3)
    }

    /// self + other ("add-2007-bl"), falling back to doubling when the points are equal.
    static func + (p: JacobianPoint, q: JacobianPoint) -> JacobianPoint {
        if p.isInfinity { return q }
        if q.isInfinity { return p }
        let z1z1 = p.z.squared()
        let z2z2 = q.z.squared()
        let u1 = p.x * z2z2
        let u2 = q.x * z1z1
        let s1 = p.y * q.z * z2z2
        let s2 = q.y * p.z * z1z1
        let h = u2 - u1
        let r = (s2 - s1).doubled()
        if h.isZero {
            // Same x: either the same point (double it) or opposite points (sum at infinity).
            return r.isZero ? p.doubled() : .infinity
        }
        let i = h.doubled().squared()
        let j = h * i
        let v = u1 * i
        let x3 = r.squared() - j - v.doubled()
        let y3 = r * (v - x3) - (s1 * j).doubled()
        let z3 = ((p.z + q.z).squared() - z1z1 - z2z2) * h
        return JacobianPoint(x: x3, y: y3, z: z3)
    }

    /// −self.
    static prefix func - (p: JacobianPoint) -> JacobianPoint { JacobianPoint(x: p.x, y: -p.y, z: p.z) }

    /// scalar·self (the scalar need not be reduced), with a width-4 non-adjacent form: one addition
    /// of ±P, ±3P, ±5P or ±7P per four bits or so.
    func multiplied(by scalar: UInt256) -> JacobianPoint {
        let twice = doubled()
        var odd = [self]
        for _ in 1..<4 { odd.append(odd[odd.count - 1] + twice) }
        var result = JacobianPoint.infinity
        for digit in JacobianPoint.signedDigits(scalar).reversed() {
            result = result.doubled()
            if digit > 0 {
                result = result + odd[Int(digit) >> 1]
            } else if digit < 0 {
                result = result + -odd[Int(-digit) >> 1]
            }
        }
        return result
    }

    /// The width-4 NAF of `scalar`, least significant digit first: digits are 0 or odd in −7…7,
    /// and every non-zero digit is followed by at least three zeros.
    private static func signedDigits(_ scalar: UInt256) -> [Int8] {
        var digits: [Int8] = []
        digits.reserveCapacity(257)
        var k = scalar
        var carry = false  // the value is k + carry·2^256
        while !k.isZero || carry {
            var digit: Int8 = 0
            if k.limbs.0 & 1 == 1 {
                let low = Int8(k.limbs.0 & 15)
                digit = low >= 8 ? low - 16 : low
                if digit > 0 {
                    k = k &- UInt256(UInt64(digit))
                } else {
                    let sum = k.addingReportingOverflow(UInt256(UInt64(-digit)))
                    k = sum.partialValue
                    carry = carry || sum.overflow
                }
            }
            digits.append(digit)
            k = k >> 1
            if carry {
                k = k | UInt256.one << 255
                carry = false
            }
        }
        return digits
    }
}
