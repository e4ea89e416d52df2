import Crypto
import KlayPrimitives

/// The EIP-4844 point evaluation precompile (0x0a from Cancun).
///
/// Input, exactly 192 bytes: versioned hash ‖ z ‖ y ‖ commitment (48) ‖ proof (48). The versioned
/// hash must be 0x01 ‖ sha256(commitment)[1…]; then the KZG proof that the committed polynomial p
/// has p(z) = y is checked against the Ethereum trusted setup (`verify_kzg_proof` of the Deneb
/// polynomial-commitments spec). Output: FIELD_ELEMENTS_PER_BLOB ‖ BLS_MODULUS, 32 bytes each.
enum PointEvaluation {
    static func run(_ input: [UInt8]) throws(PrecompileError) -> [UInt8] {
        guard input.count == 192 else { throw .invalidInputLength }
        var versioned = Array(SHA256.hash(data: input[96..<144]))
        versioned[0] = 0x01
        guard versioned[...] == input[0..<32] else { throw .mismatchedVersionedHash }
        try verify(commitment: input[96..<144], z: input.word(at: 32), y: input.word(at: 64), proof: input[144..<192])
        return UInt256(4096).bigEndianBytes + BLS12.order.bigEndianBytes
    }

    /// Checks e(C − [y]G1, −G2) · e(π, [τ]G2 − [z]G2) = 1.
    static func verify(commitment: ArraySlice<UInt8>, z: UInt256, y: UInt256, proof: ArraySlice<UInt8>) throws(PrecompileError) {
        func failure(_ reason: String) -> PrecompileError { PrecompileError("error verifying kzg proof: \(reason)") }
        let c: BLS12.G1Point, pi: BLS12.G1Point
        do {
            c = try BLS12.decompressG1(commitment)
            pi = try BLS12.decompressG1(proof)
        } catch {
            switch error {
            case .badEncoding: throw failure("invalid compressed point encoding")
            case .notOnCurve: throw failure("point is not on the curve")
            case .notInGroup: throw failure("point is not in the subgroup")
            }
        }
        guard z < BLS12.order, y < BLS12.order else { throw failure("scalar is not canonical") }
        let pMinusY = c + -BLS12.g1Generator.multiplied(by: y)
        let generator = BLS12.G2Point(BLS12.g2Generator)
        let xMinusZ = BLS12.G2Point(BLS12.tauG2) + -generator.multiplied(by: z)
        var pairs: [BLS12Pairing.Pair] = []
        if let p = pMinusY.affine {
            pairs.append(.init(p: p, q: (BLS12.g2Generator.x, -BLS12.g2Generator.y)))
        }
        if let p = pi.affine, let q = xMinusZ.affine {
            pairs.append(.init(p: p, q: q))
        }
        guard BLS12Pairing.productIsOne(pairs) else { throw failure("can't verify opening proof") }
    }
}
