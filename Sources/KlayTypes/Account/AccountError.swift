import KlayPrimitives

/// Why bytes from the state trie are not an account value (spec/accounts.md §2).
public enum AccountError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The RLP is malformed or has the wrong shape (arity, kinds, trailing bytes, empty input).
    case malformed(RLPError)
    /// A value that starts with a list: Klaytn's deprecated LegacyAccount, which no valid Klaytn state
    /// holds (Klaytn's own decoder terminates the process on one).
    case legacyAccountNotSupported
    /// A type prefix other than 0x01 (externally owned) or 0x02 (smart contract).
    case unknownAccountType(UInt8)
    /// A storage root or code hash that is not 32 bytes (including the 39-byte live-pruning form,
    /// which this node never writes).
    case wrongFieldLength(field: String, expected: Int, actual: Int)
    /// The account key inside the value does not decode.
    case key(AccountKeyError)

    public var description: String {
        switch self {
        case .malformed(let error): return "invalid account: \(error)"
        case .legacyAccountNotSupported: return "invalid account: LegacyAccount encoding is deprecated and not supported"
        case .unknownAccountType(let type): return "invalid account: undefined account type \(type)"
        case .wrongFieldLength(let field, let expected, let actual):
            return "invalid account: \(field) must be \(expected) bytes, got \(actual)"
        case .key(let error): return "invalid account: \(error)"
        }
    }
}

extension AccountError {
    /// A storage root or code hash field, which must be 32 bytes.
    static func hashField(_ bytes: ArraySlice<UInt8>, field: String) throws(AccountError) -> Hash {
        guard bytes.count == Hash.byteCount else {
            throw .wrongFieldLength(field: field, expected: Hash.byteCount, actual: bytes.count)
        }
        return try! Hash(bytes: bytes)
    }
}
