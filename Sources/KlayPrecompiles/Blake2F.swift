/// The BLAKE2b compression function F of EIP-152 (precompile 0x09 from Istanbul).
///
/// Input, exactly 213 bytes: rounds (4, big-endian) ‖ h (8 × 8, little-endian) ‖ m (16 × 8) ‖
/// t (2 × 8) ‖ f (1: 0 or 1). Output: the new h, 64 bytes little-endian.
enum Blake2F {
    static let inputLength = 213

    /// The rounds requested by a well-formed input, which is also its gas; 0 for any other length.
    static func rounds(_ input: [UInt8]) -> UInt64 {
        guard input.count == inputLength else { return 0 }
        return UInt64(input[0]) << 24 | UInt64(input[1]) << 16 | UInt64(input[2]) << 8 | UInt64(input[3])
    }

    static func run(_ input: [UInt8]) throws(PrecompileError) -> [UInt8] {
        guard input.count == inputLength else { throw .invalidInputLength }
        guard input[212] <= 1 else { throw .invalidFinalFlag }
        var output = [UInt8](repeating: 0, count: 64)
        input.withUnsafeBytes { raw in
            func word(_ offset: Int) -> UInt64 { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
            var h = (word(4), word(12), word(20), word(28), word(36), word(44), word(52), word(60))
            let m = (0..<16).map { word(68 + 8 * $0) }
            compress(&h, m, t0: word(196), t1: word(204), final: input[212] == 1, rounds: rounds(input))
            output.withUnsafeMutableBytes { out in
                for (index, value) in [h.0, h.1, h.2, h.3, h.4, h.5, h.6, h.7].enumerated() {
                    out.storeBytes(of: value.littleEndian, toByteOffset: 8 * index, as: UInt64.self)
                }
            }
        }
        return output
    }

    private static let iv: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (
        0x6a09_e667_f3bc_c908, 0xbb67_ae85_84ca_a73b, 0x3c6e_f372_fe94_f82b, 0xa54f_f53a_5f1d_36f1,
        0x510e_527f_ade6_82d1, 0x9b05_688c_2b3e_6c1f, 0x1f83_d9ab_fb41_bd6b, 0x5be0_cd19_137e_2179)

    /// The message schedule: round r uses permutation r mod 10.
    private static let sigma: [Int] = [
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
        14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3,
        11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4,
        7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8,
        9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13,
        2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9,
        12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11,
        13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10,
        6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5,
        10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0,
    ]

    @inline(__always)
    private static func mixing(_ a: inout UInt64, _ b: inout UInt64, _ c: inout UInt64, _ d: inout UInt64, _ x: UInt64, _ y: UInt64) {
        a = a &+ b &+ x
        d = (d ^ a).rotatedRight(32)
        c = c &+ d
        b = (b ^ c).rotatedRight(24)
        a = a &+ b &+ y
        d = (d ^ a).rotatedRight(16)
        c = c &+ d
        b = (b ^ c).rotatedRight(63)
    }

    private static func compress(
        _ h: inout (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64),
        _ m: [UInt64], t0: UInt64, t1: UInt64, final: Bool, rounds: UInt64
    ) {
        var (v0, v1, v2, v3, v4, v5, v6, v7) = h
        var (v8, v9, v10, v11, v12, v13, v14, v15) = iv
        v12 ^= t0
        v13 ^= t1
        if final { v14 = ~v14 }
        m.withUnsafeBufferPointer { m in
            sigma.withUnsafeBufferPointer { sigma in
                var row = 0
                for _ in 0..<rounds {
                    let s = sigma.baseAddress! + row * 16
                    mixing(&v0, &v4, &v8, &v12, m[s[0]], m[s[1]])
                    mixing(&v1, &v5, &v9, &v13, m[s[2]], m[s[3]])
                    mixing(&v2, &v6, &v10, &v14, m[s[4]], m[s[5]])
                    mixing(&v3, &v7, &v11, &v15, m[s[6]], m[s[7]])
                    mixing(&v0, &v5, &v10, &v15, m[s[8]], m[s[9]])
                    mixing(&v1, &v6, &v11, &v12, m[s[10]], m[s[11]])
                    mixing(&v2, &v7, &v8, &v13, m[s[12]], m[s[13]])
                    mixing(&v3, &v4, &v9, &v14, m[s[14]], m[s[15]])
                    row = row == 9 ? 0 : row + 1
                }
            }
        }
        h.0 ^= v0 ^ v8
        h.1 ^= v1 ^ v9
        h.2 ^= v2 ^ v10
        h.3 ^= v3 ^ v11
        h.4 ^= v4 ^ v12
        h.5 ^= v5 ^ v13
        h.6 ^= v6 ^ v14
        h.7 ^= v7 ^ v15
    }
}

extension UInt64 {
    @inline(__always)
    fileprivate func rotatedRight(_ count: UInt64) -> UInt64 { self >> count | self << (64 - count) }
}
