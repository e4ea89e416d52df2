import KlayPrimitives

/// Istanbul's signatures: 65 bytes R ‖ S ‖ V (V = 0 or 1) over keccak of the signed bytes, as
/// Klaytn's `backend.Sign` makes them and `istanbul.GetSignatureAddress` checks them. Proposer seals,
/// committed seals and consensus messages all use this form.
public enum IstanbulSignature {
    /// The length of one signature.
    public static let length = 65

    /// Signs keccak(`data`) with `key`.
    public static func sign(_ data: some Collection<UInt8>, with key: PrivateKey) -> [UInt8] {
        key.sign(hash: Keccak256.hash(data)).compact65
    }

    /// The address whose key signed keccak(`data`), with Klaytn's errors: a length other than 65,
    /// a V of 4 or more, or values from which no key recovers (`recovery failed`; this includes
    /// V = 2 or 3, which libsecp256k1 accepts but which no honest signer produces).
    public static func recoverSigner(of data: some Collection<UInt8>, signature: [UInt8]) throws(ConsensusError) -> Address {
        guard signature.count == length else { throw .invalidSignatureLength }
        let v = signature[length - 1]
        guard v < 4 else { throw .invalidRecoveryID }
        guard v < 2, let parsed = try? Signature(compact65: signature),
              let signer = try? parsed.recoverAddress(hash: Keccak256.hash(data))
        else { throw .recoveryFailed }
        return signer
    }
}
