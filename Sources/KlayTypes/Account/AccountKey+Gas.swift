/// The intrinsic gas an account key adds to a transaction (spec/accounts.md §7).
extension AccountKey {
    /// Gas per public key installed by AccountUpdate (`TxAccountCreationGasPerKey`).
    public static let creationGasPerKey: UInt64 = 20_000
    /// Gas per extra multisig signature checked (`TxValidationGasPerKey`).
    public static let validationGasPerKey: UInt64 = 15_000

    /// The gas AccountUpdate pays to install this key: 20 000 per public key, summed over roles.
    /// Throws `the number of keys exceeds the limit` for a multisig of more than ten keys.
    public var creationGas: UInt64 {
        get throws(AccountKeyError) {
            switch self {
            case .nil, .legacy, .fail:
                return 0
            case .public:
                return Self.creationGasPerKey
            case .weightedMultiSig(_, let keys):
                guard keys.count <= Self.maxWeightedKeys else { throw .maxKeysExceeded }
                return UInt64(keys.count) * Self.creationGasPerKey
            case .roleBased(let roles):
                var gas: UInt64 = 0
                for role in roles { gas += try role.creationGas }
                return gas
            }
        }
    }

    /// The gas for checking `signatureCount` signatures against the key that signs for `role`:
    /// zero except for a multisig, which costs 15 000 per key beyond the first before the
    /// Istanbul-compatible fork and 15 000 per signature beyond the first from it.
    ///
    /// Throws, as Klaytn does, for a multisig with more than ten keys or none. Transactions always
    /// carry at least one signature; for zero the result wraps as Klaytn's unsigned arithmetic does.
    public func signatureValidationGas(role: AccountKeyRole, signatureCount: Int, istanbul: Bool) throws(AccountKeyError) -> UInt64 {
        switch self {
        case .nil, .legacy, .public, .fail:
            return 0
        case .weightedMultiSig(_, let keys):
            guard keys.count <= Self.maxWeightedKeys else { throw .maxKeysExceededInValidation }
            guard !keys.isEmpty else { throw .zeroLength }
            let extra = istanbul ? UInt64(truncatingIfNeeded: signatureCount &- 1) : UInt64(keys.count - 1)
            return extra &* Self.validationGasPerKey
        case .roleBased:
            return try key(for: role).signatureValidationGas(role: role, signatureCount: signatureCount, istanbul: istanbul)
        }
    }
}
