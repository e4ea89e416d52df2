/// Keccak-256 as Ethereum and Klaytn use it (the original Keccak padding `0x01`, not SHA3-256's `0x06`).
///
/// The state lives inline in the value (no heap), the permutation is fully unrolled over 25 locals,
/// and input is absorbed straight from the caller's buffer. Use ``hash(_:)`` for one-shot hashing and
/// ``update(_:)``/``finalize()`` for streaming.
public struct Keccak256: Sendable {
    /// Bytes absorbed per permutation: (1600 - 2 * 256) / 8.
    public static let rate = 136

    @usableFromInline typealias Lanes = (
        UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
        UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
        UInt64, UInt64, UInt64, UInt64, UInt64
    )
    /// A rate-sized block of pending input: 17 lanes.
    @usableFromInline typealias Block = (
        UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
        UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64
    )

    @usableFromInline var state: Lanes = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    @usableFromInline var pending: Block = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    @usableFromInline var pendingCount = 0

    public init() {}

    /// Absorbs `bytes`.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var input = bytes.baseAddress else { return }
        var remaining = bytes.count
        let rate = Keccak256.rate
        if pendingCount > 0 {
            let take = min(rate - pendingCount, remaining)
            withUnsafeMutableBytes(of: &pending) { block in
                (block.baseAddress! + pendingCount).copyMemory(from: input, byteCount: take)
            }
            pendingCount += take
            input += take
            remaining -= take
            guard pendingCount == rate else { return }
            withUnsafeBytes(of: pending) { block in absorb(block.baseAddress!) }
            pendingCount = 0
        }
        while remaining >= rate {
            absorb(input)
            input += rate
            remaining -= rate
        }
        if remaining > 0 {
            withUnsafeMutableBytes(of: &pending) { block in
                block.baseAddress!.copyMemory(from: input, byteCount: remaining)
            }
            pendingCount = remaining
        }
    }

    /// Absorbs the bytes of any contiguous collection (arrays, slices, `Data`).
    @inlinable
    public mutating func update<Bytes: Collection<UInt8>>(_ bytes: Bytes) {
        if let done: Void = bytes.withContiguousStorageIfAvailable({ update(UnsafeRawBufferPointer($0)) }) {
            return done
        }
        let copy = Array(bytes)
        copy.withUnsafeBytes { update($0) }
    }

    /// Pads, squeezes and returns the digest. The hasher must not be used afterwards.
    public mutating func finalize() -> Hash {
        let rate = Keccak256.rate
        withUnsafeMutableBytes(of: &pending) { block in
            let base = block.baseAddress!.assumingMemoryBound(to: UInt8.self)
            (base + pendingCount).initialize(repeating: 0, count: rate - pendingCount)
            base[pendingCount] ^= 0x01
            base[rate - 1] ^= 0x80
        }
        withUnsafeBytes(of: pending) { block in absorb(block.baseAddress!) }
        pendingCount = 0
        return withUnsafeBytes(of: state) { lanes in
            Hash(littleEndianLanes: lanes.load(fromByteOffset: 0, as: UInt64.self),
                 lanes.load(fromByteOffset: 8, as: UInt64.self),
                 lanes.load(fromByteOffset: 16, as: UInt64.self),
                 lanes.load(fromByteOffset: 24, as: UInt64.self))
        }
    }

    /// The Keccak-256 digest of `bytes`.
    @inlinable
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> Hash {
        var hasher = Keccak256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The Keccak-256 digest of the bytes of a collection.
    @inlinable
    public static func hash<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Hash {
        var hasher = Keccak256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// XORs one rate-sized block (little-endian lanes, any alignment) into the state and permutes.
    @usableFromInline
    mutating func absorb(_ block: UnsafeRawPointer) {
        withUnsafeMutablePointer(to: &state) { lanes in
            lanes.withMemoryRebound(to: UInt64.self, capacity: 25) { p in
                for i in 0..<17 {
                    p[i] ^= UInt64(littleEndian: block.loadUnaligned(fromByteOffset: i &* 8, as: UInt64.self))
                }
                Keccak256.permute(p)
            }
        }
    }

    @inline(__always)
    static func rotl(_ x: UInt64, _ n: UInt64) -> UInt64 { (x << n) | (x >> (64 &- n)) }

    /// Keccak-f[1600] round constants.
    static let roundConstants: [UInt64] = [
        0x0000_0000_0000_0001, 0x0000_0000_0000_8082, 0x8000_0000_0000_808A, 0x8000_0000_8000_8000,
        0x0000_0000_0000_808B, 0x0000_0000_8000_0001, 0x8000_0000_8000_8081, 0x8000_0000_0000_8009,
        0x0000_0000_0000_008A, 0x0000_0000_0000_0088, 0x0000_0000_8000_8009, 0x0000_0000_8000_000A,
        0x0000_0000_8000_808B, 0x8000_0000_0000_008B, 0x8000_0000_0000_8089, 0x8000_0000_0000_8003,
        0x8000_0000_0000_8002, 0x8000_0000_0000_0080, 0x0000_0000_0000_800A, 0x8000_0000_8000_000A,
        0x8000_0000_8000_8081, 0x8000_0000_0000_8080, 0x0000_0000_8000_0001, 0x8000_0000_8000_8008,
    ]

    /// Keccak-f[1600] over 25 lanes indexed x + 5y: theta, rho and pi, chi, iota, 24 rounds.
    static func permute(_ p: UnsafeMutablePointer<UInt64>) {
        var a0 = p[0]
        var a1 = p[1]
        var a2 = p[2]
        var a3 = p[3]
        var a4 = p[4]
        var a5 = p[5]
        var a6 = p[6]
        var a7 = p[7]
        var a8 = p[8]
        var a9 = p[9]
        var a10 = p[10]
        var a11 = p[11]
        var a12 = p[12]
        var a13 = p[13]
        var a14 = p[14]
        var a15 = p[15]
        var a16 = p[16]
        var a17 = p[17]
        var a18 = p[18]
        var a19 = p[19]
        var a20 = p[20]
        var a21 = p[21]
        var a22 = p[22]
        var a23 = p[23]
        var a24 = p[24]
        roundConstants.withUnsafeBufferPointer { constants in
            for round in 0..<24 {
            let c0 = a0 ^ a5 ^ a10 ^ a15 ^ a20
            let c1 = a1 ^ a6 ^ a11 ^ a16 ^ a21
            let c2 = a2 ^ a7 ^ a12 ^ a17 ^ a22
            let c3 = a3 ^ a8 ^ a13 ^ a18 ^ a23
            let c4 = a4 ^ a9 ^ a14 ^ a19 ^ a24
            let d0 = c4 ^ rotl(c1, 1)
            let d1 = c0 ^ rotl(c2, 1)
            let d2 = c1 ^ rotl(c3, 1)
            let d3 = c2 ^ rotl(c4, 1)
            let d4 = c3 ^ rotl(c0, 1)
            let b0 = (a0 ^ d0)
            let b1 = rotl(a6 ^ d1, 44)
            let b2 = rotl(a12 ^ d2, 43)
            let b3 = rotl(a18 ^ d3, 21)
            let b4 = rotl(a24 ^ d4, 14)
            let b5 = rotl(a3 ^ d3, 28)
            let b6 = rotl(a9 ^ d4, 20)
            let b7 = rotl(a10 ^ d0, 3)
            let b8 = rotl(a16 ^ d1, 45)
            let b9 = rotl(a22 ^ d2, 61)
            let b10 = rotl(a1 ^ d1, 1)
            let b11 = rotl(a7 ^ d2, 6)
            let b12 = rotl(a13 ^ d3, 25)
            let b13 = rotl(a19 ^ d4, 8)
            let b14 = rotl(a20 ^ d0, 18)
            let b15 = rotl(a4 ^ d4, 27)
            let b16 = rotl(a5 ^ d0, 36)
            let b17 = rotl(a11 ^ d1, 10)
            let b18 = rotl(a17 ^ d2, 15)
            let b19 = rotl(a23 ^ d3, 56)
            let b20 = rotl(a2 ^ d2, 62)
            let b21 = rotl(a8 ^ d3, 55)
            let b22 = rotl(a14 ^ d4, 39)
            let b23 = rotl(a15 ^ d0, 41)
            let b24 = rotl(a21 ^ d1, 2)
            a0 = b0 ^ (~b1 & b2)
            a1 = b1 ^ (~b2 & b3)
            a2 = b2 ^ (~b3 & b4)
            a3 = b3 ^ (~b4 & b0)
            a4 = b4 ^ (~b0 & b1)
            a5 = b5 ^ (~b6 & b7)
            a6 = b6 ^ (~b7 & b8)
            a7 = b7 ^ (~b8 & b9)
            a8 = b8 ^ (~b9 & b5)
            a9 = b9 ^ (~b5 & b6)
            a10 = b10 ^ (~b11 & b12)
            a11 = b11 ^ (~b12 & b13)
            a12 = b12 ^ (~b13 & b14)
            a13 = b13 ^ (~b14 & b10)
            a14 = b14 ^ (~b10 & b11)
            a15 = b15 ^ (~b16 & b17)
            a16 = b16 ^ (~b17 & b18)
            a17 = b17 ^ (~b18 & b19)
            a18 = b18 ^ (~b19 & b15)
            a19 = b19 ^ (~b15 & b16)
            a20 = b20 ^ (~b21 & b22)
            a21 = b21 ^ (~b22 & b23)
            a22 = b22 ^ (~b23 & b24)
            a23 = b23 ^ (~b24 & b20)
            a24 = b24 ^ (~b20 & b21)
            a0 ^= constants[round]

            }
        }
        p[0] = a0
        p[1] = a1
        p[2] = a2
        p[3] = a3
        p[4] = a4
        p[5] = a5
        p[6] = a6
        p[7] = a7
        p[8] = a8
        p[9] = a9
        p[10] = a10
        p[11] = a11
        p[12] = a12
        p[13] = a13
        p[14] = a14
        p[15] = a15
        p[16] = a16
        p[17] = a17
        p[18] = a18
        p[19] = a19
        p[20] = a20
        p[21] = a21
        p[22] = a22
        p[23] = a23
        p[24] = a24
    }
}
