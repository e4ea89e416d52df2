import KlayPrimitives

/// Where a trie loads nodes it has not seen yet: the RLP of a node by its keccak-256 hash.
///
/// Conformers are typically reference types (a database handle, an in-memory map). A trie asks only
/// for nodes it reaches, one at a time, so opening a trie at a root reads nothing beyond the root.
public protocol TrieNodeSource {
    /// The RLP of the node whose hash is `hash`, or nil if the source does not have it.
    func read(hash: Hash) -> [UInt8]?
}

/// Where a commit writes the nodes that changed: each node of 32 bytes or more, and the root, by hash.
public protocol TrieNodeSink {
    /// Stores `rlp` under `hash`. The bytes are valid only during the call; copy them to keep them.
    func write(hash: Hash, rlp: UnsafeRawBufferPointer)
}
