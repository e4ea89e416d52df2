import KlayPrimitives
import KlayTypes

/// Signing and recovering messages (`klay_sign`, `personal_sign`, `personal_ecRecover`,
/// `klay_recoverFromMessage`): 65-byte `r ‖ s ‖ v` signatures with V 27/28 over Klaytn's (or, for
/// recovery, also Ethereum's) prefixed message hash.
enum MessageSigning {
    /// `keccak256("\x19Klaytn Signed Message:\n" + len(data) + data)`.
    static func klaytnHash(_ data: [UInt8]) -> Hash { prefixedHash("\u{19}Klaytn Signed Message:\n", data) }

    /// `keccak256("\x19Ethereum Signed Message:\n" + len(data) + data)`.
    static func ethereumHash(_ data: [UInt8]) -> Hash { prefixedHash("\u{19}Ethereum Signed Message:\n", data) }

    private static func prefixedHash(_ prefix: String, _ data: [UInt8]) -> Hash {
        Keccak256.hash(Array((prefix + String(data.count)).utf8) + data)
    }

    /// `data` signed with `key` under Klaytn's prefix, V as 27/28.
    static func sign(_ data: [UInt8], with key: PrivateKey) -> [UInt8] {
        var signature = key.sign(hash: klaytnHash(data)).compact65
        signature[64] += 27
        return signature
    }

    /// Klaytn's checks on a message signature: 65 bytes with V 27/28 (then read as 0/1).
    static func checked(_ signature: [UInt8]) throws(RPCError) -> [UInt8] {
        guard signature.count == 65 else { throw .server("signature must be 65 bytes long") }
        guard signature[64] == 27 || signature[64] == 28 else { throw .server("invalid Klaytn signature (V is not 27 or 28)") }
        var normalized = signature
        normalized[64] -= 27
        return normalized
    }

    /// The key that made `signature` (V 0/1) over `hash`; go-ethereum's `recovery failed` otherwise.
    static func recover(_ signature: [UInt8], hash: Hash) throws(RPCError) -> PublicKey {
        do {
            return try Signature(compact65: signature).recoverPublicKey(hash: hash)
        } catch {
            throw .server("recovery failed")
        }
    }
}

extension AccountKey {
    /// Klaytn's `ValidateMember`: whether `signer` is one of the key's members (the account's own
    /// address for a legacy key; any role of a role-based key).
    func hasMember(_ signer: PublicKey, account: Address) -> Bool {
        switch self {
        case .nil, .fail: return false
        case .legacy: return signer.address == account
        case .public(let key): return key == signer
        case .weightedMultiSig(_, let keys): return keys.contains { $0.publicKey == signer }
        case .roleBased(let roles): return roles.contains { $0.hasMember(signer, account: account) }
        }
    }
}
