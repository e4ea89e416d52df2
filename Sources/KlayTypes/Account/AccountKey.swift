import KlayPrimitives

/// The key an account's signatures are checked against (spec/accounts.md §3–§7).
///
/// Any value can be held and serialized, including ones Klaytn would refuse to install (a multisig
/// with zero weights, an empty role list): decoding accepts what Klaytn decodes, and
/// ``checkInstallable()`` applies the installation rules separately, with Klaytn's errors.
public enum AccountKey: Sendable, Hashable {
    /// "Keep the current key": only meaningful as a role inside a role-based update; never stored.
    case `nil`
    /// The signer's address must be the account's address.
    case legacy
    /// Exactly one signature, by this key.
    case `public`(PublicKey)
    /// Never valid: smart contract accounts carry this so no signature can move their funds.
    case fail
    /// Valid when the distinct signers' weights sum to at least `threshold`.
    case weightedMultiSig(threshold: UInt64, keys: [WeightedPublicKey])
    /// One key per ``AccountKeyRole``, in role order; missing roles fall back to the first.
    case roleBased([AccountKey])

    /// The most keys a weighted multisig may hold (`MaxNumKeysForMultiSig`).
    public static let maxWeightedKeys = 10
    /// The most roles a role-based key may hold (`RoleLast`).
    public static let maxRoles = AccountKeyRole.allCases.count

    /// The key's type number.
    public var type: AccountKeyType {
        switch self {
        case .nil: return .nil
        case .legacy: return .legacy
        case .public: return .public
        case .fail: return .fail
        case .weightedMultiSig: return .weightedMultiSig
        case .roleBased: return .roleBased
        }
    }

    /// Whether the key is made of other keys (only role-based is), which Klaytn forbids inside a role.
    public var isComposite: Bool { type == .roleBased }

    /// The key that signs for `role`: a role-based key's key for that role, or its first role when it
    /// has fewer roles; any other key answers every role itself.
    ///
    /// An empty role list (decodable, never installable) answers ``nil``, which validates nothing.
    public func key(for role: AccountKeyRole) -> AccountKey {
        guard case .roleBased(let roles) = self else { return self }
        return role.rawValue < roles.count ? roles[role.rawValue] : roles.first ?? .nil
    }
}
