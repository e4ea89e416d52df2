import KlayPrimitives

/// The groups of BLS12-381 that EIP-4844's KZG check uses: G1 on y² = x³ + 4 over Fq and G2 on the
/// M-type twist y² = x³ + 4(1 + i) over Fq2, both of prime order r.
enum BLS12 {
    typealias G1Point = JacobianPoint<Fq>
    typealias G2Point = JacobianPoint<Fq2>

    /// r, the order of G1 and G2 (also EIP-4844's BLS_MODULUS).
    static let order = UInt256(limbs: (0xffff_ffff_0000_0001, 0x53bd_a402_fffe_5bfe, 0x3339_d808_09a1_d805, 0x73ed_a753_299d_7d48))

    static let g1B = Fq.small(4)
    static let g2B = Fq2(Fq.small(4), Fq.small(4))

    static let g1Generator = G1Point((
        Fq(hex: "17f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb"),
        Fq(hex: "08b3f481e3aaa0f1a09e30ed741d8ae4fcf5e095d5d00af600db18cb2c04b3edd03cc744a2888ae40caa232946c5e7e1")))

    static let g2Generator = (
        x: Fq2(Fq(hex: "024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb8"),
               Fq(hex: "13e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e")),
        y: Fq2(Fq(hex: "0ce5d527727d6e118cc9cdc6da2e351aadfd9baa8cbdd3a76d429a695160d12c923ac9cc3baca289e193548608b82801"),
               Fq(hex: "0606c4a02ea734cc32acd2b02bc28b99cb3e287e85a763af267492ab572e99ab3f370d275cec1da1aaa9075ff05f79be")))

    /// [τ]G2 of the Ethereum KZG ceremony: `g2_monomial[1]` of the trusted setup
    /// (compressed b5bfd7dd…20c1def2), the one setup point that verifying a single proof needs.
    static let tauG2 = (
        x: Fq2(Fq(hex: "185cbfee53492714734429b7b38608e23926c911cceceac9a36851477ba4c60b087041de621000edc98edada20c1def2"),
               Fq(hex: "15bfd7dd8cdeb128843bc287230af38926187075cbfbefa81009a2ce615ac53d2914e5870cb452d2afaaab24f3499f72")),
        y: Fq2(Fq(hex: "014353bdb96b626dd7d5ee8599d1fca2131569490e28de18e82451a496a9c9794ce26d105941f383ee689bfbbb832a99"),
               Fq(hex: "1666c54b0a32529503432fcae0181b4bef79de09fc63671fda5ed1ba9bfa07899495346f3d7ac9cd23048ef30d0a154f")))

    /// Why a compressed G1 point was refused.
    enum DecodingError: Error {
        case badEncoding, notOnCurve, notInGroup
    }

    /// Decodes a 48-byte compressed G1 point (the Zcash format of the BLS12-381 specs): flag bits
    /// compressed (0x80, required), infinity (0x40: then every other bit is zero) and sign (0x20:
    /// y is the larger of ±y), then x below q; the point must be on the curve and in G1.
    static func decompressG1(_ bytes: ArraySlice<UInt8>) throws(DecodingError) -> G1Point {
        let flags = bytes[bytes.startIndex]
        guard flags & 0x80 != 0 else { throw .badEncoding }
        if flags & 0x40 != 0 {
            guard flags & 0x3f == 0, bytes.dropFirst().allSatisfy({ $0 == 0 }) else { throw .badEncoding }
            return .infinity
        }
        var xBytes = Array(bytes)
        xBytes[0] &= 0x1f
        guard let x = Fq(bigEndian: xBytes) else { throw .badEncoding }
        guard var y = (x.squared() * x + g1B).squareRoot() else { throw .notOnCurve }
        if y.isLarge != (flags & 0x20 != 0) { y = -y }
        let point = G1Point((x, y))
        guard point.multiplied(by: order).isInfinity else { throw .notInGroup }
        return point
    }
}
