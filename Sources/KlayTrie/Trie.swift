import KlayPrimitives

/// A Merkle Patricia Trie as Ethereum and Klaytn define it: byte keys to byte values, with a root hash
/// that commits to the whole content.
///
/// Nodes live in memory once created or loaded; a trie opened at a root hash loads the nodes it reaches
/// from its ``TrieNodeSource``. ``rootHash`` hashes only nodes changed since the last hashing, and
/// ``commit(to:)`` writes only nodes the store does not have yet. Keys are used as given; see
/// ``SecureTrie`` for the keccak-hashed keys of the state and storage tries.
///
/// `Trie` is a value: a copy shares nodes with the original until either changes them (copy-on-write,
/// node by node along the changed path). Both copies cache hashes, loaded nodes and stored flags in the
/// shared nodes, so copies are meant to commit to the same store.
public struct Trie {
    /// The root hash of the empty trie: keccak-256 of RLP("") (`0x56e81f…b421`).
    public static let emptyRoot = Keccak256.hash([0x80] as [UInt8])

    var root: TrieNode
    let resolver: NodeResolver

    /// An empty trie; `source`, if any, is where nodes referenced by hash would be loaded from.
    public init(source: (any TrieNodeSource)? = nil) {
        root = .empty
        resolver = NodeResolver(source: source)
    }

    /// The trie whose root hash is `root`, loading the root node from `source` now and other nodes on demand.
    ///
    /// Throws ``TrieError/missingNode(_:)`` or ``TrieError/malformedNode(_:_:)`` if the root node is
    /// absent or corrupt; ``emptyRoot`` needs no node.
    public init(root: Hash, source: any TrieNodeSource) throws(TrieError) {
        resolver = NodeResolver(source: source)
        if root == Self.emptyRoot {
            self.root = .empty
        } else {
            self.root = try resolver.load(root)
        }
    }

    /// The value stored under `key`, or nil if there is none.
    ///
    /// Nodes loaded on the way stay in memory for later calls.
    public func get(_ key: some Collection<UInt8>) throws(TrieError) -> [UInt8]? {
        let resolver = resolver
        return try Self.lookup(Nibbles.of(key), from: root) { (hash) throws(TrieError) in try resolver.load(hash) }
    }

    /// Stores `value` under `key`; an empty value deletes the key, as Ethereum's trie does.
    public mutating func update(_ key: some Collection<UInt8>, value: [UInt8]) throws(TrieError) {
        guard !value.isEmpty else { return try delete(key) }
        var node = takeRoot()
        defer { root = node }
        try insert(value, at: Nibbles.of(key), depth: 0, into: &node)
    }

    /// Removes `key` and its value; nothing happens if the key is absent.
    public mutating func delete(_ key: some Collection<UInt8>) throws(TrieError) {
        var node = takeRoot()
        defer { root = node }
        try delete(Nibbles.of(key), depth: 0, from: &node)
    }

    /// The root hash: keccak-256 of the root node's RLP, or ``emptyRoot``.
    ///
    /// Only nodes changed since the last hashing are encoded and hashed.
    public var rootHash: Hash {
        var encoder = NodeEncoder()
        return encoder.rootHash(of: root)
    }

    /// Writes each changed node of 32 bytes or more, and the root node, to `sink`; returns the root hash.
    ///
    /// Smaller nodes are embedded in their parents and are not written on their own. Written nodes stay
    /// in memory and count as stored, so the next commit writes only what changes after this one.
    @discardableResult
    public func commit(to sink: some TrieNodeSink) -> Hash {
        var encoder = NodeEncoder()
        return encoder.commit(root, to: sink)
    }

    /// The entries in increasing key order, starting at the first key not less than `start`.
    public func iterator(from start: [UInt8] = []) -> TrieIterator {
        TrieIterator(root: root, start: Nibbles.of(start), resolver: resolver)
    }

    /// Moves the root out so that a uniquely held root node can be changed in place.
    private mutating func takeRoot() -> TrieNode {
        let node = root
        root = .empty
        return node
    }
}
