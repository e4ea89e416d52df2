import KlayPrimitives

/// A trie whose keys are the keccak-256 hashes of the caller's keys, as in Ethereum's and Klaytn's
/// account and storage tries: paths have a fixed length of 64 nibbles and cannot be chosen to
/// unbalance the trie.
///
/// Only the hashes are stored; iteration yields hashed keys.
public struct SecureTrie {
    /// The underlying trie, keyed by hashes.
    public private(set) var trie: Trie

    /// An empty trie; `source`, if any, is where nodes referenced by hash would be loaded from.
    public init(source: (any TrieNodeSource)? = nil) {
        trie = Trie(source: source)
    }

    /// The trie whose root hash is `root`; see ``Trie/init(root:source:)``.
    public init(root: Hash, source: any TrieNodeSource) throws(TrieError) {
        trie = try Trie(root: root, source: source)
    }

    /// The value stored under `key`, or nil if there is none.
    public func get(_ key: some Collection<UInt8>) throws(TrieError) -> [UInt8]? {
        try trie.get(Self.hashedKey(key))
    }

    /// Stores `value` under `key`; an empty value deletes the key.
    public mutating func update(_ key: some Collection<UInt8>, value: [UInt8]) throws(TrieError) {
        try trie.update(Self.hashedKey(key), value: value)
    }

    /// Removes `key` and its value; nothing happens if the key is absent.
    public mutating func delete(_ key: some Collection<UInt8>) throws(TrieError) {
        try trie.delete(Self.hashedKey(key))
    }

    /// The root hash; see ``Trie/rootHash``.
    public var rootHash: Hash { trie.rootHash }

    /// Writes the changed nodes to `sink` and returns the root hash; see ``Trie/commit(to:)``.
    @discardableResult
    public func commit(to sink: some TrieNodeSink) -> Hash {
        trie.commit(to: sink)
    }

    /// A Merkle proof for `key`; see ``Trie/prove(_:)``.
    public func prove(_ key: some Collection<UInt8>) throws(TrieError) -> [[UInt8]] {
        try trie.prove(Self.hashedKey(key))
    }

    /// Checks a proof made by ``prove(_:)``; see ``Trie/verifyProof(root:key:proof:)``.
    public static func verifyProof(root: Hash, key: some Collection<UInt8>, proof: [[UInt8]]) throws(TrieError) -> [UInt8]? {
        try Trie.verifyProof(root: root, key: hashedKey(key), proof: proof)
    }

    /// The path a key takes in the trie: its keccak-256 hash.
    public static func hashedKey(_ key: some Collection<UInt8>) -> [UInt8] {
        Keccak256.hash(key).bytes
    }
}
