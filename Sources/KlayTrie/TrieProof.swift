import KlayPrimitives

extension Trie {
    /// A Merkle proof for `key`: the RLP of each stored node on the path from the root towards the key,
    /// root first. Nodes under 32 bytes are inside their parent's RLP and are not listed separately.
    ///
    /// The proof shows the key's value if it is present, and its absence otherwise (the path ends
    /// where the key leaves the trie).
    public func prove(_ key: some Collection<UInt8>) throws(TrieError) -> [[UInt8]] {
        var encoder = NodeEncoder()
        encoder.refresh(root)
        var proof: [[UInt8]] = []
        let resolver = resolver
        _ = try Self.lookup(Nibbles.of(key), from: root, load: { (hash) throws(TrieError) in try resolver.load(hash) }) { node in
            if proof.isEmpty || node.isHashed {
                proof.append(encoder.encoded(node))
            }
        }
        return proof
    }

    /// Checks `proof` against `root` and returns the value it shows for `key`, or nil if it shows the key absent.
    ///
    /// Proof nodes are found by their hash, so their order does not matter and extra nodes are ignored.
    /// Throws ``TrieError/incompleteProof(missing:)`` if the path needs a node the proof lacks (as when a
    /// node was altered) and ``TrieError/malformedNode(_:_:)`` if a node on the path is not valid RLP of a node.
    public static func verifyProof(root: Hash, key: some Collection<UInt8>, proof: [[UInt8]]) throws(TrieError) -> [UInt8]? {
        guard root != emptyRoot else { return nil }
        var nodes: [Hash: [UInt8]] = [:]
        for node in proof {
            nodes[Keccak256.hash(node)] = node
        }
        return try lookup(Nibbles.of(key), from: .hash(root)) { (hash) throws(TrieError) in
            guard let rlp = nodes[hash] else { throw .incompleteProof(missing: hash) }
            return try TrieNodeDecoder.decode(rlp, hash: hash)
        }
    }
}

extension TrieNode {
    /// Whether the node is stored under its own hash (as opposed to embedded in its parent).
    fileprivate var isHashed: Bool {
        switch self {
        case .short(let short): if case .hashed = short.cache { return true }
        case .full(let full): if case .hashed = full.cache { return true }
        case .empty, .value, .hash: break
        }
        return false
    }
}
