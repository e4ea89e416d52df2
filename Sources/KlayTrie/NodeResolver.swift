import KlayPrimitives

/// Loads the nodes a trie refers to by hash from the trie's source.
struct NodeResolver {
    let source: (any TrieNodeSource)?

    /// The node stored under `hash`.
    func load(_ hash: Hash) throws(TrieError) -> TrieNode {
        guard let rlp = source?.read(hash: hash) else { throw .missingNode(hash) }
        return try TrieNodeDecoder.decode(rlp, hash: hash)
    }
}
