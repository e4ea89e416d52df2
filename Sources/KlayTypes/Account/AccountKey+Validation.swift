import KlayPrimitives

/// Whether a transaction's signers satisfy the key (spec/accounts.md §5).
extension AccountKey {
    /// Checks that `signers`, the public keys recovered from a transaction's signatures for `role`,
    /// satisfy this key of the account at `address`.
    ///
    /// Klaytn works out the signature-validation gas first, so a multisig with more than ten keys in
    /// state fails with `the number of keys exceeds the limit in the validation check` (and one with
    /// none with `length is zero`) before its signatures are looked at; every other refusal is
    /// `invalid account key`. `istanbul` says whether the block is at or after the
    /// Istanbul-compatible fork, which tightened the multisig rules.
    public func validate(signers: [PublicKey], role: AccountKeyRole, address: Address, istanbul: Bool) throws(AccountKeyError) {
        _ = try signatureValidationGas(role: role, signatureCount: signers.count, istanbul: istanbul)
        guard isSatisfied(by: signers, role: role, address: address, istanbul: istanbul) else {
            throw .invalidAccountKey
        }
    }

    /// Checks that a legacy or Ethereum-typed transaction may come from an account with this key:
    /// such transactions prove their sender by address recovery alone, so Klaytn takes them only
    /// from accounts whose key is AccountKeyLegacy.
    public func checkLegacyTransactionSender() throws(AccountKeyError) {
        guard self == .legacy else { throw .legacyTransactionNeedsLegacyKey }
    }

    private func isSatisfied(by signers: [PublicKey], role: AccountKeyRole, address: Address, istanbul: Bool) -> Bool {
        switch self {
        case .nil, .fail:
            return false
        case .legacy:
            return signers.count == 1 && signers[0].address == address
        case .public(let key):
            return signers.count == 1 && signers[0] == key
        case .weightedMultiSig(let threshold, let keys):
            // From Istanbul, more signatures than keys is refused outright.
            if istanbul && signers.count > keys.count { return false }
            let distinct = Set(signers)
            var weight: UInt64 = 0
            var matched = 0
            for member in keys where distinct.contains(member.publicKey) {
                weight &+= member.weight  // Go's uint wraps; installed keys cannot overflow
                matched += 1
            }
            // From Istanbul, every distinct signer must be one of the keys.
            if istanbul && matched < distinct.count { return false }
            return weight >= threshold
        case .roleBased:
            return key(for: role).isSatisfied(by: signers, role: role, address: address, istanbul: istanbul)
        }
    }
}
