import BigInt
import Foundation
import KlayPrimitives
import Testing

@testable import KlayPrecompiles

@Suite struct ModexpTests {
    static func input(base: [UInt8], exponent: [UInt8], modulus: [UInt8]) -> [UInt8] {
        UInt256(UInt64(base.count)).bigEndianBytes + UInt256(UInt64(exponent.count)).bigEndianBytes
            + UInt256(UInt64(modulus.count)).bigEndianBytes + base + exponent + modulus
    }

    static func run(_ input: [UInt8]) -> [UInt8]? {
        try? Precompile.modexp(.eip2565).run(input, context: PrecompileVectorTests.context).get()
    }

    /// Random operands of assorted sizes, odd and even moduli, against BigInt.
    @Test func matchesIndependentArithmetic() {
        var words = BN254Tests.Words(state: 0xabcdef)
        func bytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8(truncatingIfNeeded: words.next()) } }
        for (baseLength, exponentLength, modulusLength) in [(1, 1, 1), (8, 3, 8), (33, 5, 17), (64, 64, 64), (100, 20, 200), (7, 40, 130)] {
            for parity in [0, 1] {
                let base = bytes(baseLength), exponent = bytes(exponentLength)
                var modulus = bytes(modulusLength)
                modulus[modulusLength - 1] = modulus[modulusLength - 1] & 0xfe | UInt8(parity)
                let expected = BigUInt(Data(base)).power(BigUInt(Data(exponent)), modulus: BigUInt(Data(modulus)))
                let output = Self.run(Self.input(base: base, exponent: exponent, modulus: modulus))
                #expect(output.map { BigUInt(Data($0)) } == expected, "\(baseLength) \(exponentLength) \(modulusLength) \(parity)")
                #expect(output?.count == modulusLength)
            }
        }
    }

    /// Knuth division on patterned limbs (all ones, top bit, zero…), which exercise the rare
    /// quotient corrections and the add-back step, against BigInt.
    @Test func remainderMatchesIndependentArithmetic() {
        var words = BN254Tests.Words(state: 0x5eed)
        let patterns: [UInt64] = [0, 1, .max, .max - 1, 1 << 63, (1 << 63) - 1, 1 << 32, 0xffff_ffff]
        func limb() -> UInt64 {
            let pick = words.next()
            return pick % 3 == 0 ? words.next() : patterns[Int(pick >> 8) % patterns.count]
        }
        func big(_ limbs: [UInt64]) -> BigUInt { BigUInt(words: limbs.map { UInt($0) }) }
        for round in 0..<3_000 {
            let divisorLength = 1 + round % 5, dividendLength = divisorLength + Int(words.next() % 4)
            var divisor = (0..<divisorLength).map { _ in limb() }
            if divisor.allSatisfy({ $0 == 0 }) { divisor[0] = 3 }
            let dividend = (0..<dividendLength).map { _ in limb() }
            let remainder = BigNat(limbs: dividend).remainder(dividingBy: BigNat(limbs: divisor))
            #expect(big(remainder.limbs) == big(dividend) % big(divisor), "\(dividend) % \(divisor)")
        }
    }

    @Test func edgeCases() {
        #expect(Self.run([]) == [])
        // Zero modulus: Mlen zero bytes.
        #expect(Self.run(Self.input(base: [3], exponent: [5], modulus: [0, 0])) == [0, 0])
        // Modulus 1: zero; exponent 0: one.
        #expect(Self.run(Self.input(base: [3], exponent: [5], modulus: [1])) == [0])
        #expect(Self.run(Self.input(base: [3], exponent: [], modulus: [0, 7])) == [0, 1])
        #expect(Self.run(Self.input(base: [], exponent: [], modulus: [0, 4])) == [0, 1])
        #expect(Self.run(Self.input(base: [0], exponent: [0], modulus: [9])) == [1])
        // Missing bytes read as zero: the exponent 0x02 then a missing byte is 0x0200 = 512.
        var truncated = Self.input(base: [2], exponent: [2, 0], modulus: [])
        truncated.replaceSubrange(64..<96, with: UInt256(1).bigEndianBytes)
        #expect(Self.run(truncated) == [0])
        // Blen 1, Elen 2, Mlen 1, data 2 ‖ 02 00 ‖ 07: 2^512 mod 7 = 4 (2³ ≡ 1, 512 ≡ 2 mod 3).
        var header = UInt256(1).bigEndianBytes + UInt256(2).bigEndianBytes + UInt256(1).bigEndianBytes
        #expect(Self.run(header + [2, 2, 0, 7]) == [4])
        // The exponent's second byte is missing (zero) and so is the modulus: one zero byte out.
        #expect(Self.run(header + [2, 2]) == [0])
        // A base longer than the input is right-padded: 0x0300 = 768, 768^1 mod 1000 = 768.
        header = UInt256(2).bigEndianBytes + UInt256(1).bigEndianBytes + UInt256(2).bigEndianBytes
        #expect(Self.run(header + [3]) == [0, 0])
        #expect(Self.run(header + [3, 0, 1, 0x03, 0xe8]) == [0x03, 0x00])
    }

    @Test func gasEdgeCases() {
        let huge = UInt256.max.bigEndianBytes
        let zero = UInt256.zero.bigEndianBytes
        let one = UInt256.one.bigEndianBytes
        // Nothing to compute: EIP-198 charges nothing, EIP-2565 its minimum.
        #expect(Precompile.modexp(.eip198).requiredGas(zero + huge + zero) == 0)
        #expect(Precompile.modexp(.eip2565).requiredGas(zero + huge + zero) == 200)
        #expect(Precompile.modexp(.eip2565).requiredGas([]) == 200)
        #expect(Precompile.modexp(.eip198).computationCost([], gas: 0) == 100)
        #expect(Precompile.modexp(.eip2565).computationCost([], gas: 200) == 102)
        // Unpayable: huge lengths or exponents.
        #expect(Precompile.modexp(.eip198).requiredGas(huge + one + one) == .max)
        #expect(Precompile.modexp(.eip2565).requiredGas(one + huge + one) == .max)
        #expect(Precompile.modexp(.eip198).computationCost(one + huge + one, gas: .max) == .max)
        // Elen = 2^64: 8·(2^64 − 32)/20 still fits in 64 bits under EIP-198.
        let twoTo64 = (UInt256.one << 64).bigEndianBytes
        let adjusted = (UInt256.one << 64 &- UInt256(32)) << 3
        #expect(Precompile.modexp(.eip198).requiredGas(one + twoTo64 + one) == (adjusted / UInt256(20)).uint64Value)
        // The exponent head counts only when the input reaches it, right-padded with zeros.
        let head = one + UInt256(UInt64(40)).bigEndianBytes + one + [5, 0x80]
        // adjExpLen = 8·(40 − 32) + 255 (0x80 followed by zeros); complexity 1.
        #expect(Precompile.modexp(.eip198).requiredGas(head) == (64 + 255) / 20)
        #expect(Precompile.modexp(.eip198).requiredGas(Array(head.prefix(97))) == 64 / 20)
    }
}

@Suite struct HashTests {
    /// The test vectors of the RIPEMD-160 paper.
    @Test(arguments: [
        ("", "9c1185a5c5e9fc54612808977ee8f548b2258d31"),
        ("a", "0bdc9d2d256b3ee9daae347be6f4dc835a467ffe"),
        ("abc", "8eb208f7e05d987a9b044a8e98c6b087f15a0bfc"),
        ("message digest", "5d0689ef49d2fae572b881b123a85ffa21595f36"),
        ("abcdefghijklmnopqrstuvwxyz", "f71c27109c692c1b56bbdceb5b9d2865b3708dbc"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "12a053384a9c0c88e405a06c27dcf49ada62eb2b"),
        ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "b0e20b6e3116640286ed3a87a5713079b21f5189"),
        (String(repeating: "1234567890", count: 8), "9b752e45573d4b39f4dbd3323cab82bf63326bfb"),
    ])
    func ripemd160(_ message: String, _ digest: String) throws {
        #expect(RIPEMD160.hash(Array(message.utf8)) == (try Hex.decode(digest)))
    }

    @Test func ripemd160MillionAs() throws {
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(RIPEMD160.hash(message) == (try Hex.decode("52783243c1697bdbe16d37f97f68f08325dc1528")))
    }

    @Test func sha256AndIdentity() throws {
        let context = PrecompileVectorTests.context
        #expect(try Precompile.sha256.run([], context: context).get()
            == (try Hex.decode("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")))
        #expect(try Precompile.ripemd160.run([], context: context).get()
            == [UInt8](repeating: 0, count: 12) + (try Hex.decode("9c1185a5c5e9fc54612808977ee8f548b2258d31")))
        #expect(try Precompile.identity.run([1, 2, 3], context: context).get() == [1, 2, 3])
    }

    /// Blake2F with zero rounds leaves only the feed-forward; a bad length or flag is refused
    /// before anything else, and gas/computation cost are zero for a bad length.
    @Test func blake2fBoundaries() throws {
        var input = [UInt8](repeating: 0, count: 213)
        #expect(try Precompile.blake2f.run(input, context: PrecompileVectorTests.context).get().count == 64)
        input[212] = 2
        #expect(Precompile.blake2f.run(input, context: PrecompileVectorTests.context) == .failure(PrecompileError("invalid final flag")))
        #expect(Precompile.blake2f.requiredGas([0, 0, 1, 0]) == 0)
        #expect(Precompile.blake2f.computationCost([0, 0, 1, 0], gas: 0) == 0)
        input[3] = 12
        #expect(Precompile.blake2f.computationCost(input, gas: 12) == 10_120)
    }
}
