/// The alt_bn128 precompiles of EIP-196 and EIP-197 (addresses 0x06, 0x07, 0x08).
enum BN256 {
    /// Point addition: two 64-byte G1 points in, their sum out.
    static func add(_ input: [UInt8]) throws(PrecompileError) -> [UInt8] {
        let a = try BN254G1.Point(BN254G1.decode(input, at: 0))
        let b = try BN254G1.Point(BN254G1.decode(input, at: 64))
        return BN254G1.encode(a + b)
    }

    /// Scalar multiplication: a 64-byte G1 point and a 32-byte scalar in, the product out.
    static func scalarMul(_ input: [UInt8]) throws(PrecompileError) -> [UInt8] {
        let point = try BN254G1.Point(BN254G1.decode(input, at: 0))
        return BN254G1.encode(point.multiplied(by: input.word(at: 64)))
    }

    /// Pairing check: k pairs of a G1 point (64 bytes) and a G2 point (128 bytes); the output is the
    /// 32-byte word 1 when the product of the pairings is one, else 0. Every point is decoded and
    /// validated before anything is computed; pairs with a point at infinity contribute nothing.
    static func pairing(_ input: [UInt8]) throws(PrecompileError) -> [UInt8] {
        guard input.count % 192 == 0 else { throw .badPairingSize }
        var pairs: [BN254Pairing.Pair] = []
        pairs.reserveCapacity(input.count / 192)
        for offset in stride(from: 0, to: input.count, by: 192) {
            let p = try BN254G1.decode(input, at: offset)
            let q = try BN254G2.decode(input, at: offset + 64)
            if let p, let q {
                pairs.append(BN254Pairing.Pair(p: p, q: q))
            }
        }
        var output = [UInt8](repeating: 0, count: 32)
        if BN254Pairing.productIsOne(pairs) { output[31] = 1 }
        return output
    }
}
