import KlayPrimitives

/// What was wrong with bytes that do not decode as a serialized account key.
///
/// For diagnostics only: Klaytn reports every one of these as `key is not serializable`
/// (``AccountKeyError/unserializableKey(_:)``).
public enum AccountKeyDecodingFault: Equatable, Sendable, CustomStringConvertible {
    /// The RLP is malformed or does not have the type's shape (wrong arity, list for string, trailing bytes…).
    case rlp(RLPError)
    /// A type number outside 0…5.
    case unknownKeyType(UInt64)
    /// A public key that is not 33 bytes (only the compressed form is accepted).
    case publicKeyLength(Int)
    /// 33 bytes that are not a compressed secp256k1 point (bad prefix, or X not on the curve).
    case invalidCompressedPublicKey
    /// Role-based keys nested deeper than ``AccountKey/maxRoleBasedNesting``.
    case nestingTooDeep(limit: Int)

    public var description: String {
        switch self {
        case .rlp(let error): return error.description
        case .unknownKeyType(let type): return "undefined account key type \(type)"
        case .publicKeyLength(let count): return "public key of \(count) bytes, want 33 (compressed)"
        case .invalidCompressedPublicKey: return "public key is not a compressed secp256k1 point"
        case .nestingTooDeep(let limit): return "role-based keys nested deeper than \(limit) levels"
        }
    }
}
