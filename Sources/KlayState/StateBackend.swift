import KlayPrimitives
import KlayTypes

/// Where a ``StateDB`` reads committed state and sends its commits: the account and storage tries over
/// a key-value store (``TrieStateBackend``), or anything else that can answer the same questions.
/// Reads happen on cache misses only; the interpreter's hot path never reaches the backend twice for
/// the same key.
public protocol StateBackend: AnyObject {
    /// The account at `address` in the committed state, or nil if there is none.
    func account(at address: Address) throws -> Account?
    /// The committed value of `slot` in the storage trie whose root is `storageRoot` (zero if absent).
    func storage(of address: Address, storageRoot: Hash, slot: UInt256) throws -> UInt256
    /// Contract code by its hash (nil if unknown).
    func code(hash: Hash) throws -> [UInt8]?
    /// Applies `changes` on top of the committed state, persists them, and returns the new state root
    /// and the new storage root of every changed account that has storage.
    func commit(_ changes: StateChanges) throws -> (stateRoot: Hash, storageRoots: [Address: Hash])
    /// Forgets cached trie nodes and open storage tries (everything committed can be loaded again).
    func dropCaches()
}

/// Everything a commit changes, account by account.
public struct StateChanges: Sendable {
    /// One account's change.
    public struct AccountChange: Sendable {
        public let address: Address
        /// The account's new fields; nil deletes it.
        public let account: Account?
        /// Whether its storage starts from empty (deleted or re-created) before `storage` applies.
        public let storageCleared: Bool
        /// Slot writes; a zero value deletes the slot.
        public let storage: [(slot: UInt256, value: UInt256)]
        /// New code to store under the account's code hash, if it was set since the last commit.
        public let code: [UInt8]?
    }

    public var accounts: [AccountChange] = []

    public init() {}
}
