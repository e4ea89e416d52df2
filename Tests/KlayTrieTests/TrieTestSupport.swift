import KlayPrimitives
import KlayTrie
import KlayTestSupport


extension Array where Element == UInt8 {
    /// `count` random bytes.
    static func random(count: Int, using generator: inout SeededGenerator) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }
}

/// A sink that counts what it is given and passes it on.
final class CountingSink: TrieNodeSink {
    let store: InMemoryTrieNodeStore
    private(set) var writes = 0
    init(store: InMemoryTrieNodeStore) { self.store = store }
    func write(hash: Hash, rlp: UnsafeRawBufferPointer) {
        writes += 1
        store.write(hash: hash, rlp: rlp)
    }
}

extension InMemoryTrieNodeStore {
    /// Replaces the bytes stored under `hash`.
    func overwrite(_ hash: Hash, with bytes: [UInt8]) {
        bytes.withUnsafeBytes { write(hash: hash, rlp: $0) }
    }
}

/// A trie holding `entries`, inserted in key order.
func makeTrie(_ entries: [[UInt8]: [UInt8]]) throws -> Trie {
    var trie = Trie()
    for key in entries.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
        try trie.update(key, value: entries[key]!)
    }
    return trie
}

/// Keys whose nibbles share prefixes of all lengths, with values of various sizes (some embedded nodes,
/// some hashed).
func sampleEntries(count: Int, seed: UInt64) -> [[UInt8]: [UInt8]] {
    var generator = SeededGenerator(seed: seed)
    var entries: [[UInt8]: [UInt8]] = [:]
    while entries.count < count {
        let key = [UInt8].random(count: Int.random(in: 1...4, using: &generator), using: &generator).map { $0 & 0x13 }
        entries[key] = [UInt8].random(count: Int.random(in: 1...40, using: &generator), using: &generator)
    }
    return entries
}
