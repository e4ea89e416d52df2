import KlayPrimitives
import KlayTrie
import KlayTypes

/// The state a genesis creates, as the reference's `Genesis.ToBlock` builds it (spec/chain.md §5.2):
/// every alloc entry becomes an account in the secure state trie, keyed by keccak256(address).
///
/// An entry with code or storage becomes a smart contract account with AccountKeyFail, code info 0
/// (EVM, VM version 0: the reference sets code without choosing a VM version), the entry's nonce, its
/// code hash and the root of its storage trie. Any other entry becomes an externally owned account
/// with AccountKeyLegacy. Zero-valued storage slots are not stored; empty accounts are kept.
public struct GenesisState: Sendable {
    /// The genesis accounts by address.
    public let accounts: [Address: Account]
    /// The root of the state trie.
    public let stateRoot: Hash

    public init(genesis: Genesis) {
        var accounts: [Address: Account] = [:]
        var trie = SecureTrie()
        for (address, entry) in genesis.alloc {
            let account = Self.account(for: entry)
            accounts[address] = account
            Self.update(&trie, key: address.bytes, value: account.encoded())
        }
        self.accounts = accounts
        stateRoot = trie.rootHash
    }

    /// The account an alloc entry becomes.
    public static func account(for entry: GenesisAccount) -> Account {
        guard !entry.code.isEmpty || !entry.storage.isEmpty else {
            return .externallyOwned(nonce: entry.nonce, balance: entry.balance, key: .legacy)
        }
        return .smartContract(nonce: entry.nonce, balance: entry.balance, key: .fail,
                              storageRoot: storageRoot(of: entry.storage), codeHash: Keccak256.hash(entry.code),
                              codeInfo: CodeInfo(rawValue: 0))
    }

    /// The root of a storage trie holding `storage`: keccak256(slot) → rlp(value without leading zeros).
    public static func storageRoot(of storage: [Hash: Hash]) -> Hash {
        var trie = SecureTrie()
        for (slot, value) in storage where value != .zero {
            var writer = RLPWriter(capacity: 33)
            writer.append(bytes: value.bytes.drop { $0 == 0 })
            update(&trie, key: slot.bytes, value: writer.bytes)
        }
        return trie.rootHash
    }

    private static func update(_ trie: inout SecureTrie, key: [UInt8], value: [UInt8]) {
        do {
            try trie.update(key, value: value)
        } catch {
            preconditionFailure("an in-memory trie has no node to load, yet updating it failed: \(error)")
        }
    }
}
