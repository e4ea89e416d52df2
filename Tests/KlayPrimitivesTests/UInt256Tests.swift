import BigInt
import Testing
@testable import KlayPrimitives
import KlayTestSupport

/// UInt256 against attaswift/BigInt, an independent arbitrary-precision implementation, over edge
/// operands and seeded random ones of every bit length (so division runs through 1- to 4-limb divisors
/// and Knuth's correction steps).
@Suite struct UInt256Tests {
    static let modulus = BigUInt(1) << 256

    static func big(_ value: UInt256) -> BigUInt {
        BigUInt(words: [UInt(value.limbs.0), UInt(value.limbs.1), UInt(value.limbs.2), UInt(value.limbs.3)])
    }

    static func word(_ value: BigUInt) -> UInt256 {
        let reduced = value % modulus
        var limbs: [UInt64] = reduced.words.map { UInt64($0) }
        while limbs.count < 4 { limbs.append(0) }
        return UInt256(limbs: (limbs[0], limbs[1], limbs[2], limbs[3]))
    }

    /// Two's complement reading of a word.
    static func signed(_ value: UInt256) -> BigInt {
        value.isNegative ? BigInt(big(value)) - BigInt(modulus) : BigInt(big(value))
    }

    static func word(_ value: BigInt) -> UInt256 {
        value.sign == .minus ? word(modulus - value.magnitude % modulus) : word(value.magnitude)
    }


    static let edges: [UInt256] = {
        var values: [UInt256] = [0, 1, 2, 3, 10, 0xff, UInt256(UInt64.max), UInt256(UInt64(1) << 63)]
        values.append(UInt256.one << 64)
        values.append((UInt256.one << 64) &+ 1)
        values.append((UInt256.one << 128) &- 1)
        values.append(UInt256.one << 128)
        values.append(UInt256.one << 192)
        values.append(UInt256.one << 255)
        values.append((UInt256.one << 255) &- 1)
        values.append(UInt256.max)
        values.append(UInt256.max &- 1)
        values.append(UInt256(limbs: (0, 0, 0, 1)))
        values.append(UInt256(limbs: (.max, 0, .max, 0)))
        values.append(UInt256(limbs: (0, .max, 0, .max)))
        values.append(UInt256(limbs: (1, 0, 0, 0x8000_0000_0000_0000)))
        return values
    }()

    static func operands(count: Int, seed: UInt64) -> [UInt256] {
        var generator = SeededGenerator(seed: seed)
        var values = edges
        for _ in 0..<count {
            let raw = UInt256(limbs: (generator.next(), generator.next(), generator.next(), generator.next()))
            values.append(raw >> Int(generator.next() % 256))
        }
        return values
    }

    /// Pairs of operands: every edge with every edge, plus random pairs.
    static func pairs(seed: UInt64) -> [(UInt256, UInt256)] {
        var result: [(UInt256, UInt256)] = []
        for a in edges { for b in edges { result.append((a, b)) } }
        let randoms = operands(count: 600, seed: seed)
        for i in stride(from: 0, to: randoms.count - 1, by: 1) { result.append((randoms[i], randoms[randoms.count - 1 - i])) }
        return result
    }

    @Test func addSubMulAgainstBigInt() {
        for (a, b) in Self.pairs(seed: 1) {
            let (x, y) = (Self.big(a), Self.big(b))
            #expect(a &+ b == Self.word(x + y), "\(a) + \(b)")
            #expect(a.addingReportingOverflow(b).overflow == (x + y >= Self.modulus))
            #expect(a &- b == Self.word(x + Self.modulus - y), "\(a) - \(b)")
            #expect(a.subtractingReportingOverflow(b).overflow == (y > x))
            #expect(a &* b == Self.word(x * y), "\(a) * \(b)")
            let wide = a.multipliedFullWidth(by: b)
            #expect(wide.low == Self.word(x * y) && wide.high == Self.word((x * y) >> 256))
        }
    }

    @Test func divisionAgainstBigInt() {
        for (a, b) in Self.pairs(seed: 2) {
            let (x, y) = (Self.big(a), Self.big(b))
            #expect(a / b == (y == 0 ? .zero : Self.word(x / y)), "\(a) / \(b)")
            #expect(a % b == (y == 0 ? .zero : Self.word(x % y)), "\(a) % \(b)")
        }
    }

    @Test func signedDivisionAgainstBigInt() {
        for (a, b) in Self.pairs(seed: 3) {
            let (x, y) = (Self.signed(a), Self.signed(b))
            // BigInt's / and % truncate toward zero like the EVM; the remainder takes the dividend's sign.
            let quotient = y == 0 ? UInt256.zero : Self.word(x / y)
            let remainder = y == 0 ? UInt256.zero : Self.word(x % y)
            #expect(a.signedDivided(by: b) == quotient, "\(x) sdiv \(y)")
            #expect(a.signedRemainder(dividingBy: b) == remainder, "\(x) smod \(y)")
            #expect(a.signedLessThan(b) == (x < y))
            #expect(a.signedGreaterThan(b) == (x > y))
            #expect((a < b) == (Self.big(a) < Self.big(b)))
        }
        // The one overflow: −2^255 / −1 wraps to −2^255.
        let minimum = UInt256.one << 255
        #expect(minimum.signedDivided(by: .max) == minimum)
    }

    @Test func modularArithmeticAgainstBigInt() {
        let moduli = Self.operands(count: 40, seed: 4)
        let pairs = Self.pairs(seed: 5)
        for (index, (a, b)) in pairs.enumerated() {
            let n = moduli[index % moduli.count]
            let (x, y, m) = (Self.big(a), Self.big(b), Self.big(n))
            #expect(a.addMod(b, modulus: n) == (m == 0 ? .zero : Self.word((x + y) % m)), "addmod \(a) \(b) \(n)")
            #expect(a.mulMod(b, modulus: n) == (m == 0 ? .zero : Self.word((x * y) % m)), "mulmod \(a) \(b) \(n)")
        }
    }

    @Test func exponentiationAgainstBigInt() {
        let bases = Self.operands(count: 30, seed: 6)
        let exponents = Self.operands(count: 30, seed: 7)
        for base in bases {
            for exponent in exponents.prefix(25) {
                let expected = Self.big(base).power(Self.big(exponent), modulus: Self.modulus)
                #expect(base.power(exponent) == Self.word(expected), "\(base) ** \(exponent)")
            }
        }
        #expect(UInt256(2).power(255) == UInt256.one << 255)
        #expect(UInt256(2).power(256) == .zero)
        #expect(UInt256.zero.power(.zero) == .one)
    }

    @Test func shiftsByteAndSignExtendAgainstBigInt() {
        let values = Self.operands(count: 80, seed: 8)
        let counts: [UInt256] = [0, 1, 7, 63, 64, 65, 127, 128, 200, 255, 256, 257, 1024, .max, UInt256.one << 64]
        for value in values {
            let x = Self.big(value)
            let s = Self.signed(value)
            for count in counts {
                let n = Int(count.uint64Value.map { min($0, 300) } ?? 300)
                #expect(value.shiftedLeft(by: count) == (n >= 256 ? .zero : Self.word(x << n)), "\(value) << \(n)")
                #expect(value.shiftedRight(by: count) == (n >= 256 ? .zero : Self.word(x >> n)), "\(value) >> \(n)")
                // SAR floors; BigInt's >> truncates toward zero, so floor negative values by hand.
                let arithmetic: BigInt = n >= 256 ? (s < 0 ? -1 : 0)
                    : s < 0 ? -((-s + (BigInt(1) << n) - 1) >> n) : s >> n
                #expect(value.arithmeticShiftedRight(by: count) == Self.word(arithmetic), "\(s) sar \(n)")
            }
            let bytes = value.bigEndianBytes
            for index in [0, 1, 15, 30, 31, 32, 100] {
                let expected = index < 32 ? UInt256(UInt64(bytes[index])) : .zero
                #expect(value.byte(at: UInt256(UInt64(index))) == expected)
            }
            #expect(value.byte(at: .max) == .zero)
            for b in 0..<33 {
                let extended = value.signExtended(fromByte: UInt256(UInt64(b)))
                if b >= 31 {
                    #expect(extended == value)
                } else {
                    // The low b+1 bytes read as a signed integer, widened.
                    let bits = (b + 1) * 8
                    let low = x % (BigUInt(1) << bits)
                    let signedLow = low >= (BigUInt(1) << (bits - 1)) ? BigInt(low) - BigInt(BigUInt(1) << bits) : BigInt(low)
                    #expect(extended == Self.word(signedLow), "signextend(\(b), \(value))")
                }
            }
            #expect(value.signExtended(fromByte: .max) == value)
        }
    }

    @Test func bitOperations() {
        for (a, b) in Self.pairs(seed: 9).prefix(300) {
            let (x, y) = (Self.big(a), Self.big(b))
            #expect(a & b == Self.word(x & y))
            #expect(a | b == Self.word(x | y))
            #expect(a ^ b == Self.word(x ^ y))
            #expect(~a == Self.word(Self.modulus - 1 - x))
            #expect(a.bitLength == (x == 0 ? 0 : String(x, radix: 2).count))
        }
    }

    @Test func textAndBytesRoundTripAgainstBigInt() throws {
        for value in Self.operands(count: 200, seed: 10) {
            let x = Self.big(value)
            #expect(value.decimalString == String(x))
            #expect(try UInt256(decimal: String(x)) == value)
            #expect(value.hexString == "0x" + String(x, radix: 16))
            #expect(try UInt256(hex: value.hexString) == value)
            #expect(UInt256(bigEndian: value.bigEndianBytes) == value)
            #expect(UInt256(bigEndian: value.minimalBigEndianBytes) == value)
            #expect(value.minimalBigEndianBytes.first != 0)
            #expect(value.minimalBigEndianBytes.count == value.byteLength)
        }
        #expect(UInt256.zero.hexString == "0x0")
        #expect(UInt256.zero.minimalBigEndianBytes.isEmpty)
        #expect(UInt256.max.decimalString == "115792089237316195423570985008687907853269984665640564039457584007913129639935")
        #expect(try UInt256(hex: "0x000001") == 1)
        #expect(UInt256(bigEndian: [UInt8](repeating: 0, count: 31) + [5]) == 5)
    }

    @Test func malformedTextIsRejected() {
        #expect(throws: UInt256Error.empty) { try UInt256(decimal: "") }
        #expect(throws: UInt256Error.empty) { try UInt256(hex: "0x") }
        #expect(throws: UInt256Error.empty) { try UInt256(hex: "") }
        #expect(throws: UInt256Error.invalidDigit("a", offset: 2)) { try UInt256(decimal: "12a") }
        #expect(throws: UInt256Error.invalidDigit("-", offset: 0)) { try UInt256(decimal: "-1") }
        #expect(throws: UInt256Error.invalidDigit("g", offset: 1)) { try UInt256(hex: "0x1g") }
        #expect(throws: UInt256Error.overflow) {
            try UInt256(decimal: "115792089237316195423570985008687907853269984665640564039457584007913129639936")
        }
        #expect(throws: UInt256Error.overflow) { try UInt256(hex: "0x1" + String(repeating: "0", count: 64)) }
        #expect(UInt256(bigEndian: [UInt8](repeating: 1, count: 33)) == nil)
    }
}
