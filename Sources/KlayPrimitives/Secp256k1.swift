import CSecp256k1

/// The secp256k1 curve as Klaytn and Ethereum use it: signature-value rules and public-key recovery
/// (ecrecover), all computed by libsecp256k1.
///
/// One context is shared by the whole process. It is created and randomized once, on first use;
/// after that libsecp256k1 only reads it, which is safe from any number of threads at once.
public enum Secp256k1 {
    /// The process-wide libsecp256k1 context, randomized against side channels when created.
    nonisolated(unsafe) static let context: OpaquePointer = {
        guard let context = secp256k1_context_create(UInt32(SECP256K1_CONTEXT_NONE)) else {
            fatalError("secp256k1_context_create failed")
        }
        var rng = SystemRandomNumberGenerator()
        var seed = (rng.next() as UInt64, rng.next() as UInt64, rng.next() as UInt64, rng.next() as UInt64)
        let randomized = withUnsafeBytes(of: &seed) { raw in
            secp256k1_context_randomize(context, raw.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
        precondition(randomized == 1, "secp256k1_context_randomize failed")
        return context
    }()

    /// The order n of the curve's group: signature scalars and secret keys lie in 1..<n.
    public static let order = UInt256(limbs: (
        0xBFD2_5E8C_D036_4141, 0xBAAE_DCE6_AF48_A03B, 0xFFFF_FFFF_FFFF_FFFE, 0xFFFF_FFFF_FFFF_FFFF
    ))

    /// n/2 (rounded down): the largest `s` that EIP-2's low-s rule accepts.
    public static let halfOrder = order >> 1

    /// Checks the signature values without touching the curve.
    ///
    /// `v` is the recovery id (0 or 1, any 27 or chain-id offset already removed); `r` and `s` must lie
    /// in 1..<n. The low-s rule (`s` ≤ n/2) is separate because only some callers apply it: EIP-2 and
    /// Klaytn demand it of transaction signatures, while the ecrecover precompile does not.
    @inlinable
    public static func validate(v: UInt64, r: UInt256, s: UInt256, requireLowS: Bool) throws(SignatureError) {
        guard v <= 1 else { throw .invalidRecoveryID(v) }
        guard r != .zero, r < order else { throw .rOutOfRange }
        guard s != .zero, s < order else { throw .sOutOfRange }
        if requireLowS && s > halfOrder { throw .highS }
    }

    /// The public key that signed `hash` with the signature (`v`, `r`, `s`), where `v` is the recovery
    /// id 0 or 1. High `s` is accepted (validate with `requireLowS` where EIP-2 applies).
    ///
    /// Allocation-free: the compact signature is built on the stack and handed to libsecp256k1.
    public static func recoverPublicKey(hash: Hash, v: UInt64, r: UInt256, s: UInt256) throws(SignatureError) -> PublicKey {
        try validate(v: v, r: r, s: s, requireLowS: false)
        var compact: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &compact) { raw in
            r.storeBigEndian32(to: raw.baseAddress!)
            s.storeBigEndian32(to: raw.baseAddress! + 32)
        }
        let context = Secp256k1.context
        var signature = secp256k1_ecdsa_recoverable_signature()
        var publicKey = secp256k1_pubkey()
        let recovered: Int32 = withUnsafeBytes(of: &compact) { compactRaw in
            hash.withUnsafeBytes { hashRaw in
                guard secp256k1_ecdsa_recoverable_signature_parse_compact(
                    context, &signature, compactRaw.baseAddress!.assumingMemoryBound(to: UInt8.self), Int32(v)
                ) == 1 else { return 0 }
                return secp256k1_ecdsa_recover(
                    context, &publicKey, &signature, hashRaw.baseAddress!.assumingMemoryBound(to: UInt8.self))
            }
        }
        guard recovered == 1 else { throw .recoveryFailed }
        return PublicKey(publicKey)
    }

    /// The address that signed `hash` with (`v`, `r`, `s`): ecrecover as the precompile and transaction
    /// sender recovery compute it (the last 20 bytes of keccak256 of the 64-byte key X‖Y).
    @inlinable
    public static func recoverAddress(hash: Hash, v: UInt64, r: UInt256, s: UInt256) throws(SignatureError) -> Address {
        try recoverPublicKey(hash: hash, v: v, r: r, s: s).address
    }
}
