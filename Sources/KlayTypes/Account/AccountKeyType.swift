/// The type number of an account key: the first item of its serialized form (spec/accounts.md §3).
public enum AccountKeyType: UInt8, Sendable, CaseIterable {
    /// "Keep the current key": only meaningful as a role inside a role-based update.
    case `nil` = 0x00
    /// The account's address is derived from its key, as in Ethereum.
    case legacy = 0x01
    /// One secp256k1 public key, decoupled from the address.
    case `public` = 0x02
    /// No signature is ever valid (what smart contract accounts carry).
    case fail = 0x03
    /// Up to ten weighted public keys and a threshold.
    case weightedMultiSig = 0x04
    /// A different key per role (transaction, account update, fee payer).
    case roleBased = 0x05

    /// Klaytn's name for the type, as its RPC and logs show it (e.g. `AccountKeyPublic`).
    public var name: String {
        switch self {
        case .nil: return "AccountKeyNil"
        case .legacy: return "AccountKeyLegacy"
        case .public: return "AccountKeyPublic"
        case .fail: return "AccountKeyFail"
        case .weightedMultiSig: return "AccountKeyWeightedMultiSig"
        case .roleBased: return "AccountKeyRoleBased"
        }
    }
}
