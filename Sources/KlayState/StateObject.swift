import KlayPrimitives
import KlayTypes

/// One account as the ``StateDB`` holds it between commits: its current fields, and its storage in
/// three layers — values committed to the trie (`originStorage`, a read cache), values final after
/// earlier transactions of this block (`pendingStorage`) and this transaction's writes (`dirtyStorage`).
final class StateObject {
    let address: Address
    /// The account's fields; meaningful only while ``exists``.
    var account: Account
    /// Whether the account exists (a missing account reads as an empty legacy EOA).
    var exists: Bool
    /// Storage as committed in the trie, cached on first read.
    var originStorage: [UInt256: UInt256] = [:]
    /// Writes final after earlier transactions, not yet committed.
    var pendingStorage: [UInt256: UInt256] = [:]
    /// This transaction's writes.
    var dirtyStorage: [UInt256: UInt256] = [:]
    /// The code, once loaded or set.
    var code: [UInt8]?
    /// Whether `code` was set since the last commit.
    var codeChanged = false
    /// Whether the storage trie must start from empty at the next commit (account deleted or re-created).
    var storageCleared = false
    /// Whether the account was created in the current transaction (EIP-6780).
    var createdInTransaction = false
    /// Whether SELFDESTRUCT ran for the account in the current transaction.
    var selfDestructed = false
    /// Whether anything changed since the last commit.
    var changedSinceCommit = false

    init(address: Address, account: Account?) {
        self.address = address
        self.account = account ?? .externallyOwned()
        exists = account != nil
    }

    /// The EIP-158/161 emptiness rule of spec/accounts.md §2.
    var isEmpty: Bool { !exists || account.isEmpty }
}
