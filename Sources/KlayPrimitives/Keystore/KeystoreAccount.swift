#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The decrypted content of a key file: an account address and its private keys, by role.
///
/// Klaytn accounts may be decoupled from their keys (the address need not derive from any key) and
/// may hold several keys per role, so the address is the file's, not one computed from a key.
/// A v3 file gives a single role holding a single key.
public struct KeystoreAccount: Equatable, Sendable {
    /// Klaytn's key roles, the indexes of a role-based keyring.
    public enum Role: Int, CaseIterable, Sendable {
        /// Signs transactions.
        case transaction = 0
        /// Signs account-update transactions.
        case accountUpdate = 1
        /// Signs as fee payer of fee-delegated transactions.
        case feePayer = 2
    }

    /// The account address.
    public let address: Address
    /// The file's `id`, when it holds a valid UUID.
    public let id: UUID?
    /// The keys, one list per role (a single list for a key file that is not role-based).
    public let keys: [[PrivateKey]]

    /// An account from its parts; throws ``KeystoreError/emptyKeyring`` unless the first role has a key.
    public init(address: Address, id: UUID?, keys: [[PrivateKey]]) throws(KeystoreError) {
        guard keys.first?.isEmpty == false else { throw .emptyKeyring }
        self.address = address
        self.id = id
        self.keys = keys
    }

    /// The default key: the first key of the first role.
    public var defaultKey: PrivateKey { keys[0][0] }

    /// The keys of `role`, or none when the keyring has fewer roles (as Klaytn's `GetPrivateKeysWithRole`).
    public func keys(for role: Role) -> [PrivateKey] {
        role.rawValue < keys.count ? keys[role.rawValue] : []
    }
}
