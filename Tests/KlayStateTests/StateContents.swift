import KlayPrimitives
import KlayStorage
import KlayTrie
import KlayTypes
@testable import KlayState

/// Everything a state root commits to, read back from a store by walking the tries: accounts by hashed
/// address, each contract's storage by hashed slot, and contract code. Walking fails on a missing or
/// corrupt node, so building it proves the state is fully readable.
struct StateContents: Equatable {
    var accounts: [[UInt8]: [UInt8]] = [:]
    var storage: [[UInt8]: [[UInt8]: [UInt8]]] = [:]
    var code: [[UInt8]: [UInt8]] = [:]

    init(store: any KeyValueStore, root: Hash) throws {
        let nodes = StoreTrieNodes(store: store)
        accounts = try Self.entries(of: Trie(root: root, source: nodes))
        for (hashedAddress, encoded) in accounts {
            guard let contract = try Account(decoding: encoded).contract else { continue }
            storage[hashedAddress] = try Self.entries(of: Trie(root: contract.storageRoot, source: nodes))
            code[hashedAddress] = try store.get(StorageTable.code.key(contract.codeHash.bytes)) ?? []
        }
    }

    static func entries(of trie: Trie) throws -> [[UInt8]: [UInt8]] {
        var entries: [[UInt8]: [UInt8]] = [:]
        var iterator = trie.iterator()
        while let (key, value) = try iterator.next() { entries[key] = value }
        return entries
    }
}
