/// Why an account key was refused, with Klaytn's error texts (spec/accounts.md §6,
/// spec/transactions.md §11.1 and §13).
public enum AccountKeyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The signatures do not satisfy the key (`ErrInvalidAccountKey`).
    case invalidAccountKey
    /// An AccountKeyFail cannot be updated, not even to another AccountKeyFail.
    case failNotUpdatable
    /// An in-place update was asked of keys of different types.
    case differentKeyType
    /// AccountKeyNil was to be installed (it only means "keep" inside a role-based update).
    case nilNotInstallable
    /// A public key off secp256k1. ``PublicKey`` values are always on the curve, so nothing here
    /// raises it; it completes the receipt-code table.
    case notOnCurve
    /// A multisig member of weight zero.
    case zeroKeyWeight
    /// Bytes that do not decode as a serialized key; `fault` says why (Klaytn reports only the text).
    case unserializableKey(AccountKeyDecodingFault)
    /// The same public key twice in one multisig.
    case duplicatedKey
    /// A multisig's weights sum past 2^64 − 1.
    case weightedSumOverflow
    /// A multisig's weights sum to less than its threshold, so no set of signatures could satisfy it.
    case unsatisfiableThreshold
    /// A multisig without keys, or a role-based key without roles.
    case zeroLength
    /// A role-based key with more roles than are defined.
    case lengthTooLong
    /// A role-based key inside a role-based key.
    case nestedCompositeType
    /// A multisig with more than ``AccountKey/maxWeightedKeys`` keys, at installation.
    case maxKeysExceeded
    /// A multisig with more than ``AccountKey/maxWeightedKeys`` keys already in state, when a
    /// signature is checked against it.
    case maxKeysExceededInValidation
    /// A legacy or Ethereum-typed transaction from an account whose key is not AccountKeyLegacy.
    case legacyTransactionNeedsLegacyKey

    public var description: String {
        switch self {
        case .invalidAccountKey: return "invalid account key"
        case .failNotUpdatable: return "AccountKeyFail is not updatable"
        case .differentKeyType: return "different account key type"
        case .nilNotInstallable: return "AccountKeyNil cannot be initialized to an account"
        case .notOnCurve: return "public key is not on curve"
        case .zeroKeyWeight: return "key weight is zero"
        case .unserializableKey: return "key is not serializable"
        case .duplicatedKey: return "duplicated key"
        case .weightedSumOverflow: return "weighted sum overflow"
        case .unsatisfiableThreshold: return "unsatisfiable threshold. Weighted sum of keys is less than the threshold."
        case .zeroLength: return "length is zero"
        case .lengthTooLong: return "length too long"
        case .nestedCompositeType: return "nested composite type"
        case .maxKeysExceeded: return "the number of keys exceeds the limit"
        case .maxKeysExceededInValidation: return "the number of keys exceeds the limit in the validation check"
        case .legacyTransactionNeedsLegacyKey: return "a legacy transaction must be with a legacy account key"
        }
    }

    /// The receipt status (`txError`) Klaytn records when this error ends a transaction's execution
    /// (spec/transactions.md §13), or nil where it has no code of its own (its receipt then shows the
    /// default VM error, 0x02).
    public var receiptCode: UInt8? {
        switch self {
        case .failNotUpdatable: return 0x0f
        case .differentKeyType: return 0x10
        case .nilNotInstallable: return 0x11
        case .notOnCurve: return 0x12
        case .zeroKeyWeight: return 0x13
        case .unserializableKey: return 0x14
        case .duplicatedKey: return 0x15
        case .weightedSumOverflow: return 0x16
        case .unsatisfiableThreshold: return 0x17
        case .zeroLength: return 0x18
        case .lengthTooLong: return 0x19
        case .nestedCompositeType: return 0x1a
        case .legacyTransactionNeedsLegacyKey: return 0x1b
        case .invalidAccountKey, .maxKeysExceeded, .maxKeysExceededInValidation: return nil
        }
    }
}
