import KlayPrimitives
import KlayStorage
import KlayTrie
import KlayTypes

/// The ``StateBackend`` of a real node: the secure account trie and per-account storage tries over a
/// ``KeyValueStore``. Accounts are encoded the Klaytn way (spec/accounts.md §2), or the Ethereum way
/// for running Ethereum's state tests. A commit writes every changed node and new code in one batch.
public final class TrieStateBackend: StateBackend {
    /// How accounts are stored in the trie.
    public enum AccountEncoding: Sendable {
        case klaytn
        case ethereum
    }

    public let encoding: AccountEncoding
    let store: any KeyValueStore
    let nodes: StoreTrieNodes
    var accounts: SecureTrie
    /// Storage tries opened so far, by account.
    var storageTries: [Address: SecureTrie] = [:]
    /// Whether ``commit(_:)`` leaves its batch for ``takePendingWrites()`` instead of writing it.
    public let defersWrites: Bool

    /// The state whose root is `root` (the empty root for a new chain) in `store`. With `defersWrites`,
    /// commits only collect their writes; the caller takes them with ``takePendingWrites()``, adds its
    /// own (head pointers, block data) and writes everything in one batch.
    public init(store: any KeyValueStore, root: Hash = Trie.emptyRoot, encoding: AccountEncoding = .klaytn,
                defersWrites: Bool = false) throws {
        self.store = store
        self.encoding = encoding
        self.defersWrites = defersWrites
        nodes = StoreTrieNodes(store: store)
        accounts = try SecureTrie(root: root, source: nodes)
    }

    /// The current state root.
    public var stateRoot: Hash { accounts.rootHash }

    public func account(at address: Address) throws -> Account? {
        guard let bytes = try accounts.get(address.bytes) else { return nil }
        switch encoding {
        case .klaytn:
            return try Account(decoding: bytes)
        case .ethereum:
            let account = try EthereumAccount(decoding: bytes)
            let hasContractParts = account.codeHash != Account.emptyCodeHash || account.storageRoot != Account.emptyStorageRoot
            return Account(nonce: account.nonce, balance: account.balance, key: .legacy,
                           contract: hasContractParts ? Account.Contract(storageRoot: account.storageRoot, codeHash: account.codeHash,
                                                                         codeInfo: CodeInfo(vmVersion: 1)) : nil)
        }
    }

    public func storage(of address: Address, storageRoot: Hash, slot: UInt256) throws -> UInt256 {
        let trie = try storageTrie(of: address, root: storageRoot)
        guard let encoded = try trie.get(slot.bigEndianBytes) else { return .zero }
        var reader = RLPReader(encoded)
        let value = try reader.readBigEndianInteger(maxBytes: 32)
        return UInt256(bigEndian: value)!
    }

    public func code(hash: Hash) throws -> [UInt8]? {
        try store.get(StorageTable.code.key(hash.bytes))
    }

    public func dropCaches() {
        storageTries.removeAll()
        // Reopening at the committed root drops every node held in memory; the root itself is stored.
        if let reopened = try? SecureTrie(root: accounts.rootHash, source: nodes) { accounts = reopened }
    }

    func storageTrie(of address: Address, root: Hash) throws -> SecureTrie {
        if let trie = storageTries[address], trie.rootHash == root { return trie }
        let trie = try SecureTrie(root: root, source: nodes)
        storageTries[address] = trie
        return trie
    }

    public func commit(_ changes: StateChanges) throws -> (stateRoot: Hash, storageRoots: [Address: Hash]) {
        var storageRoots: [Address: Hash] = [:]
        for change in changes.accounts {
            guard var account = change.account else {
                try accounts.delete(change.address.bytes)
                storageTries[change.address] = nil
                continue
            }
            if let code = change.code { nodes.put(StorageTable.code.key(account.codeHash.bytes), code) }
            if account.contract != nil || !change.storage.isEmpty {
                var trie = change.storageCleared ? SecureTrie(source: nodes)
                    : try storageTrie(of: change.address, root: account.storageRoot)
                for (slot, value) in change.storage {
                    if value.isZero {
                        try trie.delete(slot.bigEndianBytes)
                    } else {
                        try trie.update(slot.bigEndianBytes, value: RLPWriter.encode { $0.append(value) })
                    }
                }
                let root = trie.commit(to: nodes)
                storageTries[change.address] = trie
                storageRoots[change.address] = root
                if account.contract != nil { account.contract!.storageRoot = root }
            }
            try accounts.update(change.address.bytes, value: encode(account))
        }
        let root = accounts.commit(to: nodes)
        if let error = nodes.readError { throw error }
        if !defersWrites { try store.write(nodes.takeBatch()) }
        return (root, storageRoots)
    }

    /// The nodes and code of the commits since the last call, not yet written (see `defersWrites`).
    /// The tries already count them as stored: if writing the batch fails, discard this backend.
    public func takePendingWrites() -> WriteBatch { nodes.takeBatch() }

    func encode(_ account: Account) -> [UInt8] {
        switch encoding {
        case .klaytn:
            return account.encoded()
        case .ethereum:
            return EthereumAccount(nonce: account.nonce, balance: account.balance,
                                   storageRoot: account.storageRoot, codeHash: account.codeHash).encoded()
        }
    }
}
