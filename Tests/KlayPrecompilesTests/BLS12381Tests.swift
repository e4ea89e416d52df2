import Crypto
import KlayPrimitives
import Testing

@testable import KlayPrecompiles

/// BLS12-381 as the KZG point evaluation precompile uses it: the field, compressed G1 points, the
/// trusted-setup point, the pairing, and whole proofs made with c-kzg-4844.
@Suite struct BLS12381Tests {
    /// The 48 big-endian bytes of an element.
    static func bytes(_ x: Fq) -> [UInt8] {
        let limbs = x.plainLimbs
        return [limbs.5, limbs.4, limbs.3, limbs.2, limbs.1, limbs.0].flatMap { word in
            (0..<8).reversed().map { UInt8(truncatingIfNeeded: word >> UInt64(8 * $0)) }
        }
    }

    static func compress(_ point: BLS12.G1Point) -> [UInt8] {
        guard let (x, y) = point.affine else { return [0xc0] + [UInt8](repeating: 0, count: 47) }
        var encoded = bytes(x)
        encoded[0] |= 0x80 | (y.isLarge ? 0x20 : 0)
        return encoded
    }

    @Test func fieldArithmetic() throws {
        let a = Fq(hex: "17f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb")
        let b = Fq.small(123_456_789)
        #expect(a * a.inverse() == .one)
        #expect((a + b) - b == a)
        #expect(a.halved().doubled() == a)
        #expect((a * b) * b.inverse() == a)
        #expect(Fq.small(9).squareRoot().map { $0 == Fq.small(3) || $0 == -Fq.small(3) } == true)
        #expect(Fq.small(1).squared() * Fq.small(1) + BLS12.g1B != .zero)
        #expect(Self.bytes(a) == (try Hex.decode("17f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb")))
        // q itself does not decode.
        #expect(Fq(bigEndian: try! Hex.decode("1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab")) == nil)
    }

    @Test func towerOverFq() {
        let a = Fq2(Fq.small(5), Fq.small(7)), b = Fq2(Fq.small(11), Fq.small(13))
        let a6 = Fq6(a, b, a + b), b6 = Fq6(b, a, a * b)
        let a12 = Fq12(a6, b6), b12 = Fq12(b6, a6 * a6)
        #expect(a12 * a12.inverse() == .one)
        #expect(a12.squared() == a12 * a12)
        #expect((a12 * b12).frobenius() == a12.frobenius() * b12.frobenius())
        #expect(a12.frobenius().frobenius().frobenius() == a12.frobeniusCubed())
        #expect(a12.frobeniusCubed().frobeniusCubed() == a12.conjugate())
        let easy = a12.conjugate() * a12.inverse()
        let m = easy.frobeniusSquared() * easy
        #expect(m.cyclotomicSquared() == m.squared())
    }

    @Test func generatorsAndSetupPoint() throws {
        let g1 = try Hex.decode("97f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb")
        #expect(try BLS12.decompressG1(g1[...]).affine! == BLS12.g1Generator.affine!)
        #expect(Self.compress(BLS12.g1Generator.multiplied(by: 5))
            == (try Hex.decode("b0e7791fb972fe014159aa33a98622da3cdc98ff707965e536d8636b5fcc5ac7a91a8c46e59a00dca575af0f18fb13dc")))
        for point in [BLS12.g2Generator, BLS12.tauG2] {
            #expect(point.y.squared() == point.x.squared() * point.x + BLS12.g2B)
            #expect(BLS12.G2Point(point).multiplied(by: BLS12.order).isInfinity)
        }
        // [τ]G2 compresses to the setup's g2_monomial[1]: x as (c1, c0), flags on the first byte.
        let tau = BLS12.tauG2
        let large = tau.y.c1.isZero ? tau.y.c0.isLarge : tau.y.c1.isLarge
        var compressed = Self.bytes(tau.x.c1) + Self.bytes(tau.x.c0)
        compressed[0] |= 0x80 | (large ? 0x20 : 0)
        #expect(compressed == (try Hex.decode(
            "b5bfd7dd8cdeb128843bc287230af38926187075cbfbefa81009a2ce615ac53d2914e5870cb452d2afaaab24f3499f72185cbfee53492714734429b7b38608e23926c911cceceac9a36851477ba4c60b087041de621000edc98edada20c1def2")))
    }

    @Test func compressedPointErrors() throws {
        func decode(_ hex: String) throws(BLS12.DecodingError) -> BLS12.G1Point { try BLS12.decompressG1(try! Hex.decode(hex)[...]) }
        let zeros = String(repeating: "00", count: 47)
        #expect(try decode("c0" + zeros).isInfinity)
        #expect(throws: BLS12.DecodingError.badEncoding) { try decode("e0" + zeros) }
        #expect(throws: BLS12.DecodingError.badEncoding) { try decode("c0" + String(zeros.dropLast()) + "1") }
        // Without the compression flag.
        #expect(throws: BLS12.DecodingError.badEncoding) { try decode("17f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb") }
        // x = q.
        #expect(throws: BLS12.DecodingError.badEncoding) { try decode("9a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab") }
        // x = 1: 1 + 4 has no square root. x = 4: on the curve, outside G1.
        #expect(throws: BLS12.DecodingError.notOnCurve) { try decode("80" + String(zeros.dropLast()) + "1") }
        #expect(throws: BLS12.DecodingError.notInGroup) { try decode("80" + String(zeros.dropLast()) + "4") }
    }

    /// e(aP, bQ)·e(−abP, Q) = 1, and the pairing is not trivial.
    @Test func pairingIsBilinear() {
        let a: UInt256 = 0x1234_5678_9abc_def0, b: UInt256 = 0xfeed_beef
        let aP = BLS12.g1Generator.multiplied(by: a).affine!
        let bQ = BLS12.G2Point(BLS12.g2Generator).multiplied(by: b).affine!
        let abP = BLS12.g1Generator.multiplied(by: a &* b).affine!
        let q = BLS12.g2Generator
        #expect(BLS12Pairing.productIsOne([.init(p: aP, q: bQ), .init(p: (abP.x, -abP.y), q: q)]))
        #expect(!BLS12Pairing.productIsOne([.init(p: aP, q: bQ), .init(p: abP, q: q)]))
        #expect(!BLS12Pairing.productIsOne([.init(p: BLS12.g1Generator.affine!, q: q)]))
    }

    /// Proofs of random blobs, made with c-kzg-4844 2.1.8 (`compute_kzg_proof`), as precompile inputs.
    static let ckzgInputs = [
        "0124af2b2b4ce3c3590ecc9ad43a94ea4c4858617688829f2412fddca72debf2012a8ee126b7bb9da686dbd9c5ec6030a177699ec409ed56040a07fa3c2d2cc7381d16d6897ababe59ca732c3fbabaeb8d7c0740c1d42a5de661ec1a70753db3950eb3a828da1daedd4f0b2205f1cb62db7c811369707a57397b2e0c8409c7df8115b8a6562519055111ffe81c215d3fa2c575dc4966f4c4777e633da678ea8b4f6952d15797f7149384ef786e7f29f745bb98c1a82cf8e819444b250c5c019d",
        "01b3ea619eeb235b8e95e3b2155d541a1cd085ea7aa376ff58872d8bfd5446df1f10886dfbaf80fb0ae156e5d8ab2dcb1daa6d48baf51023bfdf75176417430106a279dad92bc98bc8c35ed49cb5c67acfd12f4dae264ea3d649ec75b7d82b078aa051da0ff45a2bcb867d598d51be327901abe6281480dc205486470208a8a3d31bd81a17b6d50b6e1b642775cb8900b7628f9e31abf1bf26192d30adaae47690823889b3b675ffdcc640611a240363aa6da3fae6082f5fe39a8cb44de94883",
    ]

    static let success = UInt256(4096).bigEndianBytes + BLS12.order.bigEndianBytes

    @Test(arguments: ckzgInputs)
    func kzgProofs(_ hex: String) throws {
        let input = try Hex.decode(hex)
        #expect(try PointEvaluation.run(input) == Self.success)
        // Another claimed value, another point or another proof: the pairing check fails.
        let cannotVerify = PrecompileError("error verifying kzg proof: can't verify opening proof")
        var wrongY = input
        wrongY[95] ^= 1
        #expect(throws: cannotVerify) { try PointEvaluation.run(wrongY) }
        var wrongZ = input
        wrongZ[63] ^= 1
        #expect(throws: cannotVerify) { try PointEvaluation.run(wrongZ) }
        let otherProof = try Hex.decode(Self.ckzgInputs.first { $0 != hex }!)
        #expect(throws: cannotVerify) { try PointEvaluation.run(Array(input[0..<144] + otherProof[144..<192])) }
        // z ≥ r is refused before any pairing.
        var bigZ = input
        bigZ.replaceSubrange(32..<64, with: BLS12.order.bigEndianBytes)
        #expect(throws: PrecompileError("error verifying kzg proof: scalar is not canonical")) { try PointEvaluation.run(bigZ) }
    }

    /// A constant polynomial c: commitment [c]G1, proof at infinity, value c at every point.
    @Test func constantPolynomial() throws {
        let commitment = Self.compress(BLS12.g1Generator.multiplied(by: 7))
        var versioned = Array(Crypto.SHA256.hash(data: commitment))
        versioned[0] = 1
        let infinity = [0xc0] + [UInt8](repeating: 0, count: 47)
        let input = versioned + UInt256(12_345).bigEndianBytes + UInt256(7).bigEndianBytes + commitment + infinity
        #expect(try PointEvaluation.run(input) == Self.success)
        var wrongValue = input
        wrongValue[95] = 8
        #expect(throws: PrecompileError("error verifying kzg proof: can't verify opening proof")) { try PointEvaluation.run(wrongValue) }
    }

    @Test func inputChecks() throws {
        let input = try Hex.decode(Self.ckzgInputs[0])
        #expect(throws: PrecompileError("invalid input length")) { try PointEvaluation.run(Array(input.dropLast())) }
        var wrongHash = input
        wrongHash[0] = 0x02
        #expect(throws: PrecompileError("mismatched versioned hash")) { try PointEvaluation.run(wrongHash) }
        // A proof outside G1 (x = 4).
        var badProof = input
        badProof.replaceSubrange(144..<192, with: [0x80] + [UInt8](repeating: 0, count: 46) + [4])
        #expect(throws: PrecompileError("error verifying kzg proof: point is not in the subgroup")) { try PointEvaluation.run(badProof) }
    }
}
