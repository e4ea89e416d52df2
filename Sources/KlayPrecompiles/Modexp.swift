import KlayPrimitives

/// The modexp precompile of EIP-198: input Blen ‖ Elen ‖ Mlen (32-byte words) ‖ B ‖ E ‖ M, bytes
/// past the end reading as zero; output B^E mod M as Mlen bytes.
enum Modexp {
    /// The gas, or `UInt64.max` when it does not fit in 64 bits.
    static func gas(_ input: [UInt8], pricing: ModexpPricing) -> UInt64 {
        let baseLength = input.word(at: 0), exponentLength = input.word(at: 32), modulusLength = input.word(at: 64)
        let size = max(baseLength, modulusLength)
        guard !size.isZero else { return pricing == .eip198 ? 0 : 200 }
        guard let x = size.uint64Value else { return .max }
        let complexity: UInt256
        switch pricing {
        case .eip198:
            let square = UInt256(x).multipliedFullWidth(by: UInt256(x)).low
            if x <= 64 {
                complexity = square
            } else if x <= 1024 {
                complexity = square / 4 &+ UInt256(96 * x) &- 3072
            } else {
                complexity = square / 16 &+ UInt256(x).multipliedFullWidth(by: 480).low &- 199_680
            }
        case .eip2565:
            let words = UInt256(x / 8 + (x % 8 == 0 ? 0 : 1))
            complexity = words.multipliedFullWidth(by: words).low
        }
        guard let adjusted = adjustedExponentLength(input, baseLength: baseLength, exponentLength: exponentLength) else {
            return .max
        }
        let product = complexity.multipliedFullWidth(by: max(adjusted, .one))
        guard product.high.isZero else { return .max }
        guard let gas = (product.low / UInt256(pricing == .eip198 ? 20 : 3)).uint64Value else { return .max }
        return pricing == .eip198 ? gas : max(gas, 200)
    }

    /// EIP-198's adjusted exponent length: 8·(Elen − 32) beyond the first 32 bytes, plus the index
    /// of the highest set bit of the exponent's first (at most) 32 bytes. Nil when it exceeds 256 bits.
    private static func adjustedExponentLength(_ input: [UInt8], baseLength: UInt256, exponentLength: UInt256) -> UInt256? {
        var highestBit = 0
        let available = max(input.count - 96, 0)
        if UInt256(UInt64(available)) > baseLength, let start = baseLength.intValue {
            // The head is min(Elen, 32) bytes, right-padded with zeros where the input ends.
            let headLength = Int(min(exponentLength, UInt256(32)).uint64Value!)
            var head = [UInt8](repeating: 0, count: headLength)
            for index in 0..<headLength where start + index < available {
                head[index] = input[96 + start + index]
            }
            highestBit = max(UInt256(bigEndian: head)!.bitLength - 1, 0)
        }
        guard exponentLength > UInt256(32) else { return UInt256(UInt64(highestBit)) }
        let beyond = exponentLength &- UInt256(32)
        guard beyond.leadingZeroBitCount >= 3 else { return nil }
        let (adjusted, overflow) = (beyond << 3).addingReportingOverflow(UInt256(UInt64(highestBit)))
        return overflow ? nil : adjusted
    }

    /// Runs modexp. Lengths are taken modulo 2^64, as Go's `big.Int.Uint64` does; callers have paid
    /// the gas, which bounds them far below the refused sizes (more than 2^32 bytes).
    static func run(_ input: [UInt8]) throws(PrecompileError) -> [UInt8] {
        let baseLength = input.word(at: 0).limbs.0
        let exponentLength = input.word(at: 32).limbs.0
        let modulusLength = input.word(at: 64).limbs.0
        if baseLength == 0 && modulusLength == 0 { return [] }
        guard baseLength <= UInt32.max, modulusLength <= UInt32.max else { throw PrecompileError("modexp: operand too large") }
        let data = input.count > 96 ? input[96...] : []
        let base = BigNat(bigEndian: padded(data, start: 0, count: baseLength))
        let modulus = BigNat(bigEndian: padded(data, start: baseLength, count: modulusLength, after: exponentLength))
        if modulus.isZero { return [UInt8](repeating: 0, count: Int(modulusLength)) }
        // The exponent is read in place: its bytes present in the input, then implied zero bytes.
        let exponentStart = data.startIndex + Int(min(baseLength, UInt64(data.count)))
        let exponentEnd = data.startIndex + Int(min(baseLength.addingSaturated(exponentLength), UInt64(data.count)))
        let exponent = data[exponentStart..<exponentEnd]
        let missing = exponentLength - UInt64(exponent.count)
        let result: BigNat
        if modulus.isOdd {
            let arithmetic = MontgomeryModulus(modulus)
            let power = arithmetic.power(arithmetic.enter(base.remainder(dividingBy: modulus)), exponent: exponent, trailingZeroBytes: missing)
            result = arithmetic.leave(power)
        } else {
            let arithmetic = PlainModulus(modulus: modulus)
            result = arithmetic.power(base.remainder(dividingBy: modulus), exponent: exponent, trailingZeroBytes: missing)
        }
        return result.bigEndianBytes(count: Int(modulusLength))
    }

    /// `count` bytes of `data` from `start` (+ `after`), zeros where it ends (Go's `getData`).
    private static func padded(_ data: ArraySlice<UInt8>, start: UInt64, count: UInt64, after: UInt64 = 0) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: Int(count))
        let first = start.addingSaturated(after)
        guard first < UInt64(data.count) else { return bytes }
        let available = min(count, UInt64(data.count) - first)
        for index in 0..<Int(available) { bytes[index] = data[data.startIndex + Int(first) + index] }
        return bytes
    }
}

extension UInt64 {
    fileprivate func addingSaturated(_ other: UInt64) -> UInt64 {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? .max : sum
    }
}
