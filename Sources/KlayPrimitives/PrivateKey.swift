import CSecp256k1

/// A secp256k1 secret key with its public key and address, all stored inline.
///
/// The public key and address are derived once, when the key is created, so ``address`` and
/// ``publicKey`` cost nothing. Signing is deterministic (RFC 6979) and always gives low `s`.
/// Descriptions and mirrors show only the address, never the secret.
public struct PrivateKey: Sendable {
    /// The secret scalar k, 32 bytes big-endian, with 0 < k < n.
    public let secret: Hash
    /// k·G, the key that verifies this key's signatures.
    public let publicKey: PublicKey
    /// The account address of ``publicKey``.
    public let address: Address

    /// A key from a secret already held as 32 bytes; throws `invalidPrivateKey` unless 0 < k < n.
    init(secret: Hash) throws(SignatureError) {
        let context = Secp256k1.context
        var key = secp256k1_pubkey()
        let created: Bool = secret.withUnsafeBytes { raw in
            let pointer = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            return secp256k1_ec_seckey_verify(context, pointer) == 1
                && secp256k1_ec_pubkey_create(context, &key, pointer) == 1
        }
        guard created else { throw .invalidPrivateKey }
        self.secret = secret
        publicKey = PublicKey(key)
        address = publicKey.address
    }

    /// A key from exactly 32 big-endian bytes; throws `invalidPrivateKey` for any other length,
    /// for zero, and for values not below the curve order n.
    public init(bytes: some Collection<UInt8>) throws(SignatureError) {
        guard bytes.count == Hash.byteCount, let secret = try? Hash(bytes: bytes) else { throw .invalidPrivateKey }
        try self.init(secret: secret)
    }

    /// A key from 64 hex digits, with or without `0x`; throws `invalidPrivateKey` for bad hex too.
    public init(hex: some StringProtocol) throws(SignatureError) {
        guard let bytes = try? Hex.decode(hex) else { throw .invalidPrivateKey }
        try self.init(bytes: bytes)
    }

    /// A new key from the system's cryptographically secure generator (retrying the negligible
    /// chance of a value outside 1..<n).
    public static func random() -> PrivateKey {
        var rng = SystemRandomNumberGenerator()
        while true {
            var secret = Hash.zero
            secret.withUnsafeMutableBytes { raw in
                for offset in stride(from: 0, to: Hash.byteCount, by: 8) {
                    raw.storeBytes(of: rng.next() as UInt64, toByteOffset: offset, as: UInt64.self)
                }
            }
            if let key = try? PrivateKey(secret: secret) { return key }
        }
    }

    /// Signs a 32-byte message hash: deterministic (RFC 6979 nonces, libsecp256k1's default) and
    /// low-s, so the result passes EIP-2's rule and the same key and hash always give the same signature.
    public func sign(hash: Hash) -> Signature {
        let context = Secp256k1.context
        var signature = secp256k1_ecdsa_recoverable_signature()
        let signed: Int32 = hash.withUnsafeBytes { hashRaw in
            secret.withUnsafeBytes { secretRaw in
                secp256k1_ecdsa_sign_recoverable(
                    context, &signature,
                    hashRaw.baseAddress!.assumingMemoryBound(to: UInt8.self),
                    secretRaw.baseAddress!.assumingMemoryBound(to: UInt8.self),
                    nil, nil)
            }
        }
        // The secret was validated at init, and the RFC 6979 nonce function does not fail.
        precondition(signed == 1, "secp256k1_ecdsa_sign_recoverable failed for a valid key")
        var compact: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        var recoveryID: Int32 = 0
        return withUnsafeMutableBytes(of: &compact) { raw in
            _ = secp256k1_ecdsa_recoverable_signature_serialize_compact(
                context, raw.baseAddress!.assumingMemoryBound(to: UInt8.self), &recoveryID, &signature)
            return Signature(
                r: UInt256(bigEndian32: raw.baseAddress!),
                s: UInt256(bigEndian32: raw.baseAddress! + 32),
                recoveryID: UInt8(truncatingIfNeeded: recoveryID))
        }
    }
}

extension PrivateKey: Equatable {
    /// Keys are equal when their secrets are (the rest derives from the secret).
    public static func == (lhs: PrivateKey, rhs: PrivateKey) -> Bool { lhs.secret == rhs.secret }
}

extension PrivateKey: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Names the key by its address so that logs and `print` never reveal the secret.
    public var description: String { "PrivateKey(address: \(address.checksummed))" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["address": address]) }
}
