import KlayPrimitives

/// The rules for installing and replacing keys with AccountUpdate (spec/accounts.md §6).
extension AccountKey {
    /// Checks that the key may be stored in an account as it is (Klaytn's `CheckInstallable`).
    public func checkInstallable() throws(AccountKeyError) {
        switch self {
        case .nil:
            throw .nilNotInstallable
        case .legacy, .fail, .public:
            return  // a PublicKey always lies on the curve
        case .weightedMultiSig(let threshold, let keys):
            guard !keys.isEmpty else { throw .zeroLength }
            guard keys.count <= Self.maxWeightedKeys else { throw .maxKeysExceeded }
            var seen = Set<PublicKey>()
            var sum: UInt64 = 0
            for member in keys {
                guard member.weight != 0 else { throw .zeroKeyWeight }
                let (next, overflow) = sum.addingReportingOverflow(member.weight)
                guard seen.insert(member.publicKey).inserted else { throw .duplicatedKey }
                guard !overflow else { throw .weightedSumOverflow }
                sum = next
            }
            guard sum >= threshold else { throw .unsatisfiableThreshold }
        case .roleBased(let roles):
            guard !roles.isEmpty else { throw .zeroLength }
            guard roles.count <= Self.maxRoles else { throw .lengthTooLong }
            for role in roles {
                guard !role.isComposite else { throw .nestedCompositeType }
                try role.checkInstallable()
            }
        }
    }

    /// Checks that `newKey` may replace this key (Klaytn's `CheckReplacable`): a key of another type
    /// must be installable; one of the same type must be a permitted update of this one.
    public func checkReplaceable(by newKey: AccountKey) throws(AccountKeyError) {
        if type == newKey.type {
            try checkUpdatable(to: newKey)
        } else {
            try newKey.checkInstallable()
        }
    }

    /// The key an account holds after AccountUpdate installs `newKey` over this one.
    ///
    /// Usually `newKey` itself. Updating a role-based key with a role-based key merges them by role:
    /// a nil role keeps the old key for that role, roles beyond the old key's are added, and old roles
    /// beyond the new key's are kept, so a one-role update of a three-role key changes only the first role.
    public func replaced(by newKey: AccountKey) throws(AccountKeyError) -> AccountKey {
        try checkReplaceable(by: newKey)
        guard case .roleBased(var roles) = self, case .roleBased(let newRoles) = newKey else { return newKey }
        for (index, role) in newRoles.enumerated() where role != .nil {
            if index < roles.count {
                roles[index] = role
            } else {
                roles.append(role)
            }
        }
        return .roleBased(roles)
    }

    /// Klaytn's `CheckUpdatable`: whether `newKey`, of this key's type, may update it in place.
    private func checkUpdatable(to newKey: AccountKey) throws(AccountKeyError) {
        switch (self, newKey) {
        case (.nil, _):
            throw .nilNotInstallable
        case (.fail, _):
            throw .failNotUpdatable
        case (.legacy, .legacy):
            return
        case (.public, .public), (.weightedMultiSig, .weightedMultiSig):
            try newKey.checkInstallable()
        case (.roleBased(let oldRoles), .roleBased(let newRoles)):
            guard !newRoles.isEmpty else { throw .zeroLength }
            guard newRoles.count <= Self.maxRoles else { throw .lengthTooLong }
            for (index, role) in newRoles.enumerated() {
                if role.isComposite {
                    throw .nestedCompositeType
                } else if index >= oldRoles.count {
                    try role.checkInstallable()
                } else if role != .nil {
                    try oldRoles[index].checkReplaceable(by: role)
                }
            }
        default:
            throw .differentKeyType
        }
    }
}
