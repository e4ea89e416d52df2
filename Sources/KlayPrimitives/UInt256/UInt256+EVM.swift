/// The EVM's arithmetic beyond plain wrapping: signed division and comparison (two's complement),
/// modular addition and multiplication with a wide intermediate, exponentiation, SIGNEXTEND, BYTE and
/// shifts by a 256-bit count. Each method is named after what it computes; the opcode is in its doc.
extension UInt256 {
    /// Whether the value is negative read as two's complement (the top bit is set).
    @inlinable @inline(__always)
    public var isNegative: Bool { limbs.3 >> 63 == 1 }

    /// The two's complement negation, `0 - self` modulo 2^256.
    @inlinable @inline(__always)
    public var negated: UInt256 { UInt256.zero &- self }

    /// The magnitude read as two's complement.
    @inlinable @inline(__always)
    var signedMagnitude: UInt256 { isNegative ? negated : self }

    /// SDIV: signed quotient rounded toward zero; zero for a zero divisor; −2^255 / −1 = −2^255.
    @inlinable @inline(__always)
    public func signedDivided(by divisor: UInt256) -> UInt256 {
        if divisor.isZero { return .zero }
        let quotient = signedMagnitude / divisor.signedMagnitude
        return isNegative != divisor.isNegative ? quotient.negated : quotient
    }

    /// SMOD: signed remainder taking the dividend's sign; zero for a zero divisor.
    @inlinable @inline(__always)
    public func signedRemainder(dividingBy divisor: UInt256) -> UInt256 {
        if divisor.isZero { return .zero }
        let remainder = signedMagnitude % divisor.signedMagnitude
        return isNegative ? remainder.negated : remainder
    }

    /// SLT: signed `self < other`.
    @inlinable @inline(__always)
    public func signedLessThan(_ other: UInt256) -> Bool {
        isNegative == other.isNegative ? self < other : isNegative
    }

    /// SGT: signed `self > other`.
    @inlinable @inline(__always)
    public func signedGreaterThan(_ other: UInt256) -> Bool { other.signedLessThan(self) }

    /// ADDMOD: `(self + other) mod modulus` over the exact 257-bit sum; zero for a zero modulus.
    @inlinable
    public func addMod(_ other: UInt256, modulus: UInt256) -> UInt256 {
        if modulus.isZero { return .zero }
        let (sum, carry) = addingReportingOverflow(other)
        if !carry { return sum % modulus }
        let wide = UInt512(limbs: (sum.limbs.0, sum.limbs.1, sum.limbs.2, sum.limbs.3, 1, 0, 0, 0))
        return UInt256.remainder(of: wide, modulo: modulus)
    }

    /// MULMOD: `(self · other) mod modulus` over the exact 512-bit product; zero for a zero modulus.
    @inlinable
    public func mulMod(_ other: UInt256, modulus: UInt256) -> UInt256 {
        if modulus.isZero { return .zero }
        let (high, low) = multipliedFullWidth(by: other)
        if high.isZero { return low % modulus }
        let wide = UInt512(limbs: (low.limbs.0, low.limbs.1, low.limbs.2, low.limbs.3,
                                   high.limbs.0, high.limbs.1, high.limbs.2, high.limbs.3))
        return UInt256.remainder(of: wide, modulo: modulus)
    }

    /// EXP: `self ^ exponent` modulo 2^256 (square and multiply over the exponent's bits).
    @inlinable
    public func power(_ exponent: UInt256) -> UInt256 {
        var result = UInt256.one
        var base = self
        let bits = exponent.bitLength
        var bit = 0
        while bit < bits {
            if (exponent[limb: bit >> 6] >> UInt64(bit & 63)) & 1 == 1 { result = result &* base }
            bit += 1
            if bit < bits { base = base &* base }
        }
        return result
    }

    /// SIGNEXTEND: treats byte `byteIndex` (0 = least significant) as the sign of a narrower integer
    /// and extends it over the higher bits; an index of 31 or more leaves the value unchanged.
    @inlinable @inline(__always)
    public func signExtended(fromByte byteIndex: UInt256) -> UInt256 {
        guard let index = byteIndex.uint64Value, index < 31 else { return self }
        let signBit = Int(index) * 8 + 7
        let mask = (UInt256.one << (signBit + 1)) &- .one
        let isSet = (self[limb: signBit >> 6] >> UInt64(signBit & 63)) & 1 == 1
        return isSet ? self | ~mask : self & mask
    }

    /// BYTE: byte `index` counted from the most significant (0) end, or zero for an index of 32 or more.
    @inlinable @inline(__always)
    public func byte(at index: UInt256) -> UInt256 {
        guard let i = index.uint64Value, i < 32 else { return .zero }
        let fromLow = 31 - Int(i)
        return UInt256((self[limb: fromLow >> 3] >> UInt64((fromLow & 7) * 8)) & 0xff)
    }

    /// SHL: `self << shift`; zero for a shift of 256 or more.
    @inlinable @inline(__always)
    public func shiftedLeft(by shift: UInt256) -> UInt256 {
        guard let count = shift.uint64Value, count < 256 else { return .zero }
        return self << Int(count)
    }

    /// SHR: logical `self >> shift`; zero for a shift of 256 or more.
    @inlinable @inline(__always)
    public func shiftedRight(by shift: UInt256) -> UInt256 {
        guard let count = shift.uint64Value, count < 256 else { return .zero }
        return self >> Int(count)
    }

    /// SAR: arithmetic `self >> shift`, filling with the sign bit; all sign bits for a shift of 256 or more.
    @inlinable @inline(__always)
    public func arithmeticShiftedRight(by shift: UInt256) -> UInt256 {
        let fill: UInt256 = isNegative ? .max : .zero
        guard let count = shift.uint64Value, count < 256 else { return fill }
        if count == 0 { return self }
        let logical = self >> Int(count)
        return isNegative ? logical | ~(UInt256.max >> Int(count)) : logical
    }
}
