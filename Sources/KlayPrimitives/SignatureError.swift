/// Why a key or signature was rejected, or why a public key could not be recovered.
///
/// Descriptions start with go-ethereum's or Klaytn's error text where they have one for the
/// same fault, so messages read the same as the reference node's.
public enum SignatureError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A recovery id other than 0 or 1 (after removing any 27 offset); carries the value seen.
    case invalidRecoveryID(UInt64)
    /// `r` is zero or not below the curve order n.
    case rOutOfRange
    /// `s` is zero or not below the curve order n.
    case sOutOfRange
    /// `s` is above n/2, which EIP-2 (and Klaytn) refuse for transaction signatures.
    case highS
    /// A secret key that is not 32 bytes, or is zero or not below n.
    case invalidPrivateKey
    /// Bytes that are not a valid point on secp256k1 in an accepted encoding.
    case invalidPublicKey
    /// The values are in range but no public key recovers from them for this hash.
    case recoveryFailed
    /// A serialized signature of the wrong length; carries the length seen.
    case invalidSignatureLength(Int)

    public var description: String {
        switch self {
        case .invalidRecoveryID(let v): return "invalid signature recovery id: \(v)"
        case .rOutOfRange: return "invalid transaction v, r, s values: r is not in 1..<n"
        case .sOutOfRange: return "invalid transaction v, r, s values: s is not in 1..<n"
        case .highS: return "invalid transaction v, r, s values: s is above n/2"
        case .invalidPrivateKey: return "invalid private key"
        case .invalidPublicKey: return "invalid public key"
        case .recoveryFailed: return "recovery failed"
        case .invalidSignatureLength(let length): return "invalid signature length: \(length) bytes, want 65"
        }
    }
}
