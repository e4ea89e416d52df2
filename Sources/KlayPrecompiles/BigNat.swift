/// A small arbitrary-precision unsigned integer for modexp: little-endian 64-bit limbs with no
/// zero limb on top (zero has no limbs).
struct BigNat: Equatable {
    var limbs: [UInt64]

    init(limbs: [UInt64]) {
        self.limbs = limbs
        normalize()
    }

    /// The value of big-endian `bytes`.
    init(bigEndian bytes: some Collection<UInt8>) {
        var limbs = [UInt64](repeating: 0, count: (bytes.count + 7) / 8)
        var shift = (bytes.count - 1) * 8
        for byte in bytes {
            limbs[shift >> 6] |= UInt64(byte) << UInt64(shift & 63)
            shift -= 8
        }
        self.init(limbs: limbs)
    }

    var isZero: Bool { limbs.isEmpty }

    var isOdd: Bool { limbs.first.map { $0 & 1 == 1 } ?? false }

    /// The value as exactly `count` big-endian bytes (left-padded; the value must fit).
    func bigEndianBytes(count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        for (index, limb) in limbs.enumerated() {
            for byte in 0..<8 {
                let position = count - 1 - (index * 8 + byte)
                guard position >= 0 else { break }
                bytes[position] = UInt8(truncatingIfNeeded: limb >> UInt64(byte * 8))
            }
        }
        return bytes
    }

    private mutating func normalize() {
        while limbs.last == 0 { limbs.removeLast() }
    }

    static func * (a: BigNat, b: BigNat) -> BigNat {
        if a.isZero || b.isZero { return BigNat(limbs: []) }
        var product = [UInt64](repeating: 0, count: a.limbs.count + b.limbs.count)
        for (i, ai) in a.limbs.enumerated() {
            var carry: UInt64 = 0
            for (j, bj) in b.limbs.enumerated() {
                (carry, product[i + j]) = mulAdd(ai, bj, product[i + j], carry)
            }
            product[i + b.limbs.count] = carry
        }
        return BigNat(limbs: product)
    }

    /// self mod `divisor` (which must not be zero), by Knuth's algorithm D.
    func remainder(dividingBy divisor: BigNat) -> BigNat {
        let n = divisor.limbs.count
        precondition(n > 0, "division by zero")
        if limbs.count < n { return self }
        if n == 1 {
            var remainder: UInt64 = 0
            for limb in limbs.reversed() {
                remainder = divisor.limbs[0].dividingFullWidth((remainder, limb)).remainder
            }
            return BigNat(limbs: [remainder])
        }
        // Normalize so the divisor's top bit is set; the dividend gets one extra limb.
        let shift = divisor.limbs[n - 1].leadingZeroBitCount
        let v = BigNat.shiftedLeft(divisor.limbs, shift, extraLimb: false)
        var u = BigNat.shiftedLeft(limbs, shift, extraLimb: true)
        let vTop = v[n - 1], vNext = v[n - 2]
        for j in stride(from: u.count - n - 1, through: 0, by: -1) {
            // Estimate the quotient digit from the top two limbs, then correct it (at most twice).
            var qHat: UInt64, rHat: UInt64
            var rHatOverflow = false
            if u[j + n] >= vTop {
                // Equal, by the loop invariant: the digit is 2^64 − 1 and the remainder u1 + vTop.
                qHat = .max
                (rHat, rHatOverflow) = u[j + n - 1].addingReportingOverflow(vTop)
            } else {
                (qHat, rHat) = vTop.dividingFullWidth((u[j + n], u[j + n - 1]))
            }
            while !rHatOverflow {
                let product = qHat.multipliedFullWidth(by: vNext)
                guard product.high > rHat || (product.high == rHat && product.low > u[j + n - 2]) else { break }
                qHat -= 1
                (rHat, rHatOverflow) = rHat.addingReportingOverflow(vTop)
            }
            // u[j…j+n] −= qHat·v.
            var borrow: UInt64 = 0, carry: UInt64 = 0
            for i in 0..<n {
                let product = mulAdd(qHat, v[i], carry, 0)
                carry = product.high
                (u[i + j], borrow) = subtractBorrowing(u[i + j], product.low, borrow)
            }
            let (top, borrowA) = subtractBorrowing(u[j + n], carry, 0)
            let (topResult, borrowB) = subtractBorrowing(top, borrow, 0)
            u[j + n] = topResult
            if borrowA | borrowB != 0 {
                // qHat was one too large: add v back.
                var addCarry: UInt64 = 0
                for i in 0..<n { (u[i + j], addCarry) = addCarrying(u[i + j], v[i], addCarry) }
                u[j + n] = u[j + n] &+ addCarry
            }
        }
        // The remainder is u[0..<n] shifted back.
        var remainder = [UInt64](repeating: 0, count: n)
        for i in 0..<n {
            remainder[i] = shift == 0 ? u[i] : u[i] >> UInt64(shift) | u[i + 1] << UInt64(64 - shift)
        }
        return BigNat(limbs: remainder)
    }

    /// `limbs` shifted left by `shift` bits (< 64), optionally with one more limb for the overflow.
    private static func shiftedLeft(_ limbs: [UInt64], _ shift: Int, extraLimb: Bool) -> [UInt64] {
        var result = [UInt64](repeating: 0, count: limbs.count + (extraLimb ? 1 : 0))
        var carry: UInt64 = 0
        for (index, limb) in limbs.enumerated() {
            result[index] = shift == 0 ? limb : limb << UInt64(shift) | carry
            carry = shift == 0 ? 0 : limb >> UInt64(64 - shift)
        }
        if extraLimb { result[limbs.count] = carry }
        return result
    }
}
