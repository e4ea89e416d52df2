import BigInt
import Foundation
import KlayPrimitives
import Testing

@testable import KlayPrecompiles

/// The BN254 tower, curve arithmetic and pairing, checked against independent arithmetic and the
/// group laws; and the decoding errors of go-ethereum's bn256.
@Suite struct BN254Tests {
    static let p = BigUInt("30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47", radix: 16)!

    /// Deterministic pseudo-random words (xorshift), so failures reproduce.
    struct Words {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        mutating func fp() -> Fp { Fp(UInt256(limbs: (next(), next(), next(), next() >> 3)) % Fp.modulus) }
        mutating func fp2() -> Fp2 { Fp2(fp(), fp()) }
        mutating func fp6() -> Fp6 { Fp6(fp2(), fp2(), fp2()) }
        mutating func fp12() -> Fp12 { Fp12(fp6(), fp6()) }
        mutating func scalar() -> UInt256 { UInt256(limbs: (next(), next(), next(), next())) }
    }

    static func big(_ value: UInt256) -> BigUInt { BigUInt(Data(value.bigEndianBytes)) }

    @Test func fpMatchesIndependentArithmetic() {
        var words = Words(state: 0x1234_5678)
        for _ in 0..<500 {
            let a = words.fp(), b = words.fp()
            let (x, y) = (Self.big(a.value), Self.big(b.value))
            #expect(Self.big((a * b).value) == x * y % Self.p)
            #expect(Self.big((a + b).value) == (x + y) % Self.p)
            #expect(Self.big((a - b).value) == (x + Self.p - y) % Self.p)
            #expect((a.halved() + a.halved()) == a)
            #expect(a.value == a.value.mulMod(.one, modulus: Fp.modulus))
        }
        let a = words.fp()
        #expect(a * a.inverse() == .one)
        #expect(Fp.zero.inverse() == .zero)
        #expect(Fp(Fp.modulus &- .one) + .one == .zero)
    }

    @Test func towerInversesAndSquares() {
        var words = Words(state: 99)
        for _ in 0..<20 {
            let a2 = words.fp2(), b2 = words.fp2()
            #expect(a2 * a2.inverse() == .one)
            #expect(a2.squared() == a2 * a2)
            #expect(a2.timesXi() == a2 * Fp2.xi)
            #expect((a2 * b2).conjugate() == a2.conjugate() * b2.conjugate())
            let a6 = words.fp6(), b6 = words.fp6()
            #expect(a6 * a6.inverse() == .one)
            #expect(a6.squared() == a6 * a6)
            #expect(a6.times(b2, a2) == a6 * Fp6(b2, a2, .zero))
            #expect(a6.timesV() == a6 * Fp6(.zero, .one, .zero))
            #expect((a6 * b6) * a6 == a6 * (b6 * a6))
            let a12 = words.fp12(), b12 = words.fp12()
            #expect(a12 * a12.inverse() == .one)
            #expect(a12.squared() == a12 * a12)
            let (l0, l1, l3) = (words.fp2(), words.fp2(), words.fp2())
            #expect(a12.times(w0: l0, w1: l1, w3: l3) == a12 * Fp12(Fp6(l0, .zero, .zero), Fp6(l1, l3, .zero)))
            #expect(a12.times(w0: l0, w2: l1, w3: l3) == a12 * Fp12(Fp6(l0, l1, .zero), Fp6(.zero, l3, .zero)))
            // Frobenius is a ring homomorphism whose powers compose.
            #expect((a12 * b12).frobenius() == a12.frobenius() * b12.frobenius())
            #expect(a12.frobenius().frobenius() == a12.frobeniusSquared())
            #expect(a12.frobeniusSquared().frobenius() == a12.frobeniusCubed())
            #expect(a12.frobeniusCubed().frobeniusCubed() == a12.conjugate())
        }
    }

    /// On the cyclotomic subgroup (reached by the easy part of the final exponentiation) the
    /// Granger–Scott squaring agrees with the generic one.
    @Test func cyclotomicSquaring() {
        var words = Words(state: 11)
        for _ in 0..<10 {
            let f = words.fp12()
            let easy = f.conjugate() * f.inverse()
            let m = easy.frobeniusSquared() * easy
            #expect(m.cyclotomicSquared() == m.squared())
            #expect(m * m.conjugate() == .one)
        }
    }

    /// Frobenius equals raising to the power p, computed the slow way.
    @Test func frobeniusIsPowerP() {
        var words = Words(state: 7)
        let a = words.fp12()
        var result = Fp12.one
        let exponent = Fp.modulus
        for bit in stride(from: exponent.bitLength - 1, through: 0, by: -1) {
            result = result.squared()
            if (exponent[limb: bit >> 6] >> UInt64(bit & 63)) & 1 == 1 { result = result * a }
        }
        #expect(result == a.frobenius())
    }

    static let g1 = BN254G1.Point((Fp(1), Fp(2)))
    static let g2Encoding = try! Hex.decode(
        "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c21800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa")
    static let g2 = try! BN254G2.decode(g2Encoding, at: 0)!

    @Test func curveGroupLaws() {
        var words = Words(state: 5)
        let a = words.scalar(), b = words.scalar()
        let sum = a.addingReportingOverflow(b)
        let aP = Self.g1.multiplied(by: a), bP = Self.g1.multiplied(by: b)
        if !sum.overflow {
            #expect(BN254G1.encode(aP + bP) == BN254G1.encode(Self.g1.multiplied(by: sum.partialValue)))
        }
        #expect(BN254G1.encode(Self.g1 + Self.g1) == BN254G1.encode(Self.g1.doubled()))
        #expect(BN254G1.encode(Self.g1.multiplied(by: BN254G2.order)) == [UInt8](repeating: 0, count: 64))
        // Scalars are not reduced first: the top of the range (whose signed digits carry past 2^256) too.
        #expect(BN254G1.encode(Self.g1.multiplied(by: .max)) == BN254G1.encode(Self.g1.multiplied(by: UInt256.max % BN254G2.order)))
        #expect(BN254G1.encode(Self.g1.multiplied(by: .zero)) == [UInt8](repeating: 0, count: 64))
        #expect((aP + BN254G1.Point(aP.affine.map { ($0.x, -$0.y) })).isInfinity)
        let q = BN254G2.Point(Self.g2)
        #expect(q.multiplied(by: BN254G2.order).isInfinity)
        #expect(!q.multiplied(by: BN254G2.order &- .one).isInfinity)
    }

    /// e(aP, bQ) = e(abP, Q) = e(P, Q)^(ab), and the pairing is not trivial.
    @Test func pairingIsBilinear() {
        let a: UInt256 = 0x1234_5678_9abc_def0, b: UInt256 = 0xfeed_beef
        let aP = Self.g1.multiplied(by: a).affine!
        let bQ = BN254G2.Point(Self.g2).multiplied(by: b).affine!
        let abP = Self.g1.multiplied(by: a &* b).affine!
        let minusAbP = (abP.x, -abP.y)
        #expect(BN254Pairing.productIsOne([.init(p: aP, q: bQ), .init(p: minusAbP, q: Self.g2)]))
        #expect(!BN254Pairing.productIsOne([.init(p: aP, q: bQ), .init(p: abP, q: Self.g2)]))
        #expect(!BN254Pairing.productIsOne([.init(p: Self.g1.affine!, q: Self.g2)]))
        #expect(BN254Pairing.productIsOne([]))
    }

    static func word(_ value: UInt256) -> [UInt8] { value.bigEndianBytes }

    @Test func decodingErrorsAreGoEthereums() throws {
        let one = Self.word(.one), two = Self.word(UInt256(2))
        let p = Self.word(Fp.modulus), pPlusOne = Self.word(Fp.modulus &+ .one)
        #expect(throws: PrecompileError("bn256: coordinate equals modulus")) { try BN256.add(p + two) }
        #expect(throws: PrecompileError("bn256: coordinate exceeds modulus")) { try BN256.add(one + pPlusOne) }
        #expect(throws: PrecompileError("bn256: malformed point")) { try BN256.add(one + Self.word(UInt256(3))) }
        // The second point is checked after the first.
        #expect(throws: PrecompileError("bn256: malformed point")) { try BN256.add(one + two + one + one) }
        #expect(throws: PrecompileError("bn256: malformed point")) { try BN256.scalarMul(one + one + one) }
        #expect(throws: PrecompileError("bad elliptic curve pairing size")) { try BN256.pairing([UInt8](repeating: 0, count: 191)) }
        // A twist point outside G2 (x = 2 + i) is refused; so is one off the twist.
        let outside = try! Hex.decode(
            "000000000000000000000000000000000000000000000000000000000000000100000000000000000000000000000000000000000000000000000000000000022b76c179599bb92a963dac85546a005a777f7c13f6a7b75d5918b6b5808f5fde101f7278419308b95099eca02dcee0c5381f4d26d1d62313f057167f064101ce")
        #expect(throws: PrecompileError("bn256: malformed point")) { try BN256.pairing(one + two + outside) }
        var offTwist = Self.g2Encoding
        offTwist[127] ^= 1
        #expect(throws: PrecompileError("bn256: malformed point")) { try BN256.pairing(one + two + offTwist) }
        var imaginaryTooLarge = Self.g2Encoding
        imaginaryTooLarge.replaceSubrange(0..<32, with: p)
        #expect(throws: PrecompileError("bn256: coordinate equals modulus")) { try BN256.pairing(one + two + imaginaryTooLarge) }
        // Infinity on either side contributes nothing; a bad point anywhere still fails the call.
        let zeros64 = [UInt8](repeating: 0, count: 64), zeros128 = [UInt8](repeating: 0, count: 128)
        let oneWord = [UInt8](repeating: 0, count: 31) + [1]
        #expect(try BN256.pairing(zeros64 + Self.g2Encoding) == oneWord)
        #expect(try BN256.pairing(one + two + zeros128) == oneWord)
        #expect(throws: PrecompileError("bn256: malformed point")) { try BN256.pairing(zeros64 + outside) }
    }

    /// Short input reads as zero-padded; extra input is ignored.
    @Test func addAndMulPadding() throws {
        let g = Self.word(.one) + Self.word(UInt256(2))
        #expect(try BN256.add(g) == g)
        #expect(try BN256.add(g + g + [1, 2, 3]) == BN254G1.encode(Self.g1.doubled()))
        #expect(try BN256.scalarMul(g + [0x02]) == BN254G1.encode(Self.g1.multiplied(by: UInt256(0x02) << 248)))
        #expect(try BN256.scalarMul(g) == [UInt8](repeating: 0, count: 64))
    }
}
