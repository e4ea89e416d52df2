/// Wrapping addition, subtraction and multiplication, bit operations and shifts by a count.
extension UInt256 {
    /// `self + other` modulo 2^256, and whether it overflowed.
    @inlinable @inline(__always)
    public func addingReportingOverflow(_ other: UInt256) -> (partialValue: UInt256, overflow: Bool) {
        let (s0, c0) = limbs.0.addingReportingOverflow(other.limbs.0)
        let (t1, c1a) = limbs.1.addingReportingOverflow(other.limbs.1)
        let (s1, c1b) = t1.addingReportingOverflow(c0 ? 1 : 0)
        let (t2, c2a) = limbs.2.addingReportingOverflow(other.limbs.2)
        let (s2, c2b) = t2.addingReportingOverflow(c1a || c1b ? 1 : 0)
        let (t3, c3a) = limbs.3.addingReportingOverflow(other.limbs.3)
        let (s3, c3b) = t3.addingReportingOverflow(c2a || c2b ? 1 : 0)
        return (UInt256(limbs: (s0, s1, s2, s3)), c3a || c3b)
    }

    /// `self - other` modulo 2^256, and whether it borrowed (other > self).
    @inlinable @inline(__always)
    public func subtractingReportingOverflow(_ other: UInt256) -> (partialValue: UInt256, overflow: Bool) {
        let (d0, b0) = limbs.0.subtractingReportingOverflow(other.limbs.0)
        let (t1, b1a) = limbs.1.subtractingReportingOverflow(other.limbs.1)
        let (d1, b1b) = t1.subtractingReportingOverflow(b0 ? 1 : 0)
        let (t2, b2a) = limbs.2.subtractingReportingOverflow(other.limbs.2)
        let (d2, b2b) = t2.subtractingReportingOverflow(b1a || b1b ? 1 : 0)
        let (t3, b3a) = limbs.3.subtractingReportingOverflow(other.limbs.3)
        let (d3, b3b) = t3.subtractingReportingOverflow(b2a || b2b ? 1 : 0)
        return (UInt256(limbs: (d0, d1, d2, d3)), b3a || b3b)
    }

    /// `self · other` modulo 2^256, and whether the full product did not fit.
    @inlinable
    public func multipliedReportingOverflow(by other: UInt256) -> (partialValue: UInt256, overflow: Bool) {
        let wide = multipliedFullWidth(by: other)
        return (wide.low, !wide.high.isZero)
    }

    /// The full 512-bit product as its high and low halves.
    @inlinable
    public func multipliedFullWidth(by other: UInt256) -> (high: UInt256, low: UInt256) {
        var product = UInt512.zero
        withUnsafeMutableBytes(of: &product.limbs) { raw in
            let out = raw.baseAddress!.assumingMemoryBound(to: UInt64.self)
            for i in 0..<4 {
                let a = self[limb: i]
                if a == 0 { continue }
                var carry: UInt64 = 0
                for j in 0..<4 {
                    (carry, out[i + j]) = UInt256.multiplyAdd(a, other[limb: j], out[i + j], carry)
                }
                out[i + 4] = carry
            }
        }
        return (product.high, product.low)
    }

    @inlinable @inline(__always)
    public static func &+ (lhs: UInt256, rhs: UInt256) -> UInt256 { lhs.addingReportingOverflow(rhs).partialValue }

    @inlinable @inline(__always)
    public static func &- (lhs: UInt256, rhs: UInt256) -> UInt256 { lhs.subtractingReportingOverflow(rhs).partialValue }

    /// The low 256 bits of the product (10 limb multiplications: the high half is never formed).
    @inlinable @inline(__always)
    public static func &* (lhs: UInt256, rhs: UInt256) -> UInt256 {
        let a = lhs.limbs, b = rhs.limbs
        var carry: UInt64, r0: UInt64, r1: UInt64, r2: UInt64, r3: UInt64
        (carry, r0) = multiplyAdd(a.0, b.0, 0, 0)
        (carry, r1) = multiplyAdd(a.0, b.1, 0, carry)
        (carry, r2) = multiplyAdd(a.0, b.2, 0, carry)
        r3 = a.0 &* b.3 &+ carry
        (carry, r1) = multiplyAdd(a.1, b.0, r1, 0)
        (carry, r2) = multiplyAdd(a.1, b.1, r2, carry)
        r3 = r3 &+ a.1 &* b.2 &+ carry
        (carry, r2) = multiplyAdd(a.2, b.0, r2, 0)
        r3 = r3 &+ a.2 &* b.1 &+ carry
        r3 = r3 &+ a.3 &* b.0
        return UInt256(limbs: (r0, r1, r2, r3))
    }

    /// `a·b + addend + carry` as a 128-bit (high, low) pair; it cannot overflow 128 bits.
    @inlinable @inline(__always)
    static func multiplyAdd(_ a: UInt64, _ b: UInt64, _ addend: UInt64, _ carry: UInt64) -> (high: UInt64, low: UInt64) {
        let (high, low) = a.multipliedFullWidth(by: b)
        let (sum1, o1) = low.addingReportingOverflow(addend)
        let (sum2, o2) = sum1.addingReportingOverflow(carry)
        return (high &+ (o1 ? 1 : 0) &+ (o2 ? 1 : 0), sum2)
    }

    @inlinable @inline(__always)
    public static func & (lhs: UInt256, rhs: UInt256) -> UInt256 {
        UInt256(limbs: (lhs.limbs.0 & rhs.limbs.0, lhs.limbs.1 & rhs.limbs.1, lhs.limbs.2 & rhs.limbs.2, lhs.limbs.3 & rhs.limbs.3))
    }

    @inlinable @inline(__always)
    public static func | (lhs: UInt256, rhs: UInt256) -> UInt256 {
        UInt256(limbs: (lhs.limbs.0 | rhs.limbs.0, lhs.limbs.1 | rhs.limbs.1, lhs.limbs.2 | rhs.limbs.2, lhs.limbs.3 | rhs.limbs.3))
    }

    @inlinable @inline(__always)
    public static func ^ (lhs: UInt256, rhs: UInt256) -> UInt256 {
        UInt256(limbs: (lhs.limbs.0 ^ rhs.limbs.0, lhs.limbs.1 ^ rhs.limbs.1, lhs.limbs.2 ^ rhs.limbs.2, lhs.limbs.3 ^ rhs.limbs.3))
    }

    @inlinable @inline(__always)
    public static prefix func ~ (value: UInt256) -> UInt256 {
        UInt256(limbs: (~value.limbs.0, ~value.limbs.1, ~value.limbs.2, ~value.limbs.3))
    }

    /// Logical shift left by `count` bits; 256 or more (or negative) gives zero.
    @inlinable @inline(__always)
    public static func << (value: UInt256, count: Int) -> UInt256 {
        guard count > 0 else { return count == 0 ? value : .zero }
        guard count < 256 else { return .zero }
        // Whole limbs first, then the bits within a limb (straight-line: no loop over limb subscripts).
        let a = value.limbs
        let l: (UInt64, UInt64, UInt64, UInt64)
        switch count >> 6 {
        case 0: l = a
        case 1: l = (0, a.0, a.1, a.2)
        case 2: l = (0, 0, a.0, a.1)
        default: l = (0, 0, 0, a.0)
        }
        let bits = UInt64(count & 63)
        if bits == 0 { return UInt256(limbs: l) }
        let back = 64 - bits
        return UInt256(limbs: (l.0 &<< bits, (l.1 &<< bits) | (l.0 &>> back),
                               (l.2 &<< bits) | (l.1 &>> back), (l.3 &<< bits) | (l.2 &>> back)))
    }

    /// Logical shift right by `count` bits; 256 or more (or negative) gives zero.
    @inlinable @inline(__always)
    public static func >> (value: UInt256, count: Int) -> UInt256 {
        guard count > 0 else { return count == 0 ? value : .zero }
        guard count < 256 else { return .zero }
        let a = value.limbs
        let l: (UInt64, UInt64, UInt64, UInt64)
        switch count >> 6 {
        case 0: l = a
        case 1: l = (a.1, a.2, a.3, 0)
        case 2: l = (a.2, a.3, 0, 0)
        default: l = (a.3, 0, 0, 0)
        }
        let bits = UInt64(count & 63)
        if bits == 0 { return UInt256(limbs: l) }
        let back = 64 - bits
        return UInt256(limbs: ((l.0 &>> bits) | (l.1 &<< back), (l.1 &>> bits) | (l.2 &<< back),
                               (l.2 &>> bits) | (l.3 &<< back), l.3 &>> bits))
    }
}

/// A 512-bit intermediate (eight limbs, least significant first) for full products and MULMOD.
@frozen
public struct UInt512: Sendable {
    public var limbs: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

    public static var zero: UInt512 { UInt512(limbs: (0, 0, 0, 0, 0, 0, 0, 0)) }

    @inlinable
    public init(limbs: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)) { self.limbs = limbs }

    /// The low 256 bits.
    @inlinable
    public var low: UInt256 { UInt256(limbs: (limbs.0, limbs.1, limbs.2, limbs.3)) }

    /// The high 256 bits.
    @inlinable
    public var high: UInt256 { UInt256(limbs: (limbs.4, limbs.5, limbs.6, limbs.7)) }
}
