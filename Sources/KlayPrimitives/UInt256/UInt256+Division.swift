/// Division and remainder (Knuth's algorithm D on 64-bit limbs), for 256-bit and 512-bit dividends.
extension UInt256 {
    /// Quotient and remainder; a zero divisor gives (0, 0), as the EVM's DIV and MOD define.
    @inlinable @inline(__always)
    public func quotientAndRemainder(dividingBy divisor: UInt256) -> (quotient: UInt256, remainder: UInt256) {
        if let d = divisor.uint64Value, let n = uint64Value {
            return d == 0 ? (.zero, .zero) : (UInt256(n / d), UInt256(n % d))
        }
        if divisor.isZero { return (.zero, .zero) }
        if self < divisor { return (.zero, self) }
        var dividend = UInt512(limbs: (limbs.0, limbs.1, limbs.2, limbs.3, 0, 0, 0, 0))
        return UInt256.divide(&dividend, dividendLimbs: 4, by: divisor)
    }

    /// `self / divisor`; zero when the divisor is zero (EVM DIV).
    @inlinable @inline(__always)
    public static func / (lhs: UInt256, rhs: UInt256) -> UInt256 { lhs.quotientAndRemainder(dividingBy: rhs).quotient }

    /// `self % divisor`; zero when the divisor is zero (EVM MOD).
    @inlinable @inline(__always)
    public static func % (lhs: UInt256, rhs: UInt256) -> UInt256 { lhs.quotientAndRemainder(dividingBy: rhs).remainder }

    /// The 512-bit `dividend` modulo a non-zero `modulus` (MULMOD's reduction).
    @inlinable
    public static func remainder(of dividend: UInt512, modulo modulus: UInt256) -> UInt256 {
        var copy = dividend
        return divide(&copy, dividendLimbs: 8, by: modulus).remainder
    }

    /// Divides the low `dividendLimbs` limbs of `dividend` by a non-zero `divisor`, destroying `dividend`.
    /// The quotient is truncated to 256 bits (callers only use it where it fits).
    @usableFromInline
    static func divide(_ dividend: inout UInt512, dividendLimbs: Int, by divisor: UInt256) -> (quotient: UInt256, remainder: UInt256) {
        var divisorLimbs = 4
        while divisorLimbs > 1 && divisor[limb: divisorLimbs - 1] == 0 { divisorLimbs -= 1 }
        var usedLimbs = dividendLimbs
        withUnsafeMutableBytes(of: &dividend.limbs) { raw in
            let u = raw.baseAddress!.assumingMemoryBound(to: UInt64.self)
            while usedLimbs > 1 && u[usedLimbs - 1] == 0 { usedLimbs -= 1 }
        }
        var quotient = UInt512.zero
        var remainder = UInt256.zero
        if usedLimbs < divisorLimbs {
            remainder = dividend.low
            return (.zero, remainder)
        }
        withUnsafeMutableBytes(of: &dividend.limbs) { dividendRaw in
            withUnsafeMutableBytes(of: &quotient.limbs) { quotientRaw in
                let u = dividendRaw.baseAddress!.assumingMemoryBound(to: UInt64.self)
                let q = quotientRaw.baseAddress!.assumingMemoryBound(to: UInt64.self)
                if divisorLimbs == 1 {
                    remainder = UInt256(divideBySingleLimb(u, count: usedLimbs, divisor: divisor.limbs.0, quotient: q))
                } else {
                    remainder = divideKnuth(UnsafePointer(u), count: usedLimbs, divisor: divisor, divisorLimbs: divisorLimbs, quotient: q)
                }
            }
        }
        return (quotient.low, remainder)
    }

    /// Short division of `count` limbs at `u` by one limb; writes the quotient and returns the remainder.
    @usableFromInline
    static func divideBySingleLimb(_ u: UnsafePointer<UInt64>, count: Int, divisor: UInt64, quotient q: UnsafeMutablePointer<UInt64>) -> UInt64 {
        var remainder: UInt64 = 0
        for i in stride(from: count - 1, through: 0, by: -1) {
            (q[i], remainder) = divisor.dividingFullWidth((remainder, u[i]))
        }
        return remainder
    }

    /// Knuth's algorithm D (TAOCP vol. 2, 4.3.1) for a divisor of 2...4 limbs and a dividend of `count`
    /// (at least as many) limbs at `u`; writes the quotient limbs and returns the remainder. The
    /// normalised dividend lives in a 9-limb stack buffer, so `u` is only read.
    @usableFromInline
    static func divideKnuth(_ u: UnsafePointer<UInt64>, count m: Int, divisor: UInt256, divisorLimbs n: Int,
                            quotient q: UnsafeMutablePointer<UInt64>) -> UInt256 {
        // Normalise so the divisor's top bit is set; the dividend gains one limb on top (`top`).
        let shift = UInt64(divisor[limb: n - 1].leadingZeroBitCount)
        var v = (divisor << Int(shift)).limbs
        return withUnsafeMutableBytes(of: &v) { vRaw -> UInt256 in
            let vn = vRaw.baseAddress!.assumingMemoryBound(to: UInt64.self)
            return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 9) { un -> UInt256 in
                un[m] = shift == 0 ? 0 : u[m - 1] >> (64 - shift)
                for i in stride(from: m - 1, to: 0, by: -1) {
                    un[i] = shift == 0 ? u[i] : (u[i] << shift) | (u[i - 1] >> (64 - shift))
                }
                un[0] = u[0] << shift
                let vTop = vn[n - 1], vNext = vn[n - 2]
                for j in stride(from: m - n, through: 0, by: -1) {
                    // Estimate the quotient digit from the top two limbs, then refine with the third.
                    var qhat: UInt64
                    var rhat: UInt64
                    var rhatOverflow = false
                    if un[j + n] >= vTop {
                        qhat = .max
                        (rhat, rhatOverflow) = un[j + n - 1].addingReportingOverflow(vTop)
                    } else {
                        (qhat, rhat) = vTop.dividingFullWidth((un[j + n], un[j + n - 1]))
                    }
                    while !rhatOverflow {
                        let (ph, pl) = qhat.multipliedFullWidth(by: vNext)
                        if ph < rhat || (ph == rhat && pl <= un[j + n - 2]) { break }
                        qhat &-= 1
                        (rhat, rhatOverflow) = rhat.addingReportingOverflow(vTop)
                    }
                    // Multiply and subtract qhat·v from the current window.
                    var carry: UInt64 = 0
                    var borrow: UInt64 = 0
                    for i in 0..<n {
                        let (ph, pl) = qhat.multipliedFullWidth(by: vn[i])
                        let (product, o) = pl.addingReportingOverflow(carry)
                        carry = ph &+ (o ? 1 : 0)
                        let (d1, b1) = un[i + j].subtractingReportingOverflow(product)
                        let (d2, b2) = d1.subtractingReportingOverflow(borrow)
                        un[i + j] = d2
                        borrow = (b1 ? 1 : 0) &+ (b2 ? 1 : 0)
                    }
                    let (d1, b1) = un[j + n].subtractingReportingOverflow(carry)
                    let (d2, b2) = d1.subtractingReportingOverflow(borrow)
                    un[j + n] = d2
                    if b1 || b2 {
                        // qhat was one too large (rare): add the divisor back.
                        qhat &-= 1
                        var addCarry: UInt64 = 0
                        for i in 0..<n {
                            let (s1, o1) = un[i + j].addingReportingOverflow(vn[i])
                            let (s2, o2) = s1.addingReportingOverflow(addCarry)
                            un[i + j] = s2
                            addCarry = (o1 ? 1 : 0) &+ (o2 ? 1 : 0)
                        }
                        un[j + n] &+= addCarry
                    }
                    q[j] = qhat
                }
                // Denormalise the remainder.
                var r = UInt256.zero
                for i in 0..<n {
                    r[limb: i] = shift == 0 ? un[i] : (un[i] >> shift) | (un[i + 1] << (64 - shift))
                }
                return r
            }
        }
    }
}
