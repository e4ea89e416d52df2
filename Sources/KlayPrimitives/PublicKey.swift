import CSecp256k1

/// A secp256k1 public key: a point on the curve, stored inline as its 64-byte X‖Y (no heap).
///
/// Every value is a valid point: keys come from libsecp256k1 (key creation, recovery or parsing).
public struct PublicKey: Sendable, Hashable {
    /// X‖Y, 32 bytes each big-endian, as eight words in memory order (not numeric limbs).
    @usableFromInline var storage: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

    /// A 65-byte SEC1 encoding placed at byte 7 of a 72-byte buffer puts X‖Y on words 1…8.
    typealias SerializationBuffer = (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

    /// The key libsecp256k1 holds in `key`, serialized to X‖Y without touching the heap.
    init(_ key: secp256k1_pubkey) {
        var key = key
        var buffer: SerializationBuffer = (0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &buffer) { raw in
            var length = 65
            _ = secp256k1_ec_pubkey_serialize(
                Secp256k1.context, raw.baseAddress!.assumingMemoryBound(to: UInt8.self) + 7, &length, &key,
                UInt32(SECP256K1_EC_UNCOMPRESSED))
        }
        storage = (buffer.1, buffer.2, buffer.3, buffer.4, buffer.5, buffer.6, buffer.7, buffer.8)
    }

    /// Parses a key in any of its usual encodings: 65 bytes uncompressed (`0x04` ‖ X ‖ Y), 64 bytes
    /// raw (X ‖ Y, as node IDs and some keystores carry it) or 33 bytes compressed (`0x02`/`0x03` ‖ X).
    /// Throws `invalidPublicKey` for any other length or prefix, or a point not on the curve.
    public init(bytes: some Collection<UInt8>) throws(SignatureError) {
        let count = bytes.count
        guard count == 64 || count == 65 || count == 33 else { throw .invalidPublicKey }
        var buffer: SerializationBuffer = (0, 0, 0, 0, 0, 0, 0, 0, 0)
        var key = secp256k1_pubkey()
        let parsed: Bool = withUnsafeMutableBytes(of: &buffer) { raw in
            let encoding = UnsafeMutableRawBufferPointer(rebasing: raw[7...])
            let length: Int
            if count == 64 {
                encoding[0] = 0x04
                UnsafeMutableRawBufferPointer(rebasing: encoding[1..<65]).copyBytes(from: bytes)
                length = 65
            } else {
                UnsafeMutableRawBufferPointer(rebasing: encoding[0..<count]).copyBytes(from: bytes)
                // libsecp256k1 also takes the 0x06/0x07 "hybrid" form; Ethereum and Klaytn do not.
                if count == 65 && encoding[0] != 0x04 { return false }
                length = count
            }
            return secp256k1_ec_pubkey_parse(
                Secp256k1.context, &key, encoding.baseAddress!.assumingMemoryBound(to: UInt8.self), length) == 1
        }
        guard parsed else { throw .invalidPublicKey }
        self.init(key)
    }

    /// The 65-byte uncompressed SEC1 encoding, `0x04` ‖ X ‖ Y.
    public var uncompressed: [UInt8] {
        withUnsafeBytes(of: storage) { [0x04] + $0 }
    }

    /// The 33-byte compressed SEC1 encoding: `0x02` (Y even) or `0x03` (Y odd), then X.
    public var compressed: [UInt8] {
        withUnsafeBytes(of: storage) { raw in [0x02 | (raw[63] & 1)] + raw[0..<32] }
    }

    /// The account address of this key: the last 20 bytes of keccak256(X ‖ Y).
    @inlinable
    public var address: Address {
        Address(lastBytesOf: withUnsafeBytes(of: storage) { Keccak256.hash($0) })
    }

    @inlinable
    public static func == (lhs: PublicKey, rhs: PublicKey) -> Bool {
        let l = lhs.storage
        let r = rhs.storage
        return ((l.0 ^ r.0) | (l.1 ^ r.1) | (l.2 ^ r.2) | (l.3 ^ r.3)
            | (l.4 ^ r.4) | (l.5 ^ r.5) | (l.6 ^ r.6) | (l.7 ^ r.7)) == 0
    }

    @inlinable
    public func hash(into hasher: inout Hasher) {
        withUnsafeBytes(of: storage) { hasher.combine(bytes: $0) }
    }
}

extension PublicKey: CustomStringConvertible {
    /// The uncompressed encoding in `0x` hex.
    public var description: String { Hex.encode(uncompressed) }
}
