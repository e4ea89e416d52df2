/// A recoverable ECDSA signature over secp256k1: the scalars `r` and `s` and the recovery id
/// that picks which of the candidate public keys signed.
///
/// Transactions carry the recovery id inside `v` (27 + id, or chain id · 2 + 35 + id); that
/// encoding belongs to the transaction types. This type holds the bare id, 0 or 1.
public struct Signature: Sendable, Hashable {
    /// The x coordinate of the nonce point, modulo n.
    public let r: UInt256
    /// The proof scalar; signatures made by ``PrivateKey/sign(hash:)`` have `s` ≤ n/2.
    public let s: UInt256
    /// 0 or 1: the parity of the nonce point's y coordinate.
    public let recoveryID: UInt8

    /// A signature from its parts, unchecked; recovery checks them (see ``Secp256k1/validate(v:r:s:requireLowS:)``).
    @inlinable
    public init(r: UInt256, s: UInt256, recoveryID: UInt8) {
        self.r = r
        self.s = s
        self.recoveryID = recoveryID
    }

    /// Parses the 65-byte r ‖ s ‖ v form that keystores, `personal_sign` and `eth_sign` use, where
    /// v is the recovery id as 0/1 or 27/28. Checks the length, v, and that r and s lie in 1..<n
    /// (high s is accepted: apply the low-s rule where a protocol demands it).
    public init(compact65 bytes: some Collection<UInt8>) throws(SignatureError) {
        guard bytes.count == 65 else { throw .invalidSignatureLength(bytes.count) }
        let array = Array(bytes)
        let v = array[64]
        let id = v >= 27 ? v &- 27 : v
        guard id <= 1 else { throw .invalidRecoveryID(UInt64(v)) }
        let (r, s) = array.withUnsafeBytes { raw in
            (UInt256(bigEndian32: raw.baseAddress!), UInt256(bigEndian32: raw.baseAddress! + 32))
        }
        try Secp256k1.validate(v: UInt64(id), r: r, s: s, requireLowS: false)
        self.init(r: r, s: s, recoveryID: id)
    }

    /// The 65-byte r ‖ s ‖ v form with v as 0 or 1 (add 27 where a consumer wants 27/28).
    public var compact65: [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 65)
        bytes.withUnsafeMutableBytes { raw in
            r.storeBigEndian32(to: raw.baseAddress!)
            s.storeBigEndian32(to: raw.baseAddress! + 32)
            raw[64] = recoveryID
        }
        return bytes
    }

    /// The public key that made this signature over `hash`.
    @inlinable
    public func recoverPublicKey(hash: Hash) throws(SignatureError) -> PublicKey {
        try Secp256k1.recoverPublicKey(hash: hash, v: UInt64(recoveryID), r: r, s: s)
    }

    /// The address of the key that made this signature over `hash`.
    @inlinable
    public func recoverAddress(hash: Hash) throws(SignatureError) -> Address {
        try Secp256k1.recoverAddress(hash: hash, v: UInt64(recoveryID), r: r, s: s)
    }
}
